// The lesson pages: nbconvert with the course template (template/downhill) makes `NN-name.html` and,
// with --no-input, `NN-name.no-code.html` from the notebooks that carry figure images. Each page is
// then rewritten as a parsed document (html.mjs): the notebook's figure scripts make way for the page's
// own (pageRuntime.ts, bundled by esbuild), the figures' data and plotly.js travel packed in data
// blocks, the math is typeset (math.mjs), the style sheets keep what the page uses (PurgeCSS) and the
// page is written in ASCII. Each page is a single file; with `shared`, plotly.js is in `assets/`.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync, transformSync } from "esbuild";
import postcss from "postcss";
import { PurgeCSS } from "purgecss";
import { packText } from "../../src/plot/figure.ts";
import { ensurePlotlyBundle } from "../../src/plot/plotlyBundle.ts";
import { figuresIn } from "./figureImages.mjs";
import { packFigureData } from "./figureData.mjs";
import { compactFormulas, typesetPage } from "./math.mjs";
import { Text, appendChild, element, parseHtml, removeElement, renderHtml } from "./html.mjs";
import { replaceElement, selectAll, selectOne, setText, textContent } from "./html.mjs";

const templateDir = fileURLToPath(new URL("template", import.meta.url));

/** The page's script: pageRuntime.ts bundled and minified by esbuild (ASCII, as esbuild writes). */
export function pageRuntime() {
  const entry = fileURLToPath(new URL("pageRuntime.ts", import.meta.url));
  const options = { entryPoints: [entry], bundle: true, minify: true, write: false };
  const { outputFiles } = buildSync({ ...options, format: "iife", target: "es2020" });
  if (!outputFiles?.length) throw new Error("esbuild wrote no page script");
  return outputFiles[0].text;
}

/** A style sheet minified by esbuild, in ASCII (`\2248`). */
const minifiedCss = (/** @type {string} */ css) =>
  transformSync(css, { loader: "css", minify: true }).code;

/** Style sheets smaller than this are the course's own: PurgeCSS trims JupyterLab's and its theme's. */
const minimumToPurge = 10_000;

/**
 * The page's elements' names, classes, ids and attributes, for PurgeCSS.
 * @param {import("./html.mjs").Document} doc @returns {import("purgecss").ExtractorResultDetailed}
 */
function pageSelectors(doc) {
  const elements = selectAll("*", doc);
  const attributes = elements.flatMap((e) => Object.entries(e.attribs));
  return {
    tags: [...new Set(elements.map((e) => e.name))],
    classes: [...new Set(elements.flatMap((e) => (e.attribs.class ?? "").split(/\s+/)))],
    ids: elements.flatMap((e) => e.attribs.id ?? []),
    attributes: { names: attributes.map(([n]) => n), values: attributes.map(([, v]) => v) },
    undetermined: [],
  };
}

/**
 * The custom properties of the style sheets (postcss roots) that nothing reads, removed: a property
 * stays when a declaration of another property, or `also` (the elements' styles), reads it through
 * `var(--name)`, or a custom property that stays does.
 * @param {import("postcss").Root[]} sheets @param {string} also
 */
function pruneCustomProperties(sheets, also) {
  const reads = (/** @type {string} */ text) =>
    [...text.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1]);
  /** @type {Map<string, import("postcss").Declaration[]>} */
  const declared = new Map();
  const pending = reads(also);
  for (const sheet of sheets)
    sheet.walkDecls((d) => {
      if (d.prop.startsWith("--")) declared.set(d.prop, [...(declared.get(d.prop) ?? []), d]);
      else pending.push(...reads(d.value));
    });
  const used = new Set();
  for (let name = pending.pop(); name !== undefined; name = pending.pop())
    if (!used.has(name)) {
      used.add(name);
      for (const d of declared.get(name) ?? []) pending.push(...reads(d.value));
    }
  for (const [name, declarations] of declared)
    if (!used.has(name)) declarations.forEach((d) => d.remove());
}

/**
 * The page's style sheets without the rules of JupyterLab's (and its theme's) that can match nothing
 * on the page (PurgeCSS, given the page's elements) and without the custom properties nothing reads;
 * minified.
 * @param {import("./html.mjs").Document} doc
 */
export async function purgeStyles(doc) {
  const styles = selectAll("style", doc);
  const large = styles.filter((style) => textContent(style).length >= minimumToPurge);
  const selectors = pageSelectors(doc);
  const purged = await new PurgeCSS().purge({
    content: [{ raw: "", extension: "page" }],
    extractors: [{ extractor: () => selectors, extensions: ["page"] }],
    css: large.map((style) => ({ raw: textContent(style) })),
  });
  const sheets = styles.map((s) => postcss.parse(purged[large.indexOf(s)]?.css ?? textContent(s)));
  const inline = selectAll("[style]", doc).map((e) => e.attribs.style);
  pruneCustomProperties(sheets, inline.join("\n"));
  styles.forEach((style, i) => setText(style, minifiedCss(sheets[i].toString())));
}

/**
 * Code with fewer elements, the same look: Pygments wraps every token in a span, and half of them show
 * nothing — a class no `.highlight .X` rule styles (a name, `nx`), or a run of spaces (`w`, coloured
 * only). Those spans make way for their text (lesson 3: 130 KB, 5,000 elements).
 * @param {import("./html.mjs").Document} doc
 */
export function unwrapPlainSpans(doc) {
  const styled = new Set();
  for (const style of selectAll("style", doc))
    postcss.parse(textContent(style)).walkRules((rule) => {
      for (const selector of rule.selectors) {
        const name = /^\.highlight \.([\w-]+)$/.exec(selector)?.[1];
        if (name && name !== "w") styled.add(name);
      }
    });
  for (const span of selectAll(".highlight pre span", doc))
    if (!styled.has(span.attribs.class ?? "")) replaceElement(span, new Text(textContent(span)));
}

/**
 * The handout page (ASCII HTML) from nbconvert's: the scripts in the outputs make way for `runtime`
 * (pageRuntime()) and two data blocks, the figures' data and `plotly` (its text, or its shared copy).
 * @param {string} html
 * @param {{ plotly: { text: string } | { src: string }, runtime: string }} options
 */
export async function handoutPage(html, { plotly, runtime }) {
  const notebook = parseHtml(html);
  /** @type {[string, string][]} */
  const figures = figuresIn(notebook).map(({ div, data }) => [div.attribs.id, textContent(data)]);
  // The notebook's drawing code, plotly.js inline with it, and the data blocks: the page brings its own.
  for (const script of selectAll(".jp-OutputArea-output script", notebook)) removeElement(script);
  const typeset = typesetPage(renderHtml(notebook));
  if (typeset.errors.length) throw new Error(`MathJax cannot typeset ${typeset.errors.join(", ")}`);
  const doc = parseHtml(typeset.html);
  compactFormulas(doc);
  unwrapPlainSpans(doc);
  await purgeStyles(doc);
  const [head, main] = [selectOne("head", doc), selectOne("main", doc)];
  if (!head || !main) throw new Error("handoutPage: the page has no <head> or no <main>");
  if (figures.length) {
    const block = (/** @type {string} */ id) => ({ type: "application/octet-stream", id });
    appendChild(head, element("script", {}, runtime));
    appendChild(main, element("script", block("downhill-figure-data"), packFigureData(figures)));
    if ("src" in plotly)
      appendChild(main, element("script", { ...block("downhill-plotly"), "data-src": plotly.src }));
    else appendChild(main, element("script", block("downhill-plotly"), packText(plotly.text)));
  }
  return renderHtml(doc, { ascii: true });
}

/** Page variants: the suffix of the file name and the nbconvert options that make it. */
const variants = [
  { suffix: "", args: [] },
  { suffix: ".no-code", args: ["--no-input"] },
];

/**
 * Writes both variants of each notebook's page into `outDir` (with `shared`, plotly.js into
 * `outDir/assets/`), through nbconvert in `python`, its output in `scratchDir`.
 * @param {string[]} notebooks @param {string} outDir
 * @param {{ python: string, scratchDir: string, shared?: boolean }} options
 */
export async function convertNotebooks(notebooks, outDir, { python, scratchDir, shared = false }) {
  const bundle = ensurePlotlyBundle();
  if (shared) {
    mkdirSync(path.join(outDir, "assets"), { recursive: true });
    copyFileSync(bundle, path.join(outDir, "assets", "plotly.min.js"));
  }
  const plotly = shared ? { src: "assets/plotly.min.js" } : { text: readFileSync(bundle, "utf8") };
  const runtime = pageRuntime();
  for (const variant of variants) {
    const scratch = path.join(scratchDir, `html${variant.suffix || ".full"}`);
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
    const args = ["-m", "nbconvert", "--to", "html", "--template", "downhill", ...variant.args];
    const basedirs = `--TemplateExporter.extra_template_basedirs=${templateDir}`;
    const run = spawnSync(python, [...args, basedirs, "--output-dir", scratch, ...notebooks], {
      encoding: "utf8",
    });
    if (run.status !== 0) throw new Error(`nbconvert failed:\n${run.stderr}`);
    for (const name of readdirSync(scratch)
      .filter((n) => n.endsWith(".html"))
      .sort()) {
      const target = name.replace(/\.html$/, `${variant.suffix}.html`);
      const html = readFileSync(path.join(scratch, name), "utf8");
      const page = await handoutPage(html, { plotly, runtime }).catch((error) => {
        throw new Error(`${target}: ${error.message}`);
      });
      writeFileSync(path.join(outDir, target), page);
    }
  }
}

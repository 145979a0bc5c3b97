// One handout page per notebook, made by nbconvert from the notebooks that carry figure images, with the
// course template (template/downhill: nbconvert's lab template, nothing loaded from outside the page).
// Two variants: `NN-name.html` (everything) and `NN-name.no-code.html` (narrative, math, figures;
// nbconvert's --no-input). MathJax 3 goes in place of the template's marker. By default each page is a
// single file (MathJax and plotly.js inlined) that works offline, from disk, e-mailed or uploaded; with
// `shared`, pages load both from `assets/` beside them instead (a much lighter site, one folder).
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { escapeInlineScript, plotlyLibraryHtml } from "../src.mjs";

const require = createRequire(import.meta.url);
const templateDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "template");
const mathjaxMarker = "<!-- downhill:mathjax -->";
const mathjaxFile = require.resolve("mathjax/es5/tex-svg-full.js");
const plotlyFile = require.resolve("plotly.js-dist-min/plotly.min.js");

/** A JavaScript source as an inline `<script>` that the HTML parser cannot end early. */
export function inlineScript(source) {
  return `<script type="text/javascript">\n${escapeInlineScript(source)}\n</script>`;
}

/** MathJax 3 (TeX in, SVG out, every TeX extension built in, so it never loads a file), inlined. */
export function mathjaxScript() {
  return inlineScript(readFileSync(mathjaxFile, "utf8"));
}

/** The block src/plot/figure.ts (plotlyLibraryHtml) puts before a notebook's first figure. */
function plotlyInlineBlock() {
  return plotlyLibraryHtml(readFileSync(plotlyFile, "utf8"));
}

/**
 * How pages get MathJax and plotly.js: `{ mathjax, finish(html) }`. Single-file: MathJax inlined, plotly.js
 * left inline where the notebook put it. Shared: both copied to `outDir/assets/` and loaded from there.
 */
export function libraries(outDir, { shared = false } = {}) {
  if (!shared) return { mathjax: mathjaxScript(), finish: (html) => html };
  mkdirSync(path.join(outDir, "assets"), { recursive: true });
  copyFileSync(mathjaxFile, path.join(outDir, "assets", "mathjax-tex-svg-full.js"));
  copyFileSync(plotlyFile, path.join(outDir, "assets", "plotly.min.js"));
  const block = plotlyInlineBlock();
  return {
    mathjax: `<script type="text/javascript" src="assets/mathjax-tex-svg-full.js"></script>`,
    finish(html) {
      const parts = html.split(block);
      if (parts.length > 2) throw new Error("plotly.js is inlined more than once");
      if (parts.length === 1 && html.includes('class="downhill-figure"'))
        throw new Error("a page with figures has no inline plotly.js to share");
      return parts.join(`<script type="text/javascript" src="assets/plotly.min.js"></script>`);
    },
  };
}

/** Page variants: the suffix of the file name and the nbconvert options that make it. */
export const variants = [
  { suffix: "", args: [] },
  { suffix: ".no-code", args: ["--no-input"] },
];

/** Converts the notebooks into `outDir` (both variants) with `libs` from libraries(); returns the file names written. */
export function convertNotebooks(notebooks, outDir, { python, scratchDir, libs }) {
  const written = [];
  for (const variant of variants) {
    const scratch = path.join(scratchDir, `html${variant.suffix || ".full"}`);
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
    const args = [
      "-m",
      "nbconvert",
      "--to",
      "html",
      `--TemplateExporter.extra_template_basedirs=${templateDir}`,
      "--template",
      "downhill",
      ...variant.args,
      "--output-dir",
      scratch,
      ...notebooks,
    ];
    const run = spawnSync(python, args, { encoding: "utf8" });
    if (run.status !== 0) throw new Error(`nbconvert failed:\n${run.stderr}`);
    for (const name of readdirSync(scratch)
      .filter((n) => n.endsWith(".html"))
      .sort()) {
      const html = readFileSync(path.join(scratch, name), "utf8");
      if (html.split(mathjaxMarker).length !== 2)
        throw new Error(`${name}: expected one MathJax marker from the template`);
      const target = name.replace(/\.html$/, `${variant.suffix}.html`);
      writeFileSync(
        path.join(outDir, target),
        libs.finish(html.replace(mathjaxMarker, () => libs.mathjax)),
      );
      written.push(target);
    }
  }
  return written;
}

// One handout page per notebook, made by nbconvert from the notebooks that carry figure images, with the
// course template (template/downhill: nbconvert's lab template, nothing loaded from outside the page).
// Two variants: `NN-name.html` (everything) and `NN-name.no-code.html` (narrative, math, figures;
// nbconvert's --no-input). Math is typeset at build time (math.mjs): pages carry SVG formulas and no
// MathJax. Code cells keep only the highlighting spans that show (highlighting.mjs), JupyterLab's
// stylesheet only the rules and custom properties the page can use (css.mjs), the figures' data travels
// packed in one block (figureData.mjs), and the page is written in ASCII (ascii.mjs): all four make
// less for the browser to parse. By default each page is a single file (plotly.js
// inlined) that works offline, from disk, e-mailed or uploaded; with `shared`, pages load plotly.js from `assets/` beside them instead.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { plotlyLibraryHtml } from "../../src/plot/figure.ts";
import { ensurePlotlyBundle } from "../../src/plot/plotlyBundle.ts";
import { asciiOnly } from "./ascii.mjs";
import { pruneStyles } from "./css.mjs";
import { packFigureData } from "./figureData.mjs";
import { compactHighlighting } from "./highlighting.mjs";
import { typesetPage } from "./math.mjs";

const templateDir = fileURLToPath(new URL("template", import.meta.url));
/** The course's plotly.js bundle (src/plot/plotlyBundle.ts), built first when missing or stale. */
const plotlyFile = () => ensurePlotlyBundle();

/** The block src/plot/figure.ts (plotlyLibraryHtml) puts before a notebook's first figure. */
function plotlyInlineBlock() {
  return plotlyLibraryHtml(readFileSync(plotlyFile(), "utf8"));
}

/**
 * The shared form's stand-in for the inline block: loads `assets/plotly.min.js` as a script element,
 * handed (like the inline block) to the page's downhillLazyFigures to run once the page has painted.
 */
const sharedLoader =
  `<script type="text/javascript">(function () {\n` +
  `  function load() {\n` +
  `    return new Promise(function (done) {\n` +
  `      var script = document.createElement("script");\n` +
  `      script.src = "assets/plotly.min.js";\n` +
  `      script.onload = script.onerror = done;\n` +
  `      document.head.appendChild(script);\n` +
  `    });\n` +
  `  }\n` +
  `  if (window.downhillLazyFigures) window.downhillLazyFigures.library(load);\n` +
  `  else load();\n` +
  `})();</script>`;

/**
 * How pages get plotly.js: `{ finish(html) }`. Single-file: plotly.js left inline where the notebook put
 * it, in plotlyLibraryHtml's inert form. Shared: copied to `outDir/assets/` and loaded from there once the page has painted.
 * @param {string} outDir
 * @param {{ shared?: boolean }} [options]
 * @returns {Libraries}
 */
export function libraries(outDir, { shared = false } = {}) {
  if (!shared) {
    // The same library, its packed text in a data block the browser does not compile (figure.ts).
    const block = plotlyInlineBlock();
    const inert = plotlyLibraryHtml(readFileSync(plotlyFile(), "utf8"), { inert: true });
    return { finish: (html) => html.split(block).join(inert) };
  }
  mkdirSync(path.join(outDir, "assets"), { recursive: true });
  copyFileSync(plotlyFile(), path.join(outDir, "assets", "plotly.min.js"));
  const block = plotlyInlineBlock();
  return {
    finish(html) {
      const parts = html.split(block);
      if (parts.length > 2) throw new Error("plotly.js is inlined more than once");
      if (parts.length === 1 && html.includes('class="downhill-figure"'))
        throw new Error("a page with figures has no inline plotly.js to share");
      return parts.join(sharedLoader);
    },
  };
}

/**
 * How a page gets plotly.js: `finish(html)` turns nbconvert's page into the handout's.
 * @typedef {{ finish(html: string): string }} Libraries
 */

/** Page variants: the suffix of the file name and the nbconvert options that make it. */
export const variants = [
  { suffix: "", args: [] },
  { suffix: ".no-code", args: ["--no-input"] },
];

/**
 * Converts the notebooks into `outDir` (both variants) with `libs` from libraries(); returns the file names written.
 * @param {string[]} notebooks
 * @param {string} outDir
 * @param {{ python: string, scratchDir: string, libs: Libraries }} options the Python with nbconvert,
 *   a folder for nbconvert's output
 */
export function convertNotebooks(notebooks, outDir, { python, scratchDir, libs }) {
  /** @type {string[]} */
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
      const target = name.replace(/\.html$/, `${variant.suffix}.html`);
      const { html, errors } = typesetPage(readFileSync(path.join(scratch, name), "utf8"));
      if (errors.length) throw new Error(`${target}: MathJax cannot typeset ${errors.join(", ")}`);
      const page = packFigureData(libs.finish(pruneStyles(compactHighlighting(html))));
      writeFileSync(path.join(outDir, target), asciiOnly(page));
      written.push(target);
    }
  }
  return written;
}

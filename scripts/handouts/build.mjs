// `npm run handouts`: the executed course as an offline site in dist/handouts/ — one single-file HTML
// page per notebook (NN-name.html), a no-code variant (NN-name.no-code.html) and index.html; with
// --pdf, one PDF per lesson. Steps: execute the notebooks without a fresh executed copy (executed.mjs),
// render each figure to a static image in one headless Chromium (figureImages.mjs), convert and
// rewrite the pages (pages.mjs), measure their cells (cellHeights.mjs), write the course page
// (indexPage.mjs), print the PDFs (pdf.mjs).
// Usage: node scripts/handouts/build.mjs [--shared] [--pdf] [--out DIR] [--executed DIR] [--work DIR]
// [NOTEBOOK…] (defaults: dist/handouts, build/executed, build/handouts, notebooks/NN-*.ipynb). With
// --shared, pages load plotly.js from DIR/assets/. Two builds give the same bytes.
// Plain Node, so that it works on a fresh clone: the steps that import src/'s TypeScript are loaded
// through tsx once ensureEnvironment has installed it.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureEnvironment } from "../environment.mjs";
import { notebookPaths } from "../notebookFormat.mjs";
import { isMain, projectRoot } from "../paths.mjs";
import { ensureExecuted } from "./executed.mjs";

/** @param {string} message */
const log = (message) => console.log(`[handouts] ${message}`);

/**
 * The steps after execution, through tsx's loaders scoped to these imports (ESM for the scripts,
 * CommonJS for src/), so they load alike under plain Node (`npm run handouts`) and under
 * `--import tsx` (the tests, bench), where a second global tsx loader would clash with the first.
 */
async function loadSteps() {
  // Specifiers TypeScript 5.0's node10 resolution cannot follow (tsx's "exports" map); Node can.
  const [esmApi, cjsApi] = ["tsx/esm/api", "tsx/cjs/api"];
  const namespace = "downhill-handouts";
  (await import(cjsApi)).register({ namespace });
  const scope = (await import(esmApi)).register({ namespace });
  const load = (/** @type {string} */ file) => scope.import(file, import.meta.url);
  return {
    .../** @type {typeof import("./browser.mjs")} */ (await load("./browser.mjs")),
    .../** @type {typeof import("./figureImages.mjs")} */ (await load("./figureImages.mjs")),
    .../** @type {typeof import("./pages.mjs")} */ (await load("./pages.mjs")),
    .../** @type {typeof import("./cellHeights.mjs")} */ (await load("./cellHeights.mjs")),
    .../** @type {typeof import("./indexPage.mjs")} */ (await load("./indexPage.mjs")),
    .../** @type {typeof import("./pdf.mjs")} */ (await load("./pdf.mjs")),
  };
}
/** @type {ReturnType<typeof loadSteps> | undefined} */
let steps;

/**
 * Builds the handouts of `notebooks` into `outDir` from their executed copies in `executedDir`
 * (executed there first when stale); `workDir` holds the intermediate files.
 * @param {{ notebooks?: string[], outDir: string, executedDir: string, workDir: string,
 *   shared?: boolean, pdf?: boolean }} options
 */
export async function buildHandouts({
  notebooks = notebookPaths(),
  outDir,
  executedDir,
  workDir,
  shared = false,
  pdf = false,
}) {
  const { python, env } = ensureEnvironment({ browser: true });
  const step = await (steps ??= loadSteps());
  ensureExecuted(notebooks, executedDir, { python, env, log });
  const withImages = path.join(workDir, "notebooks");
  rmSync(withImages, { recursive: true, force: true });
  mkdirSync(withImages, { recursive: true });
  const browser = await step.launchBrowser();
  try {
    const renderer = await step.figureRenderer(browser);
    const lessons = [];
    for (const notebook of notebooks) {
      const name = path.basename(notebook);
      /** @type {import("../notebookFormat.mjs").Notebook} */
      const nb = JSON.parse(readFileSync(path.join(executedDir, name), "utf8"));
      const images = new Map();
      for (const { id, figure } of step.findFigures(nb))
        images.set(id, await renderer.render(figure));
      const copy = step.withFigureImages(nb, images);
      writeFileSync(path.join(withImages, name), JSON.stringify(copy, null, 1) + "\n");
      /** @type {[string, string][]} */
      const twins = [...images.values()].map((image) => [image.url, image.printUrl]);
      lessons.push({
        base: name.replace(/\.ipynb$/, ""),
        images: twins,
        ...step.lessonSummary(nb),
      });
      log(`${name}: ${images.size} figure image(s)`);
    }
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    const converted = notebooks.map((n) => path.join(withImages, path.basename(n)));
    await step.convertNotebooks(converted, outDir, { python, scratchDir: workDir, shared });
    for (const { base } of lessons)
      for (const page of [`${base}.html`, `${base}.no-code.html`])
        await step.writeCellHeights(browser, path.join(outDir, page));
    writeFileSync(path.join(outDir, "index.html"), step.indexPage(lessons, { pdf }));
    if (pdf) await step.printPdfs(browser, outDir, lessons, path.join(workDir, "print"));
  } finally {
    await browser.close();
  }
  for (const page of readdirSync(outDir)
    .filter((n) => /\.(html|pdf)$/.test(n))
    .sort())
    log(`wrote ${path.relative(projectRoot, path.join(outDir, page))}`);
}

if (isMain(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      shared: { type: "boolean", default: false },
      pdf: { type: "boolean", default: false },
      out: { type: "string", default: "dist/handouts" },
      executed: { type: "string", default: "build/executed" },
      work: { type: "string", default: "build/handouts" },
    },
  });
  const resolve = (/** @type {string} */ p) => path.resolve(projectRoot, p);
  const started = Date.now();
  await buildHandouts({
    notebooks: positionals.length ? positionals.map((p) => path.resolve(p)) : notebookPaths(),
    outDir: resolve(values.out),
    executedDir: resolve(values.executed),
    workDir: resolve(values.work),
    shared: values.shared,
    pdf: values.pdf,
  });
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

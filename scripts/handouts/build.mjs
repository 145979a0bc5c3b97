// `npm run handouts`: the executed course as an offline site in dist/handouts/ — one single-file HTML
// page per notebook (NN-name.html) and a no-code variant (NN-name.no-code.html), plus index.html.
// Steps: execute the notebooks that have no fresh executed copy (executed.mjs), render every figure to
// a static image in one headless Chromium and put it into the figure's note (figureImages.mjs), convert
// with nbconvert and the course template and rewrite each page (pages.mjs), write the course page
// (indexPage.mjs).
// With --pdf, also one PDF per lesson (NN-name.pdf, Chromium's print of the page: pdf.mjs).
// Usage: node scripts/handouts/build.mjs [--shared] [--pdf] [--out DIR] [--executed DIR] [--work DIR] [NOTEBOOK…]
// Plain Node (no `--import tsx` needed), so that it works on a fresh clone: the steps that import src/'s
// TypeScript are loaded through tsx once ensureEnvironment has installed it (pageBuilders).
// (defaults: dist/handouts, build/executed, build/handouts, notebooks/NN-*.ipynb). Every page is a single
// file unless --shared: then plotly.js is loaded from DIR/assets/ (see pages.mjs). Math is typeset at
// build time (math.mjs): no page loads MathJax. Output is
// byte-identical from one build to the next: no dates, absolute paths or random ids.
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
 * The steps after execution, from their modules, which import src/'s TypeScript. Loaded only once
 * ensureEnvironment has run: on a fresh clone it has just installed tsx, playwright-core and
 * mathjax-full. Through tsx's loaders scoped to these imports (a namespace: ESM for the scripts,
 * CommonJS for src/, which tsx compiles to it), so they load alike whether Node runs plain (`npm run
 * handouts`) or already with `--import tsx` (the tests, bench), where a second global tsx loader would
 * clash with the first.
 */
async function loadPageBuilders() {
  // Specifiers TypeScript 5.0's node10 resolution cannot follow (tsx's "exports" map); Node can.
  const [esmApi, cjsApi] = ["tsx/esm/api", "tsx/cjs/api"];
  /** @typedef {{ register(options: { namespace: string }): unknown }} TsxCjsApi */
  /** @typedef {{ import(specifier: string, parent: string): Promise<object> }} TsxScope */
  /** @typedef {{ register(options: { namespace: string }): TsxScope }} TsxEsmApi */
  const namespace = "downhill-handouts";
  /** @type {TsxCjsApi} */ (await import(cjsApi)).register({ namespace });
  const scope = /** @type {TsxEsmApi} */ (await import(esmApi)).register({ namespace });
  const load = (/** @type {string} */ file) => scope.import(file, import.meta.url);
  return {
    .../** @type {typeof import("./browser.mjs")} */ (await load("./browser.mjs")),
    .../** @type {typeof import("./figureImages.mjs")} */ (await load("./figureImages.mjs")),
    .../** @type {typeof import("./pages.mjs")} */ (await load("./pages.mjs")),
    .../** @type {typeof import("./indexPage.mjs")} */ (await load("./indexPage.mjs")),
    .../** @type {typeof import("./math.mjs")} */ (await load("./math.mjs")),
    .../** @type {typeof import("./html.mjs")} */ (await load("./html.mjs")),
    .../** @type {typeof import("./pdf.mjs")} */ (await load("./pdf.mjs")),
  };
}
/** @type {ReturnType<typeof loadPageBuilders> | undefined} */
let pageBuilders;

/**
 * Builds the handouts of `notebooks` into `outDir`; returns the file names written and the figure count
 * per notebook.
 * @param {{ notebooks?: string[], outDir: string, executedDir: string, workDir: string,
 *   shared?: boolean, pdf?: boolean }} options the executed copies come from `executedDir` (executed
 *   there first when stale); `workDir` holds the intermediate files
 * @returns {Promise<{ pages: string[], figures: Record<string, number> }>}
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
  const {
    launchBrowser,
    figureRenderer,
    findFigures,
    lessonHeading,
    withFigureImages,
    indexHtml,
    lessonSummary,
    convertNotebooks,
    typesetPage,
    parseHtml,
    renderHtml,
    printPdfs,
  } = await (pageBuilders ??= loadPageBuilders());
  ensureExecuted(notebooks, executedDir, { python, env, log });

  const withImages = path.join(workDir, "notebooks");
  rmSync(withImages, { recursive: true, force: true });
  mkdirSync(withImages, { recursive: true });
  /** @type {Record<string, number>} */
  const figures = {};
  /** @type {import("./indexPage.mjs").LessonLine[]} */
  const lessons = [];
  /**
   * With --pdf, what pdf.mjs prints: each lesson page, its title, its images' print twins.
   * @type {import("./pdf.mjs").PrintJob[]}
   */
  const prints = [];
  const browser = await launchBrowser();
  try {
    const renderer = await figureRenderer(browser);
    for (const notebook of notebooks) {
      const name = path.basename(notebook);
      /** @type {import("../notebookFormat.mjs").Notebook} */
      const nb = JSON.parse(readFileSync(path.join(executedDir, name), "utf8"));
      const found = findFigures(nb);
      const images = new Map();
      for (const { id, figure } of found) images.set(id, await renderer.render(figure));
      writeFileSync(
        path.join(withImages, name),
        JSON.stringify(withFigureImages(nb, images), null, 1) + "\n",
      );
      figures[name] = found.length;
      const base = name.replace(/\.ipynb$/, "");
      if (pdf)
        prints.push({
          html: path.join(outDir, `${base}.html`),
          pdf: path.join(outDir, `${base}.pdf`),
          title: lessonHeading(nb) ?? base,
          images: [...images.values()].map((image) => [image.url, image.printUrl]),
        });
      lessons.push({
        file: `${base}.html`,
        noCodeFile: `${base}.no-code.html`,
        ...(pdf ? { pdfFile: `${base}.pdf` } : {}),
        ...lessonSummary(nb),
      });
      log(`${name}: ${found.length} figure image(s)`);
    }
  } catch (error) {
    await browser.close();
    throw error;
  }

  let pages;
  try {
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    pages = await convertNotebooks(
      notebooks.map((n) => path.join(withImages, path.basename(n))),
      outDir,
      { python, scratchDir: workDir, shared },
    );
    const index = typesetPage(indexHtml(lessons));
    if (index.errors.length)
      throw new Error(`index.html: MathJax cannot typeset ${index.errors.join(", ")}`);
    writeFileSync(
      path.join(outDir, "index.html"),
      renderHtml(parseHtml(index.html), { ascii: true }),
    );
    pages.push("index.html");
    if (pdf) {
      await printPdfs(browser, prints, { scratchDir: path.join(workDir, "print") });
      pages.push(...lessons.flatMap((l) => l.pdfFile ?? []));
    }
  } finally {
    await browser.close();
  }
  for (const page of readdirSync(outDir)
    .filter((n) => /\.(html|pdf)$/.test(n))
    .sort())
    log(`wrote ${path.relative(projectRoot, path.join(outDir, page)) || page}`);
  return { pages, figures };
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

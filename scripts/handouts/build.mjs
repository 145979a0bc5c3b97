// `npm run handouts`: the executed course as an offline site in dist/handouts/ — one single-file HTML
// page per notebook (NN-name.html) and a no-code variant (NN-name.no-code.html), plus index.html.
// Steps: execute the notebooks that have no fresh executed copy (executed.mjs), render every figure to
// a static image in one headless Chromium and put it into the figure's note (figure-images.mjs), convert
// with nbconvert and the course template (pages.mjs), write each cell's height into its page
// (cell-heights.mjs), write the course page (index-page.mjs).
// With --pdf, also one PDF per lesson (NN-name.pdf, Chromium's print of the page: pdf.mjs).
// Usage: node scripts/handouts/build.mjs [--shared] [--pdf] [--out DIR] [--executed DIR] [--work DIR] [NOTEBOOK…]
// (defaults: dist/handouts, build/executed, build/handouts, notebooks/NN-*.ipynb). Every page is a single
// file unless --shared: then plotly.js is loaded from DIR/assets/ (see pages.mjs). Math is typeset at
// build time (math.mjs): no page loads MathJax. Output is
// byte-identical from one build to the next: no dates, absolute paths or random ids.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ensureEnvironment, projectRoot } from "../environment.mjs";
import { notebookPaths } from "../notebook-format.mjs";
import { ensureExecuted } from "./executed.mjs";

const log = (message) => console.log(`[handouts] ${message}`);

/** Builds the handouts of `notebooks` into `outDir`; returns `{ pages, figures }` (file names, figure count per notebook). */
export async function buildHandouts({
  notebooks = notebookPaths(),
  outDir,
  executedDir,
  workDir,
  shared = false,
  pdf = false,
}) {
  const { python, env } = ensureEnvironment({ browser: true });
  // Loaded only now: on a fresh clone, ensureEnvironment has just installed playwright-core and mathjax-full.
  const { launchBrowser } = await import("./browser.mjs");
  const { figureRenderer, findFigures, lessonHeading, withFigureImages } =
    await import("./figure-images.mjs");
  const { indexHtml, lessonSummary } = await import("./index-page.mjs");
  const { convertNotebooks, libraries } = await import("./pages.mjs");
  const { typesetPage } = await import("./math.mjs");
  const { asciiOnly } = await import("./ascii.mjs");
  ensureExecuted(notebooks, executedDir, { python, env, log });

  const withImages = path.join(workDir, "notebooks");
  rmSync(withImages, { recursive: true, force: true });
  mkdirSync(withImages, { recursive: true });
  const figures = {};
  const lessons = [];
  /** With --pdf, what pdf.mjs prints: each lesson page, its title, its images' print twins. */
  const prints = [];
  const browser = await launchBrowser();
  try {
    const renderer = await figureRenderer(browser);
    for (const notebook of notebooks) {
      const name = path.basename(notebook);
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
    const libs = libraries(outDir, { shared });
    pages = convertNotebooks(
      notebooks.map((n) => path.join(withImages, path.basename(n))),
      outDir,
      { python, scratchDir: workDir, libs },
    );
    const index = typesetPage(indexHtml(lessons));
    if (index.errors.length)
      throw new Error(`index.html: MathJax cannot typeset ${index.errors.join(", ")}`);
    writeFileSync(path.join(outDir, "index.html"), asciiOnly(index.html));
    const { cellHeights, withCellHeights } = await import("./cell-heights.mjs");
    for (const page of pages) {
      const file = path.join(outDir, page);
      const heights = await cellHeights(browser, file);
      writeFileSync(file, withCellHeights(readFileSync(file, "utf8"), heights));
    }
    pages.push("index.html");
    if (pdf) {
      const { printPdfs } = await import("./pdf.mjs");
      await printPdfs(browser, prints, { scratchDir: path.join(workDir, "print") });
      pages.push(...lessons.map((l) => l.pdfFile));
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

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
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
  const resolve = (p) => path.resolve(projectRoot, p);
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

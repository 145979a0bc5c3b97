/**
 * Measure 5, the handouts (`npm run handouts` → dist/handouts): bytes per page, and four wall times in
 * headless Chromium (1200 × 900 viewport, offline: any request not for file:, data: or blob: is
 * aborted), each from the navigation's start (the page's `performance.now()`):
 * - every figure shown: each figure showing its static image (loaded, decoded, with a layout box,
 *   its note not hidden) or its live plot, seen in an animation frame — what a reader sees first;
 * - plotly.js ready: `window.Plotly` set (unpacked and evaluated);
 * - first screen live: every figure whose top is in the first screen drawn live (`.js-plotly-plot`
 *   with its note hidden);
 * - every figure live: the page is then scrolled to each figure in turn, as soon as the one before it
 *   is live, until the last is: a reader scrolling through as fast as the figures draw.
 * A handout draws a figure only when it comes near the viewport (scripts/handouts/template), so the
 * last number includes the scrolling. Pages are loaded in interleaved rounds (every page once, then
 * again), so a machine getting busier slows all alike; each number is the median over the loads.
 * Skipped, with a note, when the handouts have not been built.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { median } from "./timing";

export interface HandoutPage {
  page: string;
  bytes: number;
  figures: number;
  /** Median ms from navigation start to every figure showing its static image or its live plot. */
  msToFiguresShown: number;
  /** Median ms from navigation start to `window.Plotly` set; null on a page without figures. */
  msToPlotlyReady: number | null;
  /** Median ms to every figure of the first screen live; null when no figure starts there. */
  msToFirstScreenLive: number | null;
  /** Median ms to every figure live, scrolling each into view in turn (the old "figures drawn"). */
  msToFiguresLive: number;
}

export type HandoutsResult =
  { skipped: true; note: string } | { skipped: false; pages: HandoutPage[] };

/** The viewport of every load: the first screen is its height. */
export const handoutViewport = { width: 1200, height: 900 };

interface LoadMarks {
  shown: number | null;
  plotly: number | null;
  firstScreen: number | null;
  firstScreenFigures: number | null;
}

/**
 * Runs in the page before its own scripts: watches every animation frame and notes when each mark
 * is first reached, and when `window.Plotly` is first set (a setter on window, so the time is that of
 * plotly.js's own assignment, not of the first frame after it). A string, not a function: the
 * TypeScript loader's helpers (e.g. `__name`) do not exist in the page.
 */
const watchFigures = (expected: number): string => `(() => {
  const expected = ${expected};
  const marks = { shown: null, plotly: null, firstScreen: null, firstScreenFigures: null };
  window.downhillBench = marks;
  let plotly;
  Object.defineProperty(window, "Plotly", {
    configurable: true,
    enumerable: true,
    get: () => plotly,
    set: (value) => {
      plotly = value;
      if (marks.plotly === null) marks.plotly = performance.now();
    },
  });
  // Each figure image is asked to decode in the first animation frame after the parser adds it, so
  // its decode() settles when the browser has it decoded. A frame loop, not a MutationObserver: an
  // observer of every insertion slows the page's parsing itself (by about 250 ms on lesson 3).
  const decoded = new WeakSet();
  const asked = new WeakSet();
  const askDecodes = () => {
    for (const img of document.querySelectorAll(".downhill-figure-note img")) {
      if (asked.has(img)) continue;
      asked.add(img);
      img.decode().then(() => decoded.add(img), () => {});
    }
  };
  const noteShown = (note) => !!note && getComputedStyle(note).display !== "none";
  const live = (figure) =>
    figure.classList.contains("js-plotly-plot") &&
    !!figure.querySelector(".main-svg") &&
    !noteShown(figure.querySelector(".downhill-figure-note"));
  const imageShown = (figure) => {
    const img = figure.querySelector(".downhill-figure-note img");
    if (!img || !img.complete || img.naturalWidth === 0) return false;
    return (
      decoded.has(img) &&
      noteShown(figure.querySelector(".downhill-figure-note")) &&
      img.getClientRects().length > 0 &&
      getComputedStyle(img).visibility !== "hidden"
    );
  };
  let first = null;
  const tick = (now) => {
    askDecodes();
    const figures = Array.from(document.querySelectorAll(".downhill-figure"));
    const parsed = document.readyState !== "loading" && figures.length === expected;
    if (parsed && marks.shown === null && figures.every((f) => live(f) || imageShown(f)))
      marks.shown = now;
    if (marks.shown !== null && first === null) {
      first = figures.filter((f) => f.getBoundingClientRect().top + scrollY < innerHeight);
      marks.firstScreenFigures = first.length;
    }
    if (first && first.length && marks.firstScreen === null && first.every(live))
      marks.firstScreen = now;
    if (marks.shown === null || (first.length && marks.firstScreen === null))
      requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/** One load of `file`: the four times, in ms from navigation start. */
async function loadOnce(
  browser: import("playwright-core").Browser,
  file: string,
  figures: number,
): Promise<Omit<HandoutPage, "page" | "bytes" | "figures">> {
  const context = await browser.newContext({ viewport: handoutViewport });
  try {
    await context.route(/^(?!file:|data:|blob:)/, (route) => route.abort());
    await context.addInitScript({ content: watchFigures(figures) });
    const page = await context.newPage();
    const timeout = 120_000;
    await page.goto(pathToFileURL(file).href, { waitUntil: "load", timeout });
    await page.waitForFunction(
      (n: number) => {
        const m = (window as any).downhillBench as LoadMarks;
        return (
          m.shown !== null &&
          (n === 0 || m.plotly !== null) &&
          (m.firstScreenFigures === 0 || m.firstScreen !== null)
        );
      },
      figures,
      { timeout, polling: 50 },
    );
    for (let i = 0; i < figures; i++) {
      await page.evaluate((k: number) => {
        document.querySelectorAll(".downhill-figure")[k].scrollIntoView({ block: "center" });
      }, i);
      await page.waitForFunction(
        (k: number) => {
          const figure = document.querySelectorAll(".downhill-figure")[k];
          const note = figure.querySelector(".downhill-figure-note");
          return (
            figure.classList.contains("js-plotly-plot") &&
            !!figure.querySelector(".main-svg") &&
            (!note || getComputedStyle(note).display === "none")
          );
        },
        i,
        { timeout, polling: "raf" },
      );
    }
    const msToFiguresLive = await page.evaluate(() => performance.now());
    const marks = (await page.evaluate(() => (window as any).downhillBench)) as LoadMarks;
    return {
      msToFiguresShown: marks.shown as number,
      msToPlotlyReady: figures ? marks.plotly : null,
      msToFirstScreenLive: marks.firstScreenFigures ? marks.firstScreen : null,
      msToFiguresLive: figures ? msToFiguresLive : (marks.shown as number),
    };
  } finally {
    await context.close();
  }
}

const medianOrNull = (values: (number | null)[]): number | null =>
  values.some((v) => v === null) ? null : median(values as number[]);

/**
 * Loads every file `loads` times in interleaved rounds (each file once per round) and returns the
 * medians, in the order of `files`.
 */
export async function measurePages(files: string[], loads: number): Promise<HandoutPage[]> {
  const { launchBrowser } = await import("../scripts/handouts/browser.mjs");
  const browser = await launchBrowser();
  try {
    const figures = files.map(
      (file) => (readFileSync(file, "utf8").match(/class="downhill-figure"/g) ?? []).length,
    );
    const runs = files.map(() => [] as Awaited<ReturnType<typeof loadOnce>>[]);
    for (let round = 0; round < loads; round++)
      for (const [i, file] of files.entries())
        runs[i].push(await loadOnce(browser, file, figures[i]));
    return files.map((file, i) => ({
      page: path.basename(file),
      bytes: statSync(file).size,
      figures: figures[i],
      msToFiguresShown: median(runs[i].map((r) => r.msToFiguresShown)),
      msToPlotlyReady: medianOrNull(runs[i].map((r) => r.msToPlotlyReady)),
      msToFirstScreenLive: medianOrNull(runs[i].map((r) => r.msToFirstScreenLive)),
      msToFiguresLive: median(runs[i].map((r) => r.msToFiguresLive)),
    }));
  } finally {
    await browser.close();
  }
}

/** Measures every page of `dir` (`loads` interleaved rounds); skipped when `dir` does not exist. */
export async function measureHandouts(dir: string, loads: number): Promise<HandoutsResult> {
  if (!existsSync(dir))
    return {
      skipped: true,
      note: `${path.relative(process.cwd(), dir) || dir} does not exist: build the handouts with \`npm run handouts\` to measure them`,
    };
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".html"))
    .sort()
    .map((f) => path.join(dir, f));
  if (files.length === 0) return { skipped: true, note: `${dir} has no .html pages` };
  return { skipped: false, pages: await measurePages(files, loads) };
}

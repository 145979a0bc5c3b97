/**
 * Measure 5, the handouts (`npm run handouts` → dist/handouts): bytes per page, and the wall time from
 * starting to load a page to every figure drawn (as many `.js-plotly-plot` elements as the page has
 * `downhill-figure` divs) in headless Chromium, offline (any request not for file:// is aborted).
 * Skipped, with a note, when the handouts have not been built.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { median, nowMs } from "./timing";

export interface HandoutPage {
  page: string;
  bytes: number;
  figures: number;
  /** Median over the loads of the time from navigation start to the last figure drawn. */
  msToFigures: number;
}

export type HandoutsResult =
  { skipped: true; note: string } | { skipped: false; pages: HandoutPage[] };

/** Loads every page of `dir` a few times and times its figures; skipped when `dir` does not exist. */
export async function measureHandouts(dir: string, loads: number): Promise<HandoutsResult> {
  if (!existsSync(dir))
    return {
      skipped: true,
      note: `${path.relative(process.cwd(), dir) || dir} does not exist: build the handouts with \`npm run handouts\` to measure them`,
    };
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".html"))
    .sort();
  if (files.length === 0) return { skipped: true, note: `${dir} has no .html pages` };
  const { launchBrowser } = await import("../scripts/handouts/browser.mjs");
  const browser: import("playwright-core").Browser = await launchBrowser();
  try {
    const pages: HandoutPage[] = [];
    for (const file of files) {
      const full = path.join(dir, file);
      const figures = (readFileSync(full, "utf8").match(/class="downhill-figure"/g) ?? []).length;
      const times: number[] = [];
      for (let l = 0; l < loads; l++) {
        const context = await browser.newContext();
        await context.route(/^(?!file:|data:|blob:)/, (route) => route.abort());
        const page = await context.newPage();
        const start = nowMs();
        await page.goto(pathToFileURL(full).href, { waitUntil: "commit", timeout: 120_000 });
        await page.waitForFunction(
          (n: number) =>
            document.readyState !== "loading" &&
            document.querySelectorAll(".js-plotly-plot").length >= n,
          figures,
          { timeout: 120_000, polling: 10 },
        );
        times.push(nowMs() - start);
        await context.close();
      }
      pages.push({ page: file, bytes: statSync(full).size, figures, msToFigures: median(times) });
    }
    return { skipped: false, pages };
  } finally {
    await browser.close();
  }
}

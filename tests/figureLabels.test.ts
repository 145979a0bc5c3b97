// Text boxes inside figures, no overlaps (issue 27, item 6): every figure of every executed lesson is
// drawn with the course's plotly.js bundle in headless Chromium (one browser, one page, the figures in
// turn) at the width of the handouts' images (scripts/handouts/figureImages.mjs, imageWidth), and
// every text a reader sees — title, axis titles, tick labels, legend, annotations, slider labels,
// colour-bar ticks — must lie inside the figure, overlap no other label (nor the legend's box), and
// no log axis may show a bare minor digit. tests/helpers/figureLabels.ts holds the rules.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../scripts/handouts/browser.mjs";
import { imageWidth } from "../scripts/handouts/figureImages.mjs";
import { notebookPaths } from "../scripts/notebookFormat.mjs";
import { ensurePlotlyBundle } from "../src/plot/plotlyBundle";
import { executedNotebooks } from "./helpers/executedNotebooks";
import { figuresBySection, figureTitle, type ExecutedFigure } from "./helpers/executedFigures";
import { labelProblems, measureLabelsInPage, type Measured } from "./helpers/figureLabels";

/** At most this many problems are listed per figure; the rest are counted. */
const listedPerFigure = 8;

describe("every lesson's figures, drawn as a handout draws them", () => {
  let browser: Browser;
  let page: Page;
  let dir = "";
  before(async () => {
    dir = executedNotebooks();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: imageWidth + 100, height: 1000 } });
    await page.setContent(
      '<!DOCTYPE html><html><body style="margin:0"><div id="figure"></div></body></html>',
    );
    // tsx names functions with esbuild's __name helper, which the page does not have.
    await page.evaluate("globalThis.__name = (f) => f");
    await page.addScriptTag({ content: readFileSync(ensurePlotlyBundle(), "utf8") });
  });
  after(() => browser?.close());

  /** Draws the figure in the page's one element at the handouts' width and measures its labels. */
  async function measure(figure: ExecutedFigure): Promise<Measured> {
    await page.evaluate(
      async ({ figure, width }) => {
        const element = document.getElementById("figure") as HTMLElement;
        const Plotly = (window as unknown as { Plotly: Record<string, Function> }).Plotly;
        Plotly.purge(element);
        element.style.width = `${width}px`;
        element.style.height = `${Number(figure.layout?.height ?? 420)}px`;
        // As the handouts' images are drawn (Plotly.toImage with their width): the width replaces
        // the figure's own, the height is the figure's.
        const layout = { ...figure.layout, width, height: Number(figure.layout?.height ?? 420) };
        await Plotly.newPlot(element, figure.data, layout, {
          ...figure.config,
          responsive: false,
        });
      },
      { figure, width: imageWidth },
    );
    return page.evaluate(measureLabelsInPage, "figure");
  }

  for (const file of notebookPaths()) {
    const lesson = path.basename(file);
    test(`${lesson}: every label lies inside its figure, overlaps no other, and no log axis shows a bare minor digit`, async () => {
      const nb = JSON.parse(readFileSync(path.join(dir, lesson), "utf8"));
      const lines: string[] = [];
      let index = 0;
      for (const { section, figure } of figuresBySection(nb)) {
        index += 1;
        const problems = labelProblems(await measure(figure));
        const where = `${lesson}, figure ${index} in ${section} ("${figureTitle(figure).slice(0, 70)}")`;
        for (const problem of problems.slice(0, listedPerFigure))
          lines.push(`${where}: ${problem}`);
        if (problems.length > listedPerFigure)
          lines.push(`${where}: … and ${problems.length - listedPerFigure} more`);
      }
      assert.deepEqual(lines, [], `${lines.length} label problem(s):\n${lines.join("\n")}`);
    });
  }
});

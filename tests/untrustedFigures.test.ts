// Every figure of every executed lesson shows a picture in an untrusted notebook (issue 29): the
// figures' outputs, as saved, are rendered by JupyterLab 4's own OutputArea and renderers in headless
// Chromium (tests/helpers/jupyterLabOutputs.ts). Untrusted, JupyterLab's sanitizer drops the figures'
// scripts, so only the static SVG image that src/plot/figure.ts puts in each figure's note can show:
// each must be there, loaded, visible and of non-zero size. Trusted, the live plotly.js figure draws and
// hides the image (lesson 5, whose one figure carries plotly.js with it).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../scripts/handouts/browser.mjs";
import { findFigures } from "../scripts/handouts/figureImages.mjs";
import { notebookPaths } from "../scripts/notebookFormat.mjs";
import { executedNotebooks } from "./helpers/executedNotebooks";
import { loadJupyterLabOutputs, renderOutputs } from "./helpers/jupyterLabOutputs";
import { staticFigureSvg } from "../src/plot/staticFigure";

/** The most an image may weigh (its SVG text): a dense surface is subsampled to stay below. */
const largestImage = 150_000;

interface Cell {
  outputs?: Record<string, any>[];
}

/** The outputs of an executed notebook that hold a figure. */
function figureOutputs(file: string): { outputs: Record<string, any>[]; figures: number } {
  const nb = JSON.parse(readFileSync(file, "utf8")) as { cells: Cell[] };
  const outputs = nb.cells
    .flatMap((cell) => cell.outputs ?? [])
    .filter((o) =>
      [o.data?.["text/html"] ?? ""].flat().join("").includes('class="downhill-figure"'),
    );
  return { outputs, figures: findFigures(nb).length };
}

/** What the page shows of each static image in the output area. */
function staticImages(page: Page) {
  return page.evaluate(() =>
    Array.from(
      document.querySelectorAll<HTMLImageElement>(
        '.jp-OutputArea-output img[src^="data:image/svg+xml;base64,"]',
      ),
      (img) => {
        const box = img.getBoundingClientRect();
        return {
          alt: img.alt,
          loaded: img.complete && img.naturalWidth > 0,
          width: box.width,
          height: box.height,
          visible: img.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }),
        };
      },
    ),
  );
}

describe("figures in an untrusted JupyterLab 4 notebook", () => {
  let browser: Browser;
  let page: Page;
  let dir = "";
  before(async () => {
    dir = executedNotebooks();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await loadJupyterLabOutputs(page);
    // tsx names functions with esbuild's __name helper, which the page does not have.
    await page.evaluate("globalThis.__name = (f) => f");
  });
  after(() => browser?.close());

  for (const notebook of notebookPaths()) {
    const name = path.basename(notebook);
    test(`${name}: every figure shows its static image, and no script runs`, async () => {
      const { outputs, figures } = figureOutputs(path.join(dir, name));
      assert.ok(figures > 0, `${name} has no figure`);
      await page.evaluate(() => document.body.replaceChildren());
      await renderOutputs(page, outputs, false);
      await page.waitForFunction(() => Array.from(document.images).every((i) => i.complete));
      const images = await staticImages(page);
      assert.equal(
        images.length,
        figures,
        `${name}: ${images.length} static images for ${figures} figures`,
      );
      images.forEach((image, i) => {
        const where = `${name}, figure ${i + 1} (${image.alt.slice(0, 60)}…)`;
        assert.ok(image.loaded, `${where}: the image did not load`);
        assert.ok(
          image.width > 100 && image.height > 100,
          `${where}: ${image.width} × ${image.height} px`,
        );
        assert.ok(image.visible, `${where}: the image is hidden`);
        assert.match(image.alt, /^Figure/, `${where}: no alt text`);
      });
      const scripted = await page.evaluate(() => ({
        plotly: "Plotly" in window,
        live: document.querySelectorAll(".js-plotly-plot").length,
      }));
      assert.deepEqual(
        scripted,
        { plotly: false, live: 0 },
        "a script ran in an untrusted notebook",
      );
    });
  }

  test("JupyterLab's sanitizer keeps an <img> with an SVG data URL and drops inline <svg>", async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="150"><rect width="200" height="150" fill="#d62728"/></svg>';
    const html = (body: string) => ({
      output_type: "display_data",
      metadata: {},
      data: { "text/html": body },
    });
    await page.evaluate(() => document.body.replaceChildren());
    await renderOutputs(
      page,
      [
        html(`<div class="inline">${svg}</div>`),
        html(
          `<img alt="red" src="data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}">`,
        ),
      ],
      false,
    );
    await page.waitForFunction(() => Array.from(document.images).every((i) => i.complete));
    assert.equal(await page.locator(".jp-OutputArea-output svg").count(), 0);
    const images = await staticImages(page);
    assert.equal(images.length, 1);
    assert.ok(images[0].loaded && images[0].visible && images[0].width === 200);
  });

  test("each figure's image is its own figure drawn by staticFigureSvg, under 150 KB", () => {
    for (const notebook of notebookPaths()) {
      const nb = JSON.parse(readFileSync(path.join(dir, path.basename(notebook)), "utf8"));
      const html = nb.cells
        .flatMap((cell: Cell) => cell.outputs ?? [])
        .map((o: Record<string, any>) => [o.data?.["text/html"] ?? ""].flat().join(""))
        .join("");
      const images = [...html.matchAll(/<img src="data:image\/svg\+xml;base64,([^"]+)"/g)].map(
        (m) => Buffer.from(m[1], "base64").toString("utf8"),
      );
      const figures = findFigures(nb);
      assert.equal(images.length, figures.length, path.basename(notebook));
      figures.forEach(
        (
          { id, figure }: { id: string; figure: Parameters<typeof staticFigureSvg>[0] },
          i: number,
        ) => {
          assert.equal(
            images[i],
            staticFigureSvg(figure),
            `${id}: the image is not its figure's drawing`,
          );
          assert.ok(images[i].length < largestImage, `${id}: ${images[i].length} bytes`);
        },
      );
    }
  });

  test("trusted, the live figure draws and hides its static image (lesson 5)", async () => {
    const name = path.basename(notebookPaths().find((p) => /\/05-/.test(p)) as string);
    const { outputs, figures } = figureOutputs(path.join(dir, name));
    await page.evaluate(() => document.body.replaceChildren());
    await renderOutputs(page, outputs, true);
    await page.waitForFunction(
      (n) => document.querySelectorAll(".js-plotly-plot .main-svg").length >= n,
      figures,
      { timeout: 60_000 },
    );
    const images = await staticImages(page);
    assert.equal(images.length, figures);
    assert.ok(
      images.every((image) => !image.visible),
      "the static image still shows beside the live figure",
    );
  });
});

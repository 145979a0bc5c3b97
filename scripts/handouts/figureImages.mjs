// Static images of a notebook's plotly figures, for every reader whose viewer runs no scripts (an
// untrusted notebook, a code-hosting site's preview, a printout). A figure is found by its structure:
// a `div.downhill-figure` with an id and its data block `script#<id>-data` (src/plot/figure.ts). Each
// is rendered in headless Chromium; its image replaces whatever the div held. Page and notebook get a
// 1× WebP (a PNG is 3–10× heavier; an SVG image is parsed as a document of its own while the page
// parses: lesson 4's held its figures back by 250 ms); the PDF an SVG, or a 2× WebP for WebGL scenes
// and wherever that is lighter.
import { readFileSync } from "node:fs";
import { figureDescription } from "../../src/plot/figure.ts";
import { ensurePlotlyBundle } from "../../src/plot/plotlyBundle.ts";
import { lessonSummary } from "./indexPage.mjs";
import { appendChild, element, parseHtml, renderHtml, selectAll, selectOne } from "./html.mjs";
import { removeElement, textContent } from "./html.mjs";

/** @typedef {import("../../src/plot/figure.ts").Figure} Figure */
/** @typedef {import("../notebookFormat.mjs").Notebook} Notebook */
/** @typedef {import("../notebookFormat.mjs").Output} Output */
/**
 * The renderer's page: plotly.js, and a seeded Math.random.
 * @typedef {Window & typeof globalThis & { Plotly: { toImage(f: Figure, o: object): Promise<string> },
 *   downhillSeed(seed: number): void }} RendererWindow
 */

/** Width of the images in CSS pixels. */
export const imageWidth = 900;
/** Pixels per CSS pixel: 1 on the page (at 2×, lesson 3's images took 250 ms more to decode), 2 in print. */
const [screenScale, printScale] = [1, 2];
/** Trace types drawn with WebGL: their SVG export is a raster inside an SVG, so they go as WebP. */
const webglTraces = new Set(["surface", "scatter3d", "cone", "mesh3d", "scattergl"]);

/** @param {unknown} output an output of a notebook: its text/html, or "" */
const htmlOf = (output) =>
  [/** @type {Output} */ (output).data?.["text/html"] ?? ""].flat().join("");

/**
 * The figures of a parsed page or fragment, in page order: each one's div, data block and JSON.
 * @throws naming a figure whose data block is missing
 * @param {import("./html.mjs").Document} doc
 */
export function figuresIn(doc) {
  return selectAll("div.downhill-figure[id]", doc).map((div) => {
    const data = selectOne(`script[type="application/json"][id="${div.attribs.id}-data"]`, doc);
    if (!data)
      throw new Error(`figure ${div.attribs.id} has no data block (${div.attribs.id}-data)`);
    return { div, data, figure: /** @type {Figure} */ (JSON.parse(textContent(data))) };
  });
}

/**
 * Every figure in an executed notebook, in page order: `{ id, figure }`.
 * @param {{ cells: { outputs?: readonly unknown[] }[] }} nb an executed notebook (or some of its cells)
 * @returns {{ id: string, figure: Figure }[]}
 */
export function findFigures(nb) {
  return nb.cells
    .flatMap((cell) => cell.outputs ?? [])
    .flatMap((output) => figuresIn(parseHtml(htmlOf(output))))
    .map(({ div, figure }) => ({ id: div.attribs.id, figure }));
}

/** The static image's alt text: what the figure shows, as on the live figure. */
const altText = (/** @type {Figure} */ figure) => `${figureDescription(figure)} (Static image.)`;

/**
 * A page in `browser` with plotly.js loaded that renders a figure to its images (data URLs): `url` for
 * the page and the notebook, `printUrl` for the PDF.
 * @param {import("playwright-core").Browser} browser
 */
export async function figureRenderer(browser) {
  const page = await browser.newPage();
  await page.setContent("<!DOCTYPE html><html><body></body></html>");
  // plotly.js names its SVG clip paths with Math.random ids: a seeded generator, reset before each
  // image, makes every image the same bytes on every build.
  await page.evaluate(() => {
    /** @type {RendererWindow} */ (window).downhillSeed = (seed) => {
      let state = seed >>> 0;
      Math.random = () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    };
  });
  await page.addScriptTag({ content: readFileSync(ensurePlotlyBundle(), "utf8") });
  return {
    /** @param {Figure} figure */
    async render(figure) {
      const height = Number(figure.layout?.height ?? 420);
      /** @param {"webp" | "svg"} format @param {number} scale */
      const image = (format, scale) =>
        page.evaluate(
          ({ figure, format, width, height, scale }) => {
            const page = /** @type {RendererWindow} */ (window);
            page.downhillSeed(1);
            return page.Plotly.toImage(
              { data: figure.data, layout: figure.layout, config: figure.config },
              { format, width, height, scale },
            );
          },
          { figure, format, width: imageWidth, height, scale },
        );
      const url = await image("webp", screenScale);
      const webp = await image("webp", printScale);
      const webgl = figure.data.some((trace) => webglTraces.has(String(trace.type)));
      const svg = webgl ? null : await image("svg", printScale);
      const printUrl = svg && svg.length <= webp.length ? svg : webp;
      return { url, width: imageWidth, height, printUrl };
    },
    close: () => page.close(),
  };
}

/** Under a static image (scripts off, on paper, where a slider cannot move): the figure is live elsewhere. */
const noteStyle = "color:#777;font-style:italic";
const caption =
  "Static image of an interactive figure: open the handout in a web browser, or run the notebook, to explore it.";

/**
 * A copy of the notebook in which each figure's div holds only its note: its image (`images` maps
 * figure id to `{ url, width, height }`) and a caption; its metadata title is its first heading.
 * @param {Notebook} nb
 * @param {Map<string, { url: string, width: number, height: number }>} images
 * @returns {Notebook}
 */
export function withFigureImages(nb, images) {
  /** @param {string} html */
  const addImages = (html) => {
    const doc = parseHtml(html);
    const figures = figuresIn(doc);
    if (!figures.length) return html;
    for (const { div, figure } of figures) {
      const image = images.get(div.attribs.id);
      if (!image) throw new Error(`no image rendered for ${div.attribs.id}`);
      for (const child of [...div.children]) removeElement(child);
      const note = element("p", { class: "downhill-figure-note", style: noteStyle });
      appendChild(div, note);
      const [width, height] = [String(image.width), String(image.height)];
      const style = "max-width:100%;height:auto";
      appendChild(
        note,
        element("img", { src: image.url, alt: altText(figure), width, height, style }),
      );
      appendChild(note, element("span", { class: "downhill-figure-caption" }, caption));
    }
    return renderHtml(doc);
  };
  const cells = nb.cells.map((cell) => {
    if (!cell.outputs) return cell;
    const outputs = cell.outputs.map((output) =>
      output.data?.["text/html"] === undefined
        ? output
        : { ...output, data: { ...output.data, "text/html": addImages(htmlOf(output)) } },
    );
    return { ...cell, outputs };
  });
  const title = lessonSummary(nb).title?.replace(/\$/g, "");
  return { ...nb, metadata: { ...nb.metadata, ...(title ? { title } : {}) }, cells };
}

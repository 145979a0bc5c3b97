// Static images of a notebook's plotly figures, for every reader whose viewer runs no scripts: an
// untrusted notebook in JupyterLab, a code-hosting site's preview, a printout. A figure is found by its
// structure in the notebook's outputs: a `div.downhill-figure` with an id, and the data block
// `<script type="application/json" id="<id>-data">` holding its plotly JSON (src/plot/figure.ts). Each
// is rendered with plotly.js in headless Chromium, and the image replaces whatever the div held, as
// its note. The page and the notebook get a WebP at 1× (a PNG is 3–10× heavier). The PDF (pdf.mjs)
// gets an SVG (vector: sharp on paper), or a 2× WebP for 3-D WebGL scenes (which SVG can only carry as
// a raster) and wherever that is lighter. Not SVG on the page: the browser parses and lays out each SVG
// image as a document of its own, on the page's main thread, while the page itself is still parsing;
// lesson 4's eight SVG images held its figures back by about 250 ms (bench measure 5).
import { readFileSync } from "node:fs";
import { figureDescription } from "../../src/plot/figure.ts";
import { ensurePlotlyBundle } from "../../src/plot/plotlyBundle.ts";
import { appendChild, element, parseHtml, renderHtml, selectAll, selectOne } from "./html.mjs";
import { removeElement, textContent } from "./html.mjs";

/** @typedef {import("../../src/plot/figure.ts").Figure} Figure */
/** @typedef {import("../notebookFormat.mjs").Notebook} Notebook */
/** @typedef {import("../notebookFormat.mjs").Output} Output */
/**
 * A figure's static images, as data URLs: `url` for the page and the notebook, `printUrl` for the PDF.
 * @typedef {{ url: string, width: number, height: number, printUrl: string }} FigureImage
 */
/**
 * What the renderer's page holds beyond a plain window: plotly.js, and the seeding of Math.random.
 * @typedef {Window & typeof globalThis & {
 *   Plotly: { toImage(figure: Figure, options: object): Promise<string> },
 *   downhillSeed(seed: number): void,
 * }} RendererWindow
 */

/** Width of the images in CSS pixels. */
export const imageWidth = 900;
/**
 * Pixels per CSS pixel of a raster image: 1 on the page and in the notebook, 2 in the PDF. At 2×, the
 * seven WebP images of lesson 3 took the browser about 250 ms more to decode than at 1× (bench
 * measure 5), and a page shows them only until its live figures draw.
 */
const screenScale = 1;
const printScale = 2;
/** Trace types drawn with WebGL: their SVG export is a raster inside an SVG, so they go as WebP. */
const webglTraces = new Set(["surface", "scatter3d", "cone", "mesh3d", "scattergl"]);

/**
 * An output's text/html ("" when it has none).
 * @param {unknown} output an Output of a notebook
 */
const htmlOf = (output) =>
  [/** @type {Output} */ (output).data?.["text/html"] ?? ""].flat().join("");

/**
 * The figures of a parsed document or fragment, in page order: `{ div, data, figure }`, the figure's
 * div, its data block and its plotly JSON.
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

/** The static image's alt text: what the figure shows (src/plot/figure.ts, as on the live figure). */
/** @param {Figure} figure */
const altText = (figure) => `${figureDescription(figure)} (Static image.)`;

/**
 * A page in `browser` with plotly.js loaded, that renders figures to images: `{ url, width, height,
 * printUrl }` (data URLs: `url` for the page and the notebook, `printUrl` for the PDF).
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
  await page.addScriptTag({
    content: readFileSync(ensurePlotlyBundle(), "utf8"),
  });
  return {
    /**
     * @param {Figure} figure
     * @returns {Promise<FigureImage>}
     */
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
      // On the page, a 1x WebP; for print, the SVG unless the figure needs WebGL or the 2x WebP
      // is lighter.
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
    for (const { div, figure } of figuresIn(doc)) {
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
  const title = lessonHeading(nb);
  return { ...nb, metadata: { ...nb.metadata, ...(title ? { title } : {}) }, cells };
}

/**
 * The text of the notebook's first `#` heading, without markdown or math delimiters.
 * @param {Notebook} nb
 */
export function lessonHeading(nb) {
  const markdown = nb.cells
    .filter((c) => c.cell_type === "markdown")
    .map((c) => [c.source].flat().join(""));
  for (const text of markdown) {
    const line = text.split("\n").find((l) => /^#\s/.test(l));
    if (line) return line.replace(/^#\s+/, "").replace(/\$/g, "").trim();
  }
  return null;
}

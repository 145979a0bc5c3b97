/**
 * Shows a plotly.js figure below a notebook cell. The first figure of a kernel session also carries
 * plotly.js itself (minified, read from the installed package, never from a CDN), so an executed
 * notebook, and its HTML export, draws every figure offline.
 */
import { readFileSync } from "fs";
import { showHtml } from "../display/show";
import { type Figure, figureHtml, hashText, plotlyLibraryHtml, scriptSafeJson } from "./figure";

let figuresShown = 0;

/** The minified plotly.js bundle the figures are drawn with. */
export function plotlySource(): string {
  return readFileSync(require.resolve("plotly.js-dist-min/plotly.min.js"), "utf8");
}

/**
 * Shows a figure: `showFigure({ data: [{ x: [0, 1, 2], y: [0, 1, 4] }], layout: { title: { text: "x²" } } })`.
 * Ids are `downhill-figure-<n>-<hash of the figure>`: the same on every run, distinct within a page.
 * @throws InvalidArgumentError naming the first NaN or ∞ in the figure
 * @see notebooks/01-derivative-as-linear-approximation.ipynb §1.3
 */
export function showFigure(figure: Figure): void {
  figuresShown += 1;
  const id = `downhill-figure-${figuresShown}-${hashText(scriptSafeJson(figure))}`;
  const html = figureHtml(figure, id);
  showHtml(figuresShown === 1 ? plotlyLibraryHtml(plotlySource()) + html : html);
}

/**
 * Shows a plotly.js figure below a notebook cell. The first figure of a kernel session also carries
 * plotly.js itself (the course's partial bundle, ./plotlyBundle: built from the installed package on
 * first use, never from a CDN), so an executed notebook, and its HTML export, draws every figure offline.
 */
import { showHtml } from "../display/show";
import { type Figure, figureHtml, hashText, plotlyLibraryHtml, scriptSafeJson } from "./figure";
import { plotlyBundleSource } from "./plotlyBundle";

let figuresShown = 0;

/**
 * The minified plotly.js bundle the figures are drawn with (built when missing or stale).
 * @example plotlySource().startsWith("/*! downhill plotly.js bundle"); // => true
 */
export function plotlySource(): string {
  return plotlyBundleSource();
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

/**
 * A plotly.js figure as HTML that draws itself wherever scripts run: JupyterLab, classic Notebook,
 * VS Code and nbconvert's HTML export. Pure functions: no kernel needed, so they are tested in Node.
 */
import { escapeInlineScript } from "../display/format";
import { InvalidArgumentError } from "../errors/errors";

/**
 * A plotly.js figure: traces, layout, optional animation frames and config — plain JSON.
 * @see notebooks/01-derivative-as-linear-approximation.ipynb §1.3
 */
export interface Figure {
  data: Record<string, unknown>[];
  layout?: Record<string, unknown>;
  frames?: Record<string, unknown>[];
  config?: Record<string, unknown>;
}

const defaultLayout = {
  height: 420,
  margin: { l: 60, r: 30, t: 50, b: 50 },
  font: { family: "Helvetica, Arial, sans-serif", size: 13 },
  paper_bgcolor: "white",
};
const defaultConfig = { responsive: true, displaylogo: false };

/** Throws when a number in the figure is NaN or ±∞ (JSON would silently turn it into null). */
function requireFiniteNumbers(caller: string, value: unknown, path: string): void {
  if (typeof value === "number") {
    if (!Number.isFinite(value))
      throw new InvalidArgumentError(
        `${caller}: ${path} is ${value}; a figure can only show finite numbers (use null for a gap)`,
      );
  } else if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const items = value as ArrayLike<unknown>;
    for (let i = 0; i < items.length; i++) requireFiniteNumbers(caller, items[i], `${path}[${i}]`);
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value))
      requireFiniteNumbers(caller, item, `${path}.${key}`);
  }
}

/** JSON that is safe inside a `<script>` element: `<` is escaped, so `</script>` cannot end it early. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** FNV-1a hash of a string, as 8 hex digits: deterministic figure ids. @example hashText("") // => "811c9dc5" */
export function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** The figure with the course's default layout and config filled in under the caller's own. */
export function withDefaults(figure: Figure): Figure {
  const layout = {
    ...defaultLayout,
    ...figure.layout,
    margin: { ...defaultLayout.margin, ...(figure.layout?.margin as object | undefined) },
  };
  return { ...figure, layout, config: { ...defaultConfig, ...figure.config } };
}

/**
 * The HTML of one figure: a `<div>` holding a note for readers whose viewer runs no scripts (the
 * handout builder puts a static image of the figure into it), and a script that hides the note and
 * draws the live figure once plotly.js (loaded once per page by `plotlyLibraryHtml`) is there. The
 * note is hidden, not removed, so a handout's print stylesheet can show the image instead.
 * @throws InvalidArgumentError naming the first NaN or ∞ in the figure, e.g. `data[0].y[3] is NaN`
 * @example
 * figureHtml({ data: [{ y: [1, 4, 9] }] }, "fig-1"); // => '<div id="fig-1" …></div><script>…</script>'
 */
export function figureHtml(figure: Figure, id: string): string {
  const caller = "figureHtml";
  if (!figure || !Array.isArray(figure.data))
    throw new InvalidArgumentError(
      `${caller}: figure.data is missing; expected an array of traces`,
    );
  requireFiniteNumbers(caller, figure.data, "data");
  requireFiniteNumbers(caller, figure.frames ?? [], "frames");
  const full = withDefaults(figure);
  const height = Number(full.layout?.height ?? 420);
  const note =
    "Interactive figure: it appears when the notebook is trusted and its code has run (plotly.js).";
  return (
    `<div id="${id}" class="downhill-figure" style="width:100%;min-height:${height}px">` +
    `<p class="downhill-figure-note" style="color:#777;font-style:italic">${note}</p></div>` +
    `<script type="text/javascript">(function () {\n` +
    `  var figure = ${scriptSafeJson(full)};\n` +
    `  var tries = 0;\n` +
    `  function draw() {\n` +
    `    var element = document.getElementById(${JSON.stringify(id)});\n` +
    `    if (!element) return;\n` +
    `    if (!window.Plotly) { if (++tries < 400) setTimeout(draw, 25); return; }\n` +
    `    var note = element.querySelector(".downhill-figure-note");\n` +
    `    if (note) note.style.display = "none";\n` +
    `    window.Plotly.newPlot(element, figure);\n` +
    `  }\n` +
    `  draw();\n` +
    `})();</script>`
  );
}

/**
 * The HTML that loads plotly.js into the page from its source text (no CDN, works offline). Loads
 * nothing when the page already has `window.Plotly`.
 */
export function plotlyLibraryHtml(source: string): string {
  return `<script type="text/javascript">if (!window.Plotly) {\n${escapeInlineScript(source)}\n}</script>`;
}

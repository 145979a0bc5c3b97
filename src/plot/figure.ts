/**
 * A plotly.js figure as HTML that draws itself wherever scripts run: JupyterLab, classic Notebook,
 * VS Code and nbconvert's HTML export. Pure functions: no kernel needed, so they are tested in Node.
 */
import { gzipSync } from "zlib";
import { escapeHtml } from "../display/format";
import { InvalidArgumentError } from "../errors/errors";
import { plotlyTraceTypes } from "./plotlyBundle";
import { staticFigureSvg, staticFigureWidth } from "./staticFigure";
import { svgDataUrl } from "./dataUrl";

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

/** Significant digits a figure keeps: 1 part in 10⁶, far below a pixel, and what hover labels show. */
const figureDigits = 6;

/**
 * The value with every non-integer number rounded to 6 significant digits, so a figure's JSON carries
 * no 17-digit floats (a third of a lesson's weight) while every point lands on the same pixel.
 * @example roundedForDisplay({ y: [0.1 + 0.2, 3] }); // => { y: [0.3, 3] }
 */
export function roundedForDisplay<T>(value: T): T {
  if (typeof value === "number")
    return (Number.isInteger(value) ? value : Number(value.toPrecision(figureDigits))) as T;
  if (Array.isArray(value) || ArrayBuffer.isView(value))
    return Array.from(value as ArrayLike<unknown>, (item) => roundedForDisplay(item)) as T;
  if (value !== null && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, roundedForDisplay(item)]),
    ) as T;
  return value;
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

const plainText = (title: unknown): string => {
  const text = typeof title === "string" ? title : (title as { text?: unknown } | undefined)?.text;
  return typeof text === "string"
    ? text
        .replace(/<br\s*\/?>/gi, " ")
        .replace(/<[^>]*>/g, "")
        .replace(/\$/g, "")
        .replace(/\s+/g, " ")
        .trim()
    : "";
};

const traceKinds: Record<string, string> = {
  scatter: "curves or points",
  contour: "a contour map",
  surface: "a 3-D surface",
  scatter3d: "3-D curves or points",
  cone: "3-D arrows",
};

/**
 * What a figure shows, in words, for readers who cannot see it (the live figure's aria-label and the
 * static image's alt text): its title, what kind of plot, each axis title, and the named traces.
 * @example
 * figureDescription({ data: [{ y: [1], name: "E(w)" }], layout: { title: { text: "Loss" }, xaxis: { title: { text: "w" } } } });
 * // => "Figure: Loss. Curves or points; x axis: w. Traces: E(w)."
 */
export function figureDescription(figure: Figure): string {
  const layout = figure.layout ?? {};
  const kinds = [...new Set(figure.data.map((t) => traceKinds[String(t.type ?? "scatter")]))]
    .filter(Boolean)
    .join(", ");
  const axes: string[] = [];
  for (const [key, axis] of Object.entries(layout).sort(([a], [b]) => a.localeCompare(b))) {
    const axisMatch = /^([xyz])axis(\d*)$/.exec(key);
    const title = plainText((axis as { title?: unknown } | null)?.title);
    if (axisMatch && title) axes.push(`${axisMatch[1]} axis: ${title}`);
    if (/^scene\d*$/.test(key) && axis && typeof axis === "object")
      for (const letter of ["x", "y", "z"]) {
        const t = plainText((axis as Record<string, { title?: unknown }>)[`${letter}axis`]?.title);
        if (t) axes.push(`${letter} axis: ${t}`);
      }
  }
  const names = [...new Set(figure.data.map((t) => plainText(t.name)).filter(Boolean))];
  const title = plainText(layout.title);
  const what = [kinds.charAt(0).toUpperCase() + kinds.slice(1), ...axes].filter(Boolean).join("; ");
  return (
    `Figure${title ? `: ${title}` : ""}.` +
    (what ? ` ${what}.` : "") +
    (names.length ? ` Traces: ${names.join(", ")}.` : "")
  );
}

/**
 * The figure's static SVG image; should the drawing fail on a figure that plotly.js draws (a learner's
 * own, with a layout the course never uses), a plain image saying so, and the live figure is unaffected.
 * Every course figure gets its drawing (tests/untrustedFigures.test.ts).
 */
function staticImageOf(figure: Figure): string {
  try {
    return staticFigureSvg(figure);
  } catch (error) {
    const width = Number(figure.layout?.width ?? staticFigureWidth);
    const height = Number(figure.layout?.height ?? 420);
    const why = escapeHtml(String((error as Error)?.message ?? error)).slice(0, 200);
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<text x="20" y="40" font-family="sans-serif" font-size="14" fill="#777">No static image of this figure: ${why}</text></svg>`
    );
  }
}

/**
 * The HTML of one figure: a `<div>` holding a note for readers whose viewer runs no scripts — a static
 * SVG image of the figure drawn in the kernel (src/plot/staticFigure.ts), as an `<img>` with a `data:`
 * URL (what JupyterLab's sanitizer keeps in an untrusted notebook; it drops inline `<svg>`), and a line
 * saying the figure is interactive where scripts run — the figure's JSON in a
 * `<script type="application/json" id="<id>-data">` data block, and a script that hides the note and
 * draws the live figure once plotly.js (loaded once per page by `plotlyLibraryHtml`) is there. The note
 * is hidden, not removed, so a printout can show it. Draws at once wherever scripts run: JupyterLab,
 * classic Notebook, VS Code, nbconvert's HTML.
 * @throws InvalidArgumentError naming the first NaN or ∞ in the figure, e.g. `data[0].y[3] is NaN`, or
 *   a trace type the course's plotly.js bundle lacks (src/plot/plotlyBundle.ts)
 * @example
 * figureHtml({ data: [{ y: [1, 4, 9] }] }, "fig-1");
 * // => '<div id="fig-1" …></div><script type="application/json" id="fig-1-data">…</script><script type="text/javascript">…</script>'
 */
export function figureHtml(figure: Figure, id: string): string {
  const caller = "figureHtml";
  if (!figure || !Array.isArray(figure.data))
    throw new InvalidArgumentError(
      `${caller}: figure.data is missing; expected an array of traces`,
    );
  figure.data.forEach((trace, i) => {
    const type = trace?.type ?? "scatter";
    if (typeof type !== "string" || !plotlyTraceTypes.includes(type))
      throw new InvalidArgumentError(
        `${caller}: data[${i}].type is ${JSON.stringify(type)}, which the course's plotly.js bundle does not include; add it to plotlyTraceTypes in src/plot/plotlyBundle.ts`,
      );
  });
  requireFiniteNumbers(caller, figure.data, "data");
  requireFiniteNumbers(caller, figure.frames ?? [], "frames");
  requireFiniteNumbers(caller, figure.layout ?? {}, "layout");
  const full = withDefaults({
    ...figure,
    data: roundedForDisplay(figure.data),
    // The layout too: a slider's steps carry whole traces in their args (lesson 4's network figures).
    ...(figure.layout ? { layout: roundedForDisplay(figure.layout) } : {}),
    ...(figure.frames ? { frames: roundedForDisplay(figure.frames) } : {}),
  });
  const height = Number(full.layout?.height ?? 420);
  const width = Number(full.layout?.width ?? staticFigureWidth);
  const description = escapeHtml(figureDescription(figure));
  const image =
    `<img src="${svgDataUrl(staticImageOf(full))}" alt="${description} (Static image.)" ` +
    `width="${width}" height="${height}" style="max-width:100%;height:auto">`;
  const note =
    "Static image: the interactive figure appears when the notebook is trusted and its code has run (plotly.js).";
  return (
    `<div id="${id}" class="downhill-figure" role="figure" aria-label="${description}" style="width:100%;min-height:${height}px">` +
    `<p class="downhill-figure-note" style="color:#777;font-style:italic">${image}<br>${note}</p></div>` +
    `<script type="application/json" id="${id}-data">${scriptSafeJson(full)}</script>` +
    `<script type="text/javascript">(function () {\n` +
    `  var tries = 0;\n` +
    `  function draw() {\n` +
    `    var element = document.getElementById(${JSON.stringify(id)});\n` +
    `    if (!element) return;\n` +
    // While the page unpacks plotly.js (plotlyLibraryHtml), wait for it however long it takes.
    `    if (!window.Plotly) {\n` +
    `      if (window.downhillPlotlyLoading || ++tries < 400) setTimeout(draw, 25);\n` +
    `      return;\n` +
    `    }\n` +
    `    var note = element.querySelector(".downhill-figure-note");\n` +
    `    if (note) note.style.display = "none";\n` +
    `    var data = document.getElementById(${JSON.stringify(`${id}-data`)});\n` +
    `    window.Plotly.newPlot(element, JSON.parse(data.textContent));\n` +
    `  }\n` +
    `  draw();\n` +
    `})();</script>`
  );
}

/**
 * Text as a page carries it packed: gzipped and base64-encoded (`unpackTextJs` unpacks it).
 * @example gunzipSync(Buffer.from(packText("abc"), "base64")).toString(); // => "abc"
 */
export function packText(text: string): string {
  return gzipSync(Buffer.from(text, "utf8"), { level: 9 }).toString("base64");
}

/**
 * A JavaScript expression for the page: the promise of the text that `packedExpression` (an expression
 * whose value is what `packText` made) stands for, unpacked by the browser's DecompressionStream.
 * @example unpackTextJs("packed"); // => 'new Response(new Blob([Uint8Array.from(atob(packed), …'
 */
export function unpackTextJs(packedExpression: string): string {
  return (
    `new Response(new Blob([Uint8Array.from(atob(${packedExpression}), ` +
    `function (c) { return c.charCodeAt(0); })]).stream()` +
    `.pipeThrough(new DecompressionStream("gzip"))).text()`
  );
}

/**
 * The HTML that loads plotly.js into the page from its source text (no CDN, works offline), gzipped
 * and base64-encoded (1.8 MB of minified JavaScript travels as 0.8 MB) and unpacked in the browser by
 * its built-in DecompressionStream; figures wait for `window.Plotly`. Loads nothing when the page
 * already has `window.Plotly` or is loading it. Where it cannot run, figures keep their static note.
 * @example plotlyLibraryHtml("var Plotly = {};").startsWith("<script"); // => true
 */
export function plotlyLibraryHtml(source: string): string {
  return (
    `<script type="text/javascript">if (!window.Plotly && !window.downhillPlotlyLoading) {\n` +
    `  window.downhillPlotlyLoading = true;\n` +
    `  ${unpackTextJs(JSON.stringify(packText(source)))}.then(function (code) {\n` +
    `    (0, eval)(code + "\\n//# sourceURL=downhill-plotly.min.js");\n` +
    `  }).catch(function (error) {\n` +
    `    window.downhillPlotlyLoading = false;\n` +
    `    console.error("plotly.js could not be unpacked:", error);\n` +
    `  });\n` +
    `}</script>`
  );
}

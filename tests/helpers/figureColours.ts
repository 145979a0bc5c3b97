// One colour per meaning (issue 27, item 6; src/plot/palette.ts): which named quantity a trace or an
// annotation of a figure shows, read from its name, and the colour plotly.js draws it in. Pure, for
// tests/figureColours.test.ts, which reads every executed figure of the course.
import { palette, type Quantity } from "../../src/plot/palette";
import { plotlyDefaultColourway } from "../../src/plot/staticFigure";

/**
 * Names (legend text, marker and annotation labels) and the quantity they show. The first pattern that
 * matches wins, so the narrower ones come first ("mini-batch" before "batch", "validation minimum"
 * before "minimum"). A name that matches none carries no fixed meaning (a learning rate, a start, a
 * method of one lesson) and keeps whatever colour its figure gives it.
 */
export const quantityPatterns: [RegExp, Quantity][] = [
  [/^\s*[−-]\s*∇|negative gradient|steepest descent|descent direction/i, "negativeGradient"],
  // A rise drawn on the tangent plane is the linear approximation (lesson 2 §2.9), before "steepest up".
  [/on the tangent plane/i, "tangent"],
  [/^\s*\+?\s*∇|steepest (way )?up|steepest ascent/i, "gradient"],
  [/validation/i, "validation"],
  [/^\s*training\b|\btraining error/i, "training"],
  [/^\s*(ŵ|θ\*|θ̂|w\*)\s*$|^\s*minimum\b/i, "minimum"],
  [/heavy ball/i, "heavyBall"],
  [/nesterov/i, "nesterov"],
  [/rmsprop/i, "rmsprop"],
  [/\badam\b/i, "adam"],
  [/mini-?batch/i, "miniBatch"],
  [/stochastic/i, "stochastic"],
  [/^\s*plain\b|plain descent|batch descent|^\s*batch\b/i, "plainDescent"],
  [/^\s*data\b/i, "data"],
  [/^\s*network y|^\s*prediction\b|^\s*model output/i, "prediction"],
  [/^\s*tangent\b|f′\(x₀\)\s*·\s*h/i, "tangent"],
  [/^\s*f\(x\)(\s*=.*)?$|^\s*E\(w\)\s*$/i, "curve"],
  [/^\s*theory\b/i, "theory"],
];

/** The quantity a name shows, or null. @example quantityOf("−∇E (steepest descent)") // => "negativeGradient" */
export function quantityOf(name: string): Quantity | null {
  const text = plain(name);
  for (const [pattern, quantity] of quantityPatterns) if (pattern.test(text)) return quantity;
  return null;
}

const named: Record<string, string> = {
  black: "#000000",
  white: "#ffffff",
  red: "#ff0000",
  green: "#008000",
  blue: "#0000ff",
  orange: "#ffa500",
  purple: "#800080",
  gray: "#808080",
  grey: "#808080",
};

/**
 * A CSS colour in one spelling, so that equal colours compare equal: `#rrggbb` in lower case for
 * opaque ones (`black`, `#000`, `rgb(0,0,0)` and `rgba(0,0,0,1)` are `#000000`), `rgba(r,g,b,a)`
 * for translucent ones.
 * @example normalColour("rgb(31, 119, 180)") // => "#1f77b4"
 */
export function normalColour(colour: string): string {
  const c = colour.trim().toLowerCase();
  if (named[c]) return named[c];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  const rgb = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(c);
  if (rgb) {
    const [r, g, b] = rgb.slice(1, 4).map(Number);
    const alpha = rgb[4] === undefined ? 1 : Number(rgb[4]);
    if (alpha < 1) return `rgba(${r},${g},${b},${alpha})`;
    return `#${[r, g, b].map((v) => v.toString(16).padStart(2, "0")).join("")}`;
  }
  return c;
}

/** A name as the reader sees it: no HTML tags, no `$`, spaces collapsed. */
const plain = (text: string) =>
  text
    .replace(/<[^>]*>/g, " ")
    .replace(/\$/g, "")
    .replace(/\s+/g, " ")
    .trim();

/** A named thing drawn in a figure, and the colours it is drawn in. */
export interface Drawn {
  /** "trace" (legend text or marker name) or "annotation" (a label, or an arrow's label). */
  kind: "trace" | "annotation";
  name: string;
  /** What is drawn in which colour: `line`, `marker`, `text`, `arrow`. */
  colours: { part: string; colour: string }[];
}

type Json = Record<string, unknown>;
const record = (value: unknown): Json =>
  value !== null && typeof value === "object" ? (value as Json) : {};
const colourOf = (value: unknown): string | null =>
  typeof value === "string" ? normalColour(value) : null;

/**
 * Every named trace and coloured annotation of a figure (plotly JSON) with the colours plotly.js draws
 * it in. A trace without its own colour takes the layout's colorway (or plotly.js's default) at its
 * index among the traces not set `visible: false`; its markers take the line's colour unless they
 * have their own. Only what its mode draws is listed (scatter: lines and markers; traces of other
 * types, coloured by a colour scale, are left out). An annotation is listed when it has text and an
 * explicit font or arrow colour.
 * @example drawnOf({ data: [{ name: "data", mode: "markers" }] }) // => [{ kind: "trace", name: "data", colours: [{ part: "marker", colour: "#1f77b4" }] }]
 */
export function drawnOf(figure: { data?: unknown[]; layout?: unknown }): Drawn[] {
  const layout = record(figure.layout);
  const colorway = Array.isArray(layout.colorway)
    ? (layout.colorway as string[]).map(normalColour)
    : plotlyDefaultColourway;
  const drawn: Drawn[] = [];
  let colourIndex = 0;
  for (const raw of figure.data ?? []) {
    const trace = record(raw);
    const fallback = colorway[colourIndex % colorway.length];
    if (trace.visible !== false) colourIndex += 1;
    const type = String(trace.type ?? "scatter");
    if (!["scatter", "scattergl", "scatter3d"].includes(type)) continue;
    const name = typeof trace.name === "string" ? plain(trace.name) : "";
    if (!name || trace.visible === false) continue;
    const points = Array.isArray(trace.x)
      ? trace.x.length
      : Array.isArray(trace.y)
        ? trace.y.length
        : 0;
    const mode = String(
      trace.mode ?? (type === "scatter3d" || points < 20 ? "lines+markers" : "lines"),
    );
    const line = colourOf(record(trace.line).color) ?? fallback;
    const markerColour = record(trace.marker).color;
    const colours: Drawn["colours"] = [];
    if (mode.includes("lines")) colours.push({ part: "line", colour: line });
    // An array of marker colours (one per point) is a colour scale, not a meaning's colour.
    if (mode.includes("markers") && !Array.isArray(markerColour))
      colours.push({ part: "marker", colour: colourOf(markerColour) ?? line });
    if (colours.length) drawn.push({ kind: "trace", name, colours });
  }
  for (const raw of Array.isArray(layout.annotations) ? layout.annotations : []) {
    const annotation = record(raw);
    const name = typeof annotation.text === "string" ? plain(annotation.text) : "";
    if (!name) continue;
    const colours: Drawn["colours"] = [];
    const text = colourOf(record(annotation.font).color);
    if (text) colours.push({ part: "text", colour: text });
    const arrow = colourOf(annotation.arrowcolor);
    if (arrow && annotation.showarrow !== false) colours.push({ part: "arrow", colour: arrow });
    if (colours.length) drawn.push({ kind: "annotation", name, colours });
  }
  return drawn;
}

/** A drawn quantity whose colour is not its palette colour. */
export interface ColourViolation {
  name: string;
  kind: Drawn["kind"];
  part: string;
  quantity: Quantity;
  found: string;
  expected: string;
}

/**
 * What a figure draws in another colour than `palette` gives its quantity, one entry per part.
 * @example colourViolations({ data: [{ name: "ŵ", mode: "markers", marker: { color: "#d62728" } }] })
 * // => [{ name: "ŵ", kind: "trace", part: "marker", quantity: "minimum", found: "#d62728", expected: "#000000" }]
 */
export function colourViolations(figure: {
  data?: unknown[];
  layout?: unknown;
}): ColourViolation[] {
  const violations: ColourViolation[] = [];
  for (const { kind, name, colours } of drawnOf(figure)) {
    const quantity = quantityOf(name);
    if (!quantity) continue;
    const expected = normalColour(palette[quantity]);
    for (const { part, colour } of colours)
      if (colour !== expected)
        violations.push({ name, kind, part, quantity, found: colour, expected });
  }
  return violations;
}

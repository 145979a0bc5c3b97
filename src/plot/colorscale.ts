/**
 * Colours as plotly.js reads them, for drawing a figure without plotly.js (src/plot/staticFigure.ts):
 * a CSS colour parsed into red, green, blue and alpha, and a colour scale — a named plotly.js scale
 * or a list of `[position, colour]` stops — sampled at t ∈ [0, 1] by linear interpolation between
 * the two stops around t:
 *
 *   colour(t) = cᵢ + (t − tᵢ)/(tᵢ₊₁ − tᵢ) · (cᵢ₊₁ − cᵢ),  tᵢ ≤ t ≤ tᵢ₊₁
 */
import { InvalidArgumentError } from "../errors/errors";

/** A colour: red, green, blue in 0…255 and alpha (opacity) in 0…1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** plotly.js's named scales the course can use (copied from plotly.js's colorscale/scales.js). */
const namedScales: Record<string, [number, string][]> = {
  Greys: [
    [0, "rgb(0,0,0)"],
    [1, "rgb(255,255,255)"],
  ],
  YlGnBu: [
    [0, "rgb(8,29,88)"],
    [0.125, "rgb(37,52,148)"],
    [0.25, "rgb(34,94,168)"],
    [0.375, "rgb(29,145,192)"],
    [0.5, "rgb(65,182,196)"],
    [0.625, "rgb(127,205,187)"],
    [0.75, "rgb(199,233,180)"],
    [0.875, "rgb(237,248,217)"],
    [1, "rgb(255,255,217)"],
  ],
  Blues: [
    [0, "rgb(5,10,172)"],
    [0.35, "rgb(40,60,190)"],
    [0.5, "rgb(70,100,245)"],
    [0.6, "rgb(90,120,245)"],
    [0.7, "rgb(106,137,247)"],
    [1, "rgb(220,220,220)"],
  ],
  RdBu: [
    [0, "rgb(5,10,172)"],
    [0.35, "rgb(106,137,247)"],
    [0.5, "rgb(190,190,190)"],
    [0.6, "rgb(220,170,132)"],
    [0.7, "rgb(230,145,90)"],
    [1, "rgb(178,10,28)"],
  ],
  Viridis: [
    [0, "#440154"],
    [0.06274509803921569, "#48186a"],
    [0.12549019607843137, "#472d7b"],
    [0.18823529411764706, "#424086"],
    [0.25098039215686274, "#3b528b"],
    [0.3137254901960784, "#33638d"],
    [0.3764705882352941, "#2c728e"],
    [0.4392156862745098, "#26828e"],
    [0.5019607843137255, "#21918c"],
    [0.5647058823529412, "#1fa088"],
    [0.6274509803921569, "#28ae80"],
    [0.6901960784313725, "#3fbc73"],
    [0.7529411764705882, "#5ec962"],
    [0.8156862745098039, "#84d44b"],
    [0.8784313725490196, "#addc30"],
    [0.9411764705882353, "#d8e219"],
    [1, "#fde725"],
  ],
};

/** plotly.js's scale when a trace names none. */
const defaultScale = "RdBu";

const cssNames: Record<string, string> = {
  black: "#000000",
  white: "#ffffff",
  gray: "#808080",
  grey: "#808080",
  red: "#ff0000",
  green: "#008000",
  blue: "#0000ff",
  orange: "#ffa500",
  purple: "#800080",
  transparent: "rgba(0,0,0,0)",
};

/**
 * A CSS colour (`#rgb`, `#rrggbb`, `rgb(…)`, `rgba(…)` or a common name) as red, green, blue, alpha.
 * @throws InvalidArgumentError when the text is not such a colour
 * @example parseColour("rgba(0,0,0,0.35)"); // => { r: 0, g: 0, b: 0, a: 0.35 }
 */
export function parseColour(text: string): Rgba {
  const colour = cssNames[text.trim().toLowerCase()] ?? text.trim();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour);
  if (hex) {
    const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join("") : hex[1];
    return {
      r: parseInt(h.slice(0, 2), 16),
      g: parseInt(h.slice(2, 4), 16),
      b: parseInt(h.slice(4, 6), 16),
      a: 1,
    };
  }
  const fn = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/i.exec(
    colour,
  );
  if (fn) return { r: +fn[1], g: +fn[2], b: +fn[3], a: fn[4] === undefined ? 1 : +fn[4] };
  throw new InvalidArgumentError(
    `parseColour: ${JSON.stringify(text)} is not a colour; expected #rrggbb, rgb(…), rgba(…) or a CSS name`,
  );
}

/**
 * A colour as short hex text (`#rrggbb`), its alpha left out.
 * @example hexColour({ r: 255, g: 127.6, b: 0, a: 1 }); // => "#ff8000"
 */
export function hexColour(colour: Rgba): string {
  const byte = (v: number) =>
    Math.max(0, Math.min(255, Math.round(v)))
      .toString(16)
      .padStart(2, "0");
  return `#${byte(colour.r)}${byte(colour.g)}${byte(colour.b)}`;
}

/** A colour scale's stops, positions rising from 0 to 1. */
export type ColourStops = { t: number; colour: Rgba }[];

/**
 * The stops of a trace's colour scale: a plotly.js name (`"YlGnBu"`) or `[position, colour]` pairs,
 * reversed when `reverse` (plotly's `reversescale`). No scale means plotly.js's default, RdBu.
 * @throws InvalidArgumentError for a name this module does not know (add it to namedScales)
 * @example colourStops("Greys", true)[0].colour; // => { r: 255, g: 255, b: 255, a: 1 }
 */
export function colourStops(scale: unknown, reverse = false): ColourStops {
  const pairs =
    scale === undefined || scale === null
      ? namedScales[defaultScale]
      : typeof scale === "string"
        ? namedScales[scale]
        : (scale as [number, string][]);
  if (!Array.isArray(pairs))
    throw new InvalidArgumentError(
      `colourStops: the colour scale ${JSON.stringify(scale)} is unknown; use one of ${Object.keys(namedScales).join(", ")} or [position, colour] pairs`,
    );
  const stops = pairs.map(([t, c]) => ({ t: Number(t), colour: parseColour(String(c)) }));
  return reverse ? stops.map((s) => ({ t: 1 - s.t, colour: s.colour })).reverse() : stops;
}

/**
 * The scale's colour at t (clamped to [0, 1]), interpolated linearly between the stops around it.
 * @example hexColour(colourAt(colourStops("Greys"), 0.5)); // => "#808080"
 */
export function colourAt(stops: ColourStops, t: number): Rgba {
  const x = Math.max(0, Math.min(1, Number.isFinite(t) ? t : 0));
  let i = 0;
  while (i < stops.length - 2 && stops[i + 1].t < x) i++;
  const lo = stops[i];
  const hi = stops[Math.min(i + 1, stops.length - 1)];
  const f = hi.t > lo.t ? Math.max(0, Math.min(1, (x - lo.t) / (hi.t - lo.t))) : 0;
  const mix = (a: number, b: number) => a + f * (b - a);
  return {
    r: mix(lo.colour.r, hi.colour.r),
    g: mix(lo.colour.g, hi.colour.g),
    b: mix(lo.colour.b, hi.colour.b),
    a: mix(lo.colour.a, hi.colour.a),
  };
}

/**
 * The stops of a trace's colour scale, or plotly.js's default scale (RdBu) where the scale is one this
 * module cannot read (a name it lacks, a colour written as hsl(…)): for drawing a static image, which
 * should not fail a figure that plotly.js draws.
 * @example colourStopsOrDefault("NoSuchScale").length; // => 6
 */
export function colourStopsOrDefault(scale: unknown, reverse = false): ColourStops {
  try {
    return colourStops(scale, reverse);
  } catch {
    return colourStops(undefined, reverse);
  }
}

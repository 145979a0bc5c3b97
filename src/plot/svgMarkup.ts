/**
 * The small pieces of SVG markup a static figure is made of (src/plot/staticFigure.ts): coordinates
 * rounded to a tenth of a pixel (short, and the same bytes every time), text with plotly's own markup
 * (`<br>`, `<sup>`, `<sub>`, `<b>`, `<i>`) as `<text>` and `<tspan>`, colours with their opacity, and
 * plotly's dash patterns.
 */
import { escapeHtml as escapeXml } from "../display/format";
import { parseColour } from "./colorscale";

/**
 * A coordinate rounded to 0.1 px, as short text ("12.3", "-4", never "-0").
 * @example px(12.345); // => "12.3"
 */
export function px(value: number): string {
  const r = Math.round(value * 10) / 10;
  return String(r === 0 ? 0 : r);
}

/** HTML entities plotly's text may hold, as characters. */
const decodeEntities = (text: string) =>
  text
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");

/** A run of text and how it is set: raised (sup), lowered (sub), bold, italic. */
interface Run {
  text: string;
  shift: -1 | 0 | 1;
  bold: boolean;
  italic: boolean;
}

/** The lines of plotly text (split at `<br>`), each as runs. */
function parseRich(text: string): Run[][] {
  return text.split(/<br\s*\/?>/i).map((line) => {
    const runs: Run[] = [];
    let shift: -1 | 0 | 1 = 0;
    let bold = false;
    let italic = false;
    for (const part of line.split(/(<\/?[a-z]+[^>]*>)/i)) {
      const tag = /^<(\/?)([a-z]+)/i.exec(part);
      if (tag) {
        const open = tag[1] === "";
        const name = tag[2].toLowerCase();
        if (name === "sup") shift = open ? 1 : 0;
        else if (name === "sub") shift = open ? -1 : 0;
        else if (name === "b") bold = open;
        else if (name === "i") italic = open;
      } else if (part)
        runs.push({ text: decodeEntities(part.replace(/\$/g, "")), shift, bold, italic });
    }
    return runs;
  });
}

/**
 * About how wide a line of plotly text is drawn in a sans-serif font of `size` px (0.5 em a
 * character; raised and lowered text at 70 %): enough to lay out legends and labels.
 * @example textWidth("abcd", 10); // => 20
 */
export function textWidth(text: string, size: number): number {
  const lines = parseRich(text);
  return Math.max(
    0,
    ...lines.map((runs) =>
      runs.reduce((w, r) => w + [...r.text].length * 0.5 * size * (r.shift ? 0.7 : 1), 0),
    ),
  );
}

/**
 * How many lines plotly text has (`<br>` breaks it).
 * @example lineCount("a<br>b"); // => 2
 */
export function lineCount(text: string): number {
  return parseRich(text).length;
}

export interface TextOptions {
  size: number;
  colour?: string;
  /** Horizontal anchor: where x is. */
  anchor?: "start" | "middle" | "end";
  /** Vertical anchor of the whole block of lines: where y is ("middle" by default). */
  baseline?: "top" | "middle" | "bottom";
  /** Degrees, clockwise, about (x, y). */
  rotate?: number;
  bold?: boolean;
}

/**
 * Plotly text as an SVG `<text>` element: one `<tspan>` line per `<br>`, raised and lowered runs
 * for `<sup>` and `<sub>`, the block anchored at (x, y).
 * @example textSvg("E", 10, 20, { size: 12 }); // => '<text x="10" y="24.2" font-size="12">E</text>'
 */
export function textSvg(text: string, x: number, y: number, options: TextOptions): string {
  const { size, anchor = "start", baseline = "middle", rotate = 0 } = options;
  const lines = parseRich(text);
  const lineHeight = 1.3 * size;
  const block = (lines.length - 1) * lineHeight;
  // y of the first baseline: a line's middle sits 0.35 em above its baseline.
  const first =
    baseline === "top"
      ? y + 0.8 * size
      : baseline === "bottom"
        ? y - block - 0.25 * size
        : y - block / 2 + 0.35 * size;
  const attrs =
    `x="${px(x)}" y="${px(first)}"` +
    (anchor !== "start" ? ` text-anchor="${anchor}"` : "") +
    ` font-size="${px(size)}"` +
    (options.colour ? colourAttrs("fill", options.colour) : "") +
    (options.bold ? ` font-weight="bold"` : "") +
    (rotate ? ` transform="rotate(${px(rotate)} ${px(x)} ${px(y)})"` : "");
  const body = lines
    .map((runs, i) => {
      let shifted = 0;
      const spans = runs.map((run) => {
        const target = run.shift === 1 ? -0.4 * size : run.shift === -1 ? 0.25 * size : 0;
        const dy = target - shifted;
        shifted = target;
        const style =
          (dy ? ` dy="${px(dy)}"` : "") +
          (run.shift ? ` font-size="${px(0.7 * size)}"` : "") +
          (run.bold ? ` font-weight="bold"` : "") +
          (run.italic ? ` font-style="italic"` : "");
        return style ? `<tspan${style}>${escapeXml(run.text)}</tspan>` : escapeXml(run.text);
      });
      const text = spans.join("") + (shifted ? `<tspan dy="${px(-shifted)}"></tspan>` : "");
      return lines.length === 1
        ? text
        : `<tspan x="${px(x)}"${i ? ` dy="${px(lineHeight)}"` : ""}>${text}</tspan>`;
    })
    .join("");
  return `<text ${attrs}>${body}</text>`;
}

/**
 * A colour as SVG paint attributes: ` fill="#d62728"`, with ` fill-opacity` when it is translucent.
 * @example colourAttrs("stroke", "rgba(0,0,0,0.35)"); // => ' stroke="#000000" stroke-opacity="0.35"'
 */
export function colourAttrs(which: "fill" | "stroke", colour: string): string {
  let c;
  try {
    c = parseColour(colour);
  } catch {
    return ` ${which}="${escapeXml(colour)}"`;
  }
  const hex = `#${[c.r, c.g, c.b].map((v) => Math.round(v).toString(16).padStart(2, "0")).join("")}`;
  return ` ${which}="${hex}"` + (c.a < 1 ? ` ${which}-opacity="${Number(c.a.toFixed(3))}"` : "");
}

/**
 * plotly.js's dash pattern for a line of `width` px, as an SVG `stroke-dasharray` ("" for solid).
 * @example dashArray("dot", 2); // => "3,3"
 */
export function dashArray(dash: unknown, width: number): string {
  const w = Math.max(width, 3);
  const patterns: Record<string, number[]> = {
    dot: [w, w],
    dash: [3 * w, 3 * w],
    longdash: [5 * w, 5 * w],
    dashdot: [3 * w, w, w, w],
    longdashdot: [5 * w, 2 * w, w, 2 * w],
  };
  if (typeof dash !== "string" || dash === "solid") return "";
  const pattern =
    patterns[dash] ??
    dash
      .replace(/px/g, "")
      .split(/[\s,]+/)
      .map(Number);
  return pattern.every(Number.isFinite) ? pattern.map(px).join(",") : "";
}

/**
 * A polyline with the points it can do without: Douglas–Peucker, keeping every point farther than
 * `tolerance` px from the chord of the stretch it lies in (so the drawn line moves by at most that).
 * @example simplifiedLine([[0, 0], [1, 0.01], [2, 0], [3, 5]], 0.3); // => [[0, 0], [2, 0], [3, 5]]
 */
export function simplifiedLine(points: number[][], tolerance: number): number[][] {
  if (points.length < 3) return points;
  const keep = new Array<boolean>(points.length).fill(false);
  keep[0] = keep[points.length - 1] = true;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop() as [number, number];
    const [ax, ay] = points[a];
    const [bx, by] = points[b];
    const length = Math.hypot(bx - ax, by - ay);
    let worst = -1;
    let far = tolerance;
    for (let i = a + 1; i < b; i++) {
      const [x, y] = points[i];
      const d =
        length === 0
          ? Math.hypot(x - ax, y - ay)
          : Math.abs((bx - ax) * (ay - y) - (ax - x) * (by - ay)) / length;
      if (d > far) {
        far = d;
        worst = i;
      }
    }
    if (worst >= 0) {
      keep[worst] = true;
      stack.push([a, worst], [worst, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

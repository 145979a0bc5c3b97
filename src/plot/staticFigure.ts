/**
 * A course figure (plotly.js data + layout, src/plot/figure.ts) drawn as a static SVG image in the
 * kernel, with no browser and no plotly.js: the picture a reader sees where scripts do not run (an
 * untrusted notebook in JupyterLab, GitHub's preview, nbviewer, print). It draws what the course's
 * figures use, as plotly.js would lay it out: cartesian subplots (axis domains, anchors, ranges,
 * linear and log axes, tick values and texts, equal scales through `scaleanchor`), scatter traces
 * (lines, markers, text), contour maps (colour raster + marching-squares lines), heatmaps, colour bars,
 * shapes, annotations with arrows, the legend and the title; 3-D scenes go to src/plot/staticScene.ts.
 * A data value v lands on an axis from r₀ to r₁ (in log₁₀ v on a log axis) drawn from p₀ to p₁ px at
 *
 *   p = p₀ + (v − r₀) · (p₁ − p₀) / (r₁ − r₀)
 *
 * Controls (sliders, buttons) and hover text have no static form and are left out: the image shows the
 * figure as it first draws. Same figure, same bytes.
 */
import type { Figure } from "./figure";
import { escapeHtml } from "../display/format";
import { colourAt, colourStopsOrDefault, hexColour, type ColourStops } from "./colorscale";
import { pngDataUrl } from "./dataUrl";
import { logTicks } from "./logTicks";
import { contourLines } from "./marchingSquares";
import { highest, lowest, niceTicks, sceneSvg, tickLabel } from "./staticScene";
import {
  colourAttrs,
  dashArray,
  lineCount,
  px,
  simplifiedLine,
  textSvg,
  textWidth,
} from "./svgMarkup";

/** How far (px) a simplified line may stray from the data's: a quarter of a pixel. */
const lineTolerance = 0.25;

/** A polyline as path data ("M x y x y …"), with the points it can do without left out. */
const pathData = (points: number[][]): string =>
  "M" +
  simplifiedLine(points, lineTolerance)
    .map(([x, y]) => `${px(x)} ${px(y)}`)
    .join(" ");

type Dict = Record<string, any>;

/** Width of the image when the layout sets none (a live figure fills its cell: about this wide). */
export const staticFigureWidth = 900;

/** plotly.js's default colour cycle (D3's category 10): a trace without a colour takes the next one. */
export const plotlyDefaultColourway: readonly string[] = [
  "#1f77b4",
  "#ff7f0e",
  "#2ca02c",
  "#d62728",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#7f7f7f",
  "#bcbd22",
  "#17becf",
];
const cartesianTypes = new Set(["scatter", "contour", "heatmap"]);
const sceneTypes = new Set(["surface", "scatter3d", "cone"]);
const gridColour = "#eeeeee";
const textColour = "#444444";

/** A cartesian axis laid out on the page. */
interface Axis {
  id: string;
  letter: "x" | "y";
  spec: Dict;
  log: boolean;
  /** Its range, in axis units (log₁₀ of the value on a log axis). */
  range: [number, number];
  /** Its pixel extent: [start, end] along the page (x left → right, y bottom → top). */
  span: [number, number];
  /** The position of the axis line: a y for an x axis, an x for a y axis. */
  at: number;
}

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const toUnits = (axis: Axis, v: unknown): number =>
  !isNumber(v) ? NaN : axis.log ? (v > 0 ? Math.log10(v) : NaN) : v;
const unitsToPx = (axis: Axis, u: number): number =>
  axis.span[0] +
  ((u - axis.range[0]) * (axis.span[1] - axis.span[0])) / (axis.range[1] - axis.range[0]);
const toPx = (axis: Axis, v: unknown): number => unitsToPx(axis, toUnits(axis, v));
const titleText = (title: unknown): string =>
  typeof title === "string" ? title : String((title as Dict | undefined)?.text ?? "");
const axisKey = (id: string) => `${id[0]}axis${id.slice(1)}`;

/** A marker's outline, centred on (0, 0), for a symbol of diameter `size` (plotly's shapes). */
function symbolPath(symbol: string, size: number): string {
  const r = size / 2;
  const base = symbol.replace(/-open$/, "");
  if (base === "square") return `M${px(r)} ${px(r)}H${px(-r)}V${px(-r)}H${px(r)}Z`;
  if (base === "diamond") {
    const d = 1.3 * r;
    return `M${px(d)} 0 0 ${px(d)} ${px(-d)} 0 0 ${px(-d)}Z`;
  }
  if (base === "triangle-up" || base === "arrow" || base === "triangle-down") {
    const s = base === "triangle-down" ? -1 : 1;
    const [w, h] = base === "arrow" ? [r, 2 * r] : [1.15 * r, 1.15 * r];
    return base === "arrow"
      ? `M0 0 ${px(w)} ${px(h)} ${px(-w)} ${px(h)}Z`
      : `M0 ${px(-s * h)} ${px(w)} ${px(s * h * 0.6)} ${px(-w)} ${px(s * h * 0.6)}Z`;
  }
  if (base === "star") {
    const points: string[] = [];
    for (let k = 0; k < 10; k++) {
      const a = (Math.PI * k) / 5 - Math.PI / 2;
      const rr = k % 2 ? 0.55 * r : 1.4 * r;
      points.push(`${px(rr * Math.cos(a))} ${px(rr * Math.sin(a))}`);
    }
    return `M${points.join(" ")}Z`;
  }
  if (base === "x" || base === "cross") {
    const a = 0.4 * r;
    const b = 1.1 * r;
    const path = `M${px(a)} ${px(b)}H${px(-a)}V${px(a)}H${px(-b)}V${px(-a)}H${px(-a)}V${px(-b)}H${px(a)}V${px(-a)}H${px(b)}V${px(a)}H${px(a)}Z`;
    return path;
  }
  return ""; // circle
}

/** A marker at (x, y): a circle or one of plotly's shapes, turned by `angle` degrees. */
function markerSvg(
  x: number,
  y: number,
  symbol: string,
  size: number,
  fill: string,
  line: Dict | undefined,
  angle = 0,
): string {
  const outline =
    line && Number(line.width ?? 0) > 0
      ? `${colourAttrs("stroke", String(line.color ?? "#444"))} stroke-width="${px(Number(line.width))}"`
      : "";
  const open = symbol.endsWith("-open");
  const paint = open ? ` fill="none"${colourAttrs("stroke", fill)}` : colourAttrs("fill", fill);
  const path = symbolPath(symbol, size);
  if (!path) return `<circle cx="${px(x)}" cy="${px(y)}" r="${px(size / 2)}"${paint}${outline}/>`;
  const turn = (symbol.replace(/-open$/, "") === "x" ? 45 : 0) + angle;
  return `<path d="${path}" transform="translate(${px(x)} ${px(y)})${turn ? ` rotate(${px(turn)})` : ""}"${paint}${outline}/>`;
}

/** Tick values and labels of an axis (data values, or log₁₀ units on a log axis), and minor grid values. */
function axisTicks(
  axis: Axis,
  length: number,
): { at: number[]; labels: string[]; minor: number[] } {
  const spec = axis.spec;
  const [lo, hi] = [Math.min(...axis.range), Math.max(...axis.range)];
  const inRange = (u: number) => u >= lo - 1e-9 * (hi - lo) && u <= hi + 1e-9 * (hi - lo);
  const minorVals =
    Array.isArray(spec.minor?.tickvals) && spec.minor?.showgrid !== false
      ? spec.minor.tickvals
      : [];
  const minor = minorVals
    .map((v: unknown) => toUnits(axis, v))
    .filter((u: number) => Number.isFinite(u) && inRange(u));
  if (Array.isArray(spec.tickvals)) {
    const at: number[] = [];
    const labels: string[] = [];
    spec.tickvals.forEach((v: unknown, i: number) => {
      const u = toUnits(axis, v);
      if (Number.isFinite(u) && inRange(u)) {
        at.push(u);
        labels.push(
          String(spec.ticktext?.[i] ?? (isNumber(v) ? tickLabel(v, Math.abs(v) || 1) : v)),
        );
      }
    });
    return { at, labels, minor };
  }
  const power = (k: number) =>
    k === 0 ? "1" : k === 1 ? "10" : `10<sup>${String(k).replace("-", "−")}</sup>`;
  if (axis.log) {
    const dtick = Number(spec.dtick);
    if (!(dtick > 0)) {
      const ticks = hi - lo < 1e-9 ? null : logTicks(10 ** lo, 10 ** hi);
      if (ticks && ticks.tickvals.length > 0)
        return {
          at: ticks.tickvals.map(Math.log10),
          labels: ticks.ticktext,
          minor,
        };
    }
    const step = dtick > 0 ? dtick : Math.max(1, Math.ceil((hi - lo) / 8));
    const at: number[] = [];
    for (let k = Math.ceil(lo / step - 1e-9) * step; k <= hi + 1e-9; k += step)
      at.push(Math.round(k));
    return { at, labels: at.map(power), minor };
  }
  const dtick = Number(spec.dtick);
  const count =
    Number(spec.nticks) || Math.max(4, Math.min(9, length / (axis.letter === "y" ? 40 : 80))) + 1;
  const at =
    dtick > 0
      ? niceTicks(lo, hi, (hi - lo) / dtick).filter(
          (v) => Math.abs(v / dtick - Math.round(v / dtick)) < 1e-6,
        )
      : niceTicks(lo, hi, count);
  const step = at.length > 1 ? at[1] - at[0] : Math.abs(at[0]) || 1;
  // plotly's SI suffixes once the largest tick reaches 10⁴: 5000 → "5k", 40000 → "40k".
  const largest = Math.max(0, ...at.map(Math.abs));
  const si = largest >= 1e4 && spec.exponentformat !== "power" && spec.exponentformat !== "e";
  const [div, unit] = largest >= 1e9 ? [1e9, "G"] : largest >= 1e6 ? [1e6, "M"] : [1e3, "k"];
  const labels = at.map((v) =>
    si && v !== 0 ? tickLabel(v / div, Math.min(step / div, 1)) + unit : tickLabel(v, step),
  );
  return { at, labels, minor };
}

/**
 * The extent of values in axis units, padded as plotly pads: each value of a padded trace (markers;
 * any scatter's y) reaches 5 % of the span beyond itself, the others (lines' x, maps, shapes) none.
 */
function extent(values: { v: number; pad: boolean }[]): [number, number] | null {
  const finite = values.filter((p) => Number.isFinite(p.v));
  if (finite.length === 0) return null;
  const lo = lowest(finite.map((p) => p.v));
  const hi = highest(finite.map((p) => p.v));
  if (hi === lo) return [lo - 1, hi + 1];
  const d = 0.05 * (hi - lo);
  return [
    lowest(finite.map((p) => (p.pad ? p.v - d : p.v))),
    highest(finite.map((p) => (p.pad ? p.v + d : p.v))),
  ];
}

/** The colour raster of a contour map, as an SVG <image> spanning its grid (smoothed by the viewer). */
function contourRaster(
  t: Dict,
  xAxis: Axis,
  yAxis: Axis,
  zmin: number,
  zmax: number,
  stops: ColourStops,
): string {
  const z = t.z as number[][];
  const rows = z.length;
  const cols = highest(z.map((r) => r.length));
  const rgb = new Uint8Array(rows * cols * 3);
  for (let j = 0; j < rows; j++)
    for (let i = 0; i < cols; i++) {
      const v = z[j][i];
      const c = isNumber(v)
        ? colourAt(stops, (v - zmin) / (zmax - zmin || 1))
        : { r: 255, g: 255, b: 255, a: 1 };
      // Row 0 of the image is the top: the largest y.
      const o = ((rows - 1 - j) * cols + i) * 3;
      rgb[o] = Math.round(c.r);
      rgb[o + 1] = Math.round(c.g);
      rgb[o + 2] = Math.round(c.b);
    }
  const xs = (t.x as number[]) ?? z[0].map((_, i) => i);
  const ys = (t.y as number[]) ?? z.map((_, j) => j);
  // Each pixel centred on its grid point: the image reaches half a cell beyond the first and last.
  const x0 = toPx(xAxis, xs[0]);
  const x1 = toPx(xAxis, xs[cols - 1]);
  const y0 = toPx(yAxis, ys[0]);
  const y1 = toPx(yAxis, ys[rows - 1]);
  const dx = (x1 - x0) / Math.max(1, cols - 1) / 2;
  const dy = (y1 - y0) / Math.max(1, rows - 1) / 2;
  const left = Math.min(x0 - dx, x1 + dx);
  const top = Math.min(y0 - dy, y1 + dy);
  return `<image x="${px(left)}" y="${px(top)}" width="${px(Math.abs(x1 - x0) + 2 * Math.abs(dx))}" height="${px(Math.abs(y1 - y0) + 2 * Math.abs(dy))}" preserveAspectRatio="none" href="${pngDataUrl(cols, rows, rgb)}"/>`;
}

/** The contour levels plotly draws: `contours.start/end/size`, else about `ncontours` round values. */
function contourLevels(t: Dict, zmin: number, zmax: number): number[] {
  const c = t.contours ?? {};
  if (isNumber(c.size) && c.size > 0) {
    const levels: number[] = [];
    const start = isNumber(c.start) ? c.start : Math.ceil(zmin / c.size) * c.size;
    const end = isNumber(c.end) ? c.end : zmax;
    for (let v = start; v <= end + 1e-9 * c.size; v += c.size) levels.push(v);
    return levels;
  }
  return niceTicks(zmin, zmax, Number(t.ncontours ?? 15)).filter((v) => v > zmin && v < zmax);
}

/**
 * The figure as an SVG document: the same picture plotly.js draws of its first state, for viewers
 * that run no scripts. `width` is used when the layout sets none.
 * @example
 * staticFigureSvg({ data: [{ y: [1, 4, 9], name: "squares" }], layout: { title: { text: "Squares" } } }).startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="900" height="420"'); // => true
 */
export function staticFigureSvg(figure: Figure, options: { width?: number } = {}): string {
  const layout: Dict = figure.layout ?? {};
  const W = Number(layout.width ?? options.width ?? staticFigureWidth);
  const H = Number(layout.height ?? 420);
  const fs = Number(layout.font?.size ?? 12);
  const family = String(layout.font?.family ?? "Helvetica, Arial, sans-serif");
  const margin = { l: 80, r: 80, t: 100, b: 80, ...(layout.margin ?? {}) };
  const traces: Dict[] = figure.data.map((t, i) => ({
    ...t,
    name: t.name ?? `trace ${i}`,
    type: String(t.type ?? "scatter"),
    defaultColour: plotlyDefaultColourway[i % plotlyDefaultColourway.length],
  }));
  const drawn = traces.filter((t) => t.visible !== false && t.visible !== "legendonly");
  // Legend: the traces that show in it (plotly: at least two, unless showlegend says otherwise).
  const inLegend = traces.filter(
    (t) =>
      t.visible !== false &&
      t.showlegend !== false &&
      (t.type === "scatter" || t.type === "scatter3d" || t.showlegend === true),
  );
  // plotly counts a trace whose showlegend is set true twice: one such trace is enough.
  const legendCount = inLegend.length + inLegend.filter((t) => t.showlegend === true).length;
  const legendShown = layout.showlegend ?? (inLegend.length > 0 && legendCount > 1);
  const legend: Dict = layout.legend ?? {};
  const horizontal = legend.orientation === "h";
  const legendFs = Number(legend.font?.size ?? fs);
  const itemWidths = inLegend.map((t) => 40 + textWidth(titleText(t.name), legendFs) + 10);
  const rowHeight = legendFs + 8;
  // Colour bars: contour and heatmap traces that show their scale.
  const colourBars = drawn.filter(
    (t) => (t.type === "contour" || t.type === "heatmap") && t.showscale !== false,
  );
  // The plotting area, pushed in (as plotly's automargin does) for a legend or colour bar outside it.
  let [gx0, gx1, gy0, gy1] = [margin.l, W - margin.r, margin.t, H - margin.b];
  const barWidth = 30 + 8 + 6 * 0.6 * fs + 10;
  for (const t of colourBars) {
    const x = Number(t.colorbar?.x ?? 1.02);
    if (x >= 1) gx1 = Math.min(gx1, gx0 + (W - barWidth - gx0) / x);
  }
  if (legendShown && !horizontal && Number(legend.x ?? 1.02) >= 1) {
    const width = Math.max(0, ...itemWidths) + 10;
    gx1 = Math.min(gx1, gx0 + (W - width - 5 - gx0) / Number(legend.x ?? 1.02));
  }
  const legendRows = (() => {
    if (!horizontal) return inLegend.map((_, i) => [i]);
    const rows: number[][] = [[]];
    let used = 0;
    const available = W - 20;
    itemWidths.forEach((w, i) => {
      if (used + w > available && rows[rows.length - 1].length) {
        rows.push([]);
        used = 0;
      }
      rows[rows.length - 1].push(i);
      used += w;
    });
    return rows;
  })();
  // A row is as tall as its tallest entry (a name with <br> takes a line more each).
  const rowHeights = legendRows.map((row) =>
    Math.max(
      rowHeight,
      ...row.map((i) => lineCount(titleText(inLegend[i].name)) * 1.3 * legendFs + 6),
    ),
  );
  const legendHeight = rowHeights.reduce((a, b) => a + b, 0) + 8;
  if (legendShown && horizontal) {
    const y = Number(legend.y ?? -0.1);
    if (y < 0) gy1 = Math.min(gy1, (H - legendHeight + -y * gy0) / (1 - y));
  }
  const paperX = (x: number) => gx0 + x * (gx1 - gx0);
  const paperY = (y: number) => gy1 - y * (gy1 - gy0);

  // Cartesian axes: those the traces use, with their domains and ranges.
  const cartesian = drawn.filter((t) => cartesianTypes.has(t.type));
  const subplots = [...new Set(cartesian.map((t) => `${t.xaxis ?? "x"} ${t.yaxis ?? "y"}`))].map(
    (s) => s.split(" "),
  );
  const axisIds = [...new Set(subplots.flat())];
  const axes = new Map<string, Axis>();
  for (const id of axisIds) {
    const spec: Dict = layout[axisKey(id)] ?? {};
    const letter = id[0] as "x" | "y";
    const domain = (spec.domain as number[] | undefined) ?? [0, 1];
    const span: [number, number] =
      letter === "x"
        ? [paperX(domain[0]), paperX(domain[1])]
        : [paperY(domain[0]), paperY(domain[1])];
    const log = spec.type === "log";
    const axis: Axis = { id, letter, spec, log, range: [0, 1], span, at: 0 };
    if (Array.isArray(spec.range) && spec.range.length === 2 && spec.range.every(isNumber)) {
      axis.range = [spec.range[0], spec.range[1]];
    } else {
      const values: { v: number; pad: boolean }[] = [];
      for (const t of cartesian.filter(
        (t) => (letter === "x" ? (t.xaxis ?? "x") : (t.yaxis ?? "y")) === id,
      )) {
        const raw = t[letter] as unknown[] | undefined;
        if (t.type === "scatter") {
          const n = Math.max((t.x ?? []).length, (t.y ?? []).length);
          const vals = raw ?? Array.from({ length: n }, (_, i) => i);
          const pad = letter === "y" || /markers|text/.test(String(t.mode ?? "markers"));
          values.push(...vals.map((v) => ({ v: toUnits(axis, v), pad })));
        } else {
          const vals = (raw ??
            (letter === "x"
              ? (t.z?.[0] ?? []).map((_: unknown, i: number) => i)
              : (t.z ?? []).map((_: unknown, j: number) => j))) as number[];
          const units = vals.map((v) => toUnits(axis, v));
          if (t.type === "heatmap" && units.length > 1) {
            const d0 = (units[1] - units[0]) / 2;
            const d1 = (units[units.length - 1] - units[units.length - 2]) / 2;
            values.push(
              { v: units[0] - d0, pad: false },
              { v: units[units.length - 1] + d1, pad: false },
            );
          } else values.push(...units.map((v) => ({ v, pad: false })));
        }
      }
      for (const s of (layout.shapes ?? []) as Dict[])
        if ((s[`${letter}ref`] ?? letter) === id)
          for (const end of [s[`${letter}0`], s[`${letter}1`]])
            values.push({ v: toUnits(axis, end), pad: false });
      axis.range = extent(values) ?? (log ? [0, 1] : [-1, 6]);
      if (spec.rangemode === "tozero" && !log)
        axis.range = [Math.min(0, axis.range[0]), axis.range[1]];
      if (spec.autorange === "reversed") axis.range = [axis.range[1], axis.range[0]];
    }
    axes.set(id, axis);
  }
  // Equal scales: an axis with scaleanchor gets scaleratio times its anchor's pixels per unit.
  for (const axis of axes.values()) {
    const anchor = axes.get(String(axis.spec.scaleanchor ?? ""));
    if (!anchor) continue;
    const ratio = Number(axis.spec.scaleratio ?? 1);
    const perUnit = (a: Axis) =>
      Math.abs(a.span[1] - a.span[0]) / Math.abs(a.range[1] - a.range[0]);
    const [pa, pb] = [perUnit(axis), perUnit(anchor)];
    const constrain = axis.spec.constrain ?? anchor.spec.constrain ?? "range";
    // The axis with too many pixels per unit gives some up: a shorter domain, or a longer range.
    const [shrink, target] = pa > ratio * pb ? [axis, ratio * pb] : [anchor, pa / ratio];
    const centre = (shrink.span[0] + shrink.span[1]) / 2;
    const rangeSize = Math.abs(shrink.range[1] - shrink.range[0]);
    if (constrain === "domain") {
      const half = (target * rangeSize) / 2;
      const dir = Math.sign(shrink.span[1] - shrink.span[0]);
      shrink.span = [centre - dir * half, centre + dir * half];
    } else {
      const mid = (shrink.range[0] + shrink.range[1]) / 2;
      const half = Math.abs(shrink.span[1] - shrink.span[0]) / target / 2;
      const dir = Math.sign(shrink.range[1] - shrink.range[0]);
      shrink.range = [mid - dir * half, mid + dir * half];
    }
  }
  for (const axis of axes.values()) {
    const other = axis.letter === "x" ? "y" : "x";
    const anchorId = String(
      axis.spec.anchor ??
        subplots.find((s) => s.includes(axis.id))?.find((a) => a[0] === other) ??
        other,
    );
    const anchor = axes.get(anchorId);
    axis.at = anchor
      ? axis.letter === "x"
        ? Math.max(...anchor.span)
        : Math.min(...anchor.span)
      : axis.letter === "x"
        ? gy1
        : gx0;
  }

  const back: string[] = [];
  const plots: string[] = [];
  const front: string[] = [];
  const defs: string[] = [];
  // Grid lines and zero lines, under everything, for every subplot an axis belongs to.
  const ticksOf = new Map<string, ReturnType<typeof axisTicks>>();
  for (const axis of axes.values())
    ticksOf.set(axis.id, axisTicks(axis, Math.abs(axis.span[1] - axis.span[0])));
  subplots.forEach(([xId, yId]) => {
    const [xa, ya] = [axes.get(xId) as Axis, axes.get(yId) as Axis];
    const [xl, xr] = [Math.min(...xa.span), Math.max(...xa.span)];
    const [yt, yb] = [Math.min(...ya.span), Math.max(...ya.span)];
    const grid: string[] = [];
    const minor: string[] = [];
    const zero: string[] = [];
    for (const [axis, list, isMinor] of [
      [xa, ticksOf.get(xId)?.at ?? [], false],
      [xa, ticksOf.get(xId)?.minor ?? [], true],
      [ya, ticksOf.get(yId)?.at ?? [], false],
      [ya, ticksOf.get(yId)?.minor ?? [], true],
    ] as [Axis, number[], boolean][]) {
      if (axis.spec.showgrid === false && !isMinor) continue;
      for (const u of list) {
        const p = unitsToPx(axis, u);
        const seg =
          axis.letter === "x" ? `M${px(p)} ${px(yt)}V${px(yb)}` : `M${px(xl)} ${px(p)}H${px(xr)}`;
        (isMinor ? minor : grid).push(seg);
      }
    }
    for (const axis of [xa, ya]) {
      const [lo, hi] = [Math.min(...axis.range), Math.max(...axis.range)];
      if (!axis.log && axis.spec.zeroline !== false && lo <= 0 && hi >= 0) {
        const p = unitsToPx(axis, 0);
        zero.push(
          axis.letter === "x" ? `M${px(p)} ${px(yt)}V${px(yb)}` : `M${px(xl)} ${px(p)}H${px(xr)}`,
        );
      }
    }
    if (minor.length) back.push(`<path d="${minor.join("")}" stroke="#f5f5f5"/>`);
    if (grid.length) back.push(`<path d="${grid.join("")}" stroke="${gridColour}"/>`);
    if (zero.length) back.push(`<path d="${zero.join("")}" stroke="${textColour}"/>`);
  });

  // Traces: contour maps and heatmaps under the curves, each clipped to its subplot.
  let clips = 0;
  const clipFor = (xa: Axis, ya: Axis) => {
    const id = `c${clips++}`;
    const [xl, xr] = [Math.min(...xa.span), Math.max(...xa.span)];
    const [yt, yb] = [Math.min(...ya.span), Math.max(...ya.span)];
    defs.push(
      `<clipPath id="${id}"><rect x="${px(xl)}" y="${px(yt)}" width="${px(xr - xl)}" height="${px(yb - yt)}"/></clipPath>`,
    );
    return id;
  };
  const clipIds = new Map(
    subplots.map(([x, y]) => [`${x} ${y}`, clipFor(axes.get(x) as Axis, axes.get(y) as Axis)]),
  );
  const layerOf = (t: Dict) => (t.type === "scatter" ? 1 : 0);
  const ordered = [...cartesian].sort((a, b) => layerOf(a) - layerOf(b));
  const barOf = new Map<Dict, { zmin: number; zmax: number; stops: ColourStops }>();
  for (const t of ordered) {
    const xa = axes.get(t.xaxis ?? "x") as Axis;
    const ya = axes.get(t.yaxis ?? "y") as Axis;
    const parts: string[] = [];
    if (t.type === "contour" || t.type === "heatmap") {
      const z = (t.z ?? []) as number[][];
      const values = z.flat().filter(isNumber);
      if (values.length === 0) continue;
      const zmin = isNumber(t.zmin) ? t.zmin : lowest(values);
      const zmax = isNumber(t.zmax) ? t.zmax : highest(values);
      const stops = colourStopsOrDefault(t.colorscale, Boolean(t.reversescale));
      barOf.set(t, { zmin, zmax, stops });
      const xs = (t.x as number[]) ?? z[0].map((_, i) => i);
      const ys = (t.y as number[]) ?? z.map((_, j) => j);
      if (t.type === "heatmap") {
        const edges = (v: number[], i: number, axis: Axis) => {
          const u = v.map((q) => toUnits(axis, q));
          const lo = i > 0 ? (u[i - 1] + u[i]) / 2 : u[0] - (u[1] - u[0]) / 2;
          const hi = i < u.length - 1 ? (u[i] + u[i + 1]) / 2 : u[i] + (u[i] - u[i - 1]) / 2;
          return [unitsToPx(axis, lo), unitsToPx(axis, hi)];
        };
        const cells: string[] = [];
        z.forEach((row, j) =>
          row.forEach((v, i) => {
            if (!isNumber(v)) return;
            const [x0, x1] = edges(xs, i, xa);
            const [y0, y1] = edges(ys, j, ya);
            const c = hexColour(colourAt(stops, (v - zmin) / (zmax - zmin || 1)));
            cells.push(
              `<rect x="${px(Math.min(x0, x1))}" y="${px(Math.min(y0, y1))}" width="${px(Math.abs(x1 - x0) + 0.5)}" height="${px(Math.abs(y1 - y0) + 0.5)}" fill="${c}"/>`,
            );
          }),
        );
        parts.push(`<g shape-rendering="crispEdges">${cells.join("")}</g>`);
      } else {
        const coloring = t.contours?.coloring ?? "fill";
        if (coloring !== "lines" && coloring !== "none")
          parts.push(contourRaster(t, xa, ya, zmin, zmax, stops));
        if (t.contours?.showlines !== false) {
          const width = Number(t.line?.width ?? 0.5);
          const levels = contourLevels(t, zmin, zmax);
          const byColour = new Map<string, string[]>();
          for (const level of levels) {
            const colour =
              coloring === "lines"
                ? hexColour(colourAt(stops, (level - zmin) / (zmax - zmin || 1)))
                : String(t.line?.color ?? "#444");
            const d = contourLines(xs, ys, z, level)
              .map((line) => pathData(line.map(([x, y]) => [toPx(xa, x), toPx(ya, y)])))
              .join("");
            byColour.set(colour, [...(byColour.get(colour) ?? []), d]);
          }
          for (const [colour, ds] of byColour)
            parts.push(
              `<path d="${ds.join("")}" fill="none"${colourAttrs("stroke", colour)} stroke-width="${px(width)}"/>`,
            );
        }
      }
    } else {
      parts.push(scatterSvg(t, xa, ya, fs));
    }
    const opacity = Number(t.opacity ?? 1);
    plots.push(
      `<g clip-path="url(#${clipIds.get(`${xa.id} ${ya.id}`)})"${opacity < 1 ? ` opacity="${opacity}"` : ""}>${parts.join("")}</g>`,
    );
  }

  // Tick labels and axis titles.
  for (const axis of axes.values()) {
    const ticks = ticksOf.get(axis.id) as ReturnType<typeof axisTicks>;
    if (axis.spec.showticklabels !== false)
      ticks.at.forEach((u, i) => {
        const p = unitsToPx(axis, u);
        front.push(
          axis.letter === "x"
            ? textSvg(ticks.labels[i], p, axis.at + 5, {
                size: fs,
                anchor: "middle",
                baseline: "top",
                colour: textColour,
              })
            : textSvg(ticks.labels[i], axis.at - 6, p, {
                size: fs,
                anchor: "end",
                colour: textColour,
              }),
        );
      });
    const title = titleText(axis.spec.title);
    if (!title) continue;
    const titleFs = Number(axis.spec.title?.font?.size ?? Math.round(1.2 * fs));
    const mid = (axis.span[0] + axis.span[1]) / 2;
    if (axis.letter === "x") {
      front.push(
        textSvg(title, mid, axis.at + 5 + 1.3 * fs + 14, {
          size: titleFs,
          anchor: "middle",
          baseline: "top",
          colour: textColour,
        }),
      );
    } else {
      const labelWidth = Math.max(0, ...ticks.labels.map((l) => textWidth(l, fs)));
      const x = Math.max(titleFs * 0.7, axis.at - 6 - labelWidth - 10 - titleFs / 2);
      front.push(
        textSvg(title, x, mid, {
          size: titleFs,
          anchor: "middle",
          rotate: -90,
          colour: textColour,
        }),
      );
    }
  }

  // 3-D scenes.
  const sceneIds = [
    ...new Set(drawn.filter((t) => sceneTypes.has(t.type)).map((t) => String(t.scene ?? "scene"))),
  ];
  for (const id of sceneIds) {
    const scene: Dict = layout[id] ?? {};
    const dx = scene.domain?.x ?? [0, 1];
    const dy = scene.domain?.y ?? [0, 1];
    const view = {
      x: paperX(dx[0]),
      y: paperY(dy[1]),
      width: paperX(dx[1]) - paperX(dx[0]),
      height: paperY(dy[0]) - paperY(dy[1]),
    };
    plots.push(
      sceneSvg(
        drawn.filter((t) => sceneTypes.has(t.type) && String(t.scene ?? "scene") === id),
        scene,
        view,
        fs,
      ),
    );
  }

  // Shapes (lines and rectangles) and annotations, above the traces.
  const xOf = (ref: unknown, v: unknown) => {
    const axis = axes.get(String(ref ?? "x"));
    return ref === "paper" ? paperX(Number(v)) : axis ? toPx(axis, v) : NaN;
  };
  const yOf = (ref: unknown, v: unknown) => {
    const axis = axes.get(String(ref ?? "y"));
    return ref === "paper" ? paperY(Number(v)) : axis ? toPx(axis, v) : NaN;
  };
  // Annotations and shapes give log axes' positions in log₁₀ units: convert to values first.
  const refValue = (ref: unknown, v: unknown, letter: string) => {
    const axis = axes.get(String(ref ?? letter));
    return ref !== "paper" && axis?.log && isNumber(v) ? 10 ** v : v;
  };
  for (const s of (layout.shapes ?? []) as Dict[]) {
    const [x0, x1] = [xOf(s.xref, s.x0), xOf(s.xref, s.x1)];
    const [y0, y1] = [yOf(s.yref, s.y0), yOf(s.yref, s.y1)];
    if (![x0, x1, y0, y1].every(Number.isFinite)) continue;
    const width = Number(s.line?.width ?? 2);
    const dash = dashArray(s.line?.dash, width);
    const stroke = `${colourAttrs("stroke", String(s.line?.color ?? textColour))} stroke-width="${px(width)}"${dash ? ` stroke-dasharray="${dash}"` : ""}`;
    front.push(
      s.type === "rect"
        ? `<rect x="${px(Math.min(x0, x1))}" y="${px(Math.min(y0, y1))}" width="${px(Math.abs(x1 - x0))}" height="${px(Math.abs(y1 - y0))}"${s.fillcolor ? colourAttrs("fill", String(s.fillcolor)) : ' fill="none"'}${stroke}/>`
        : `<path d="M${px(x0)} ${px(y0)} ${px(x1)} ${px(y1)}"${stroke}/>`,
    );
  }
  for (const a of (layout.annotations ?? []) as Dict[]) {
    const x =
      xOf(a.xref, a.xref === "paper" ? a.x : refValue(a.xref, a.x, "x")) + Number(a.xshift ?? 0);
    const y =
      yOf(a.yref, a.yref === "paper" ? a.y : refValue(a.yref, a.y, "y")) - Number(a.yshift ?? 0);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const text = String(a.text ?? "");
    const size = Number(a.font?.size ?? fs);
    const colour = String(a.font?.color ?? textColour);
    let [tx, ty] = [x, y];
    if (a.showarrow !== false && a.showarrow !== undefined ? a.showarrow : false) {
      // The arrow's tail: ax, ay in px from the head, or in data units with axref/ayref.
      const tailX =
        a.axref && a.axref !== "pixel"
          ? xOf(a.axref, refValue(a.axref, a.ax, "x"))
          : x + Number(a.ax ?? -10);
      const tailY =
        a.ayref && a.ayref !== "pixel"
          ? yOf(a.ayref, refValue(a.ayref, a.ay, "y"))
          : y + Number(a.ay ?? -30);
      const width = Number(a.arrowwidth ?? 1);
      const colour = String(a.arrowcolor ?? textColour);
      const length = Math.hypot(x - tailX, y - tailY);
      if (length > 0) {
        const [ux, uy] = [(x - tailX) / length, (y - tailY) / length];
        const standoff = Number(a.standoff ?? 0);
        const [hx, hy] = [x - ux * standoff, y - uy * standoff];
        // The head: about plotly's size, never longer than most of the arrow.
        const headLength = Math.min(Number(a.arrowsize ?? 1) * (4 + 2.5 * width), 0.7 * length);
        const headSize = headLength / 1.6;
        const [bx, by] = [hx - ux * headLength, hy - uy * headLength];
        front.push(
          `<path d="M${px(tailX)} ${px(tailY)} ${px(bx)} ${px(by)}"${colourAttrs("stroke", colour)} stroke-width="${px(width)}"/>` +
            (Number(a.arrowhead ?? 1) > 0
              ? `<path d="M${px(hx)} ${px(hy)} ${px(bx - uy * headSize)} ${px(by + ux * headSize)} ${px(bx + uy * headSize)} ${px(by - ux * headSize)}Z"${colourAttrs("fill", colour)}/>`
              : ""),
        );
      }
      [tx, ty] = [tailX, tailY];
    }
    if (!text) continue;
    const arrow = Boolean(a.showarrow);
    const anchor = arrow
      ? "middle"
      : a.xanchor === "left"
        ? "start"
        : a.xanchor === "right"
          ? "end"
          : "middle";
    const baseline = arrow
      ? "middle"
      : a.yanchor === "top"
        ? "top"
        : a.yanchor === "bottom"
          ? "bottom"
          : "middle";
    const lines = lineCount(text);
    const w = textWidth(text, size) + 6;
    const h = lines * 1.3 * size + 4;
    if (a.bgcolor) {
      const left = anchor === "start" ? tx : anchor === "end" ? tx - w : tx - w / 2;
      const top = baseline === "top" ? ty : baseline === "bottom" ? ty - h : ty - h / 2;
      front.push(
        `<rect x="${px(left)}" y="${px(top)}" width="${px(w)}" height="${px(h)}"${colourAttrs("fill", String(a.bgcolor))}/>`,
      );
    }
    const pad = anchor === "start" ? 3 : anchor === "end" ? -3 : 0;
    const vpad = baseline === "top" ? 2 : baseline === "bottom" ? -2 : 0;
    front.push(textSvg(text, tx + pad, ty + vpad, { size, anchor, baseline, colour }));
  }

  // Colour bars, at the right of the plotting area (plotly's x = 1.02 of it).
  for (const t of colourBars) {
    const bar = barOf.get(t);
    if (!bar) continue;
    const cb: Dict = t.colorbar ?? {};
    const len = Number(cb.len ?? 1);
    const height = len * (gy1 - gy0);
    const top = gy0 + (gy1 - gy0 - height) / 2 + (0.5 - Number(cb.y ?? 0.5)) * (gy1 - gy0);
    const left = paperX(Number(cb.x ?? 1.02)) + 10;
    const id = `g${defs.length}`;
    const stops = bar.stops
      .map(
        (s) =>
          `<stop offset="${Number((1 - s.t).toFixed(4))}" stop-color="${hexColour(s.colour)}"/>`,
      )
      .reverse();
    defs.push(
      `<linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1">${stops.join("")}</linearGradient>`,
    );
    front.push(
      `<rect x="${px(left)}" y="${px(top)}" width="30" height="${px(height)}" fill="url(#${id})"/>`,
    );
    const units = (v: number) =>
      top + height - ((v - bar.zmin) / (bar.zmax - bar.zmin || 1)) * height;
    const vals: number[] = Array.isArray(cb.tickvals)
      ? cb.tickvals
      : niceTicks(bar.zmin, bar.zmax, 6);
    const step = vals.length > 1 ? Math.abs(vals[1] - vals[0]) : 1;
    vals.forEach((v, i) => {
      if (v < Math.min(bar.zmin, bar.zmax) - 1e-9 || v > Math.max(bar.zmin, bar.zmax) + 1e-9)
        return;
      const label = String(cb.ticktext?.[i] ?? tickLabel(v, step));
      front.push(textSvg(label, left + 34, units(v), { size: fs, colour: textColour }));
    });
    const cbTitle = titleText(cb.title);
    if (cbTitle)
      front.push(
        textSvg(cbTitle, left, top - 6, { size: fs, baseline: "bottom", colour: textColour }),
      );
  }

  // Legend.
  if (legendShown && inLegend.length > 0) {
    const width = horizontal
      ? Math.max(...legendRows.map((r) => r.reduce((w, i) => w + itemWidths[i], 0))) + 10
      : Math.max(...itemWidths) + 10;
    const x = paperX(Number(legend.x ?? (horizontal ? 0 : 1.02)));
    const y = paperY(Number(legend.y ?? (horizontal ? -0.1 : 1)));
    const xanchor = legend.xanchor ?? "left";
    const yValue = Number(legend.y ?? (horizontal ? -0.1 : 1));
    const yanchor =
      legend.yanchor ??
      (horizontal ? "top" : yValue > 2 / 3 ? "top" : yValue < 1 / 3 ? "bottom" : "middle");
    const anchored = xanchor === "right" ? x - width : xanchor === "center" ? x - width / 2 : x;
    const left = Math.max(2, Math.min(W - width - 2, anchored));
    const top =
      yanchor === "bottom" ? y - legendHeight : yanchor === "middle" ? y - legendHeight / 2 : y;
    const items: string[] = [
      `<rect x="${px(left)}" y="${px(top)}" width="${px(width)}" height="${px(legendHeight)}" fill="#ffffff" fill-opacity="0.85"/>`,
    ];
    let rowTop = top + 4;
    legendRows.forEach((row, r) => {
      let cx = left + 5;
      const cy = rowTop + rowHeights[r] / 2;
      rowTop += rowHeights[r];
      for (const i of row) {
        items.push(legendItemSvg(inLegend[i], cx, cy, legendFs));
        cx += itemWidths[i];
      }
    });
    front.push(`<g>${items.join("")}</g>`);
  }

  // Title.
  const title = titleText(layout.title);
  if (title) {
    const titleFs = Number(layout.title?.font?.size ?? Math.round(1.4 * fs));
    const tx = Number(layout.title?.x ?? 0.5) * W;
    const anchor =
      layout.title?.xanchor === "left"
        ? "start"
        : layout.title?.xanchor === "right"
          ? "end"
          : "middle";
    const lines = lineCount(title);
    const ty = Math.max(gy0 / 2, (lines * 1.3 * titleFs) / 2 + 4);
    front.push(textSvg(title, tx, ty, { size: titleFs, anchor, colour: textColour }));
  }

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${escapeHtml(family)}">` +
    (defs.length ? `<defs>${defs.join("")}</defs>` : "") +
    `<rect width="${W}" height="${H}"${colourAttrs("fill", String(layout.paper_bgcolor ?? "#ffffff"))}/>` +
    back.join("") +
    plots.join("") +
    front.join("") +
    `</svg>`
  );
}

/** One scatter trace on its axes: its line (broken at gaps), its markers, its text. */
function scatterSvg(t: Dict, xa: Axis, ya: Axis, fs: number): string {
  const ys = (t.y ?? []) as unknown[];
  const xs = (t.x ?? ys.map((_, i) => i)) as unknown[];
  const n = Math.min(xs.length, ys.length);
  const mode = String(t.mode ?? (n < 20 ? "lines+markers" : "lines"));
  const colour = String(
    t.line?.color ?? (typeof t.marker?.color === "string" ? t.marker.color : t.defaultColour),
  );
  const points = Array.from({ length: n }, (_, i) => {
    const p = [toPx(xa, xs[i]), toPx(ya, ys[i])];
    return p.every(Number.isFinite) ? p : null;
  });
  const out: string[] = [];
  if (mode.includes("lines")) {
    const width = Number(t.line?.width ?? 2);
    // Runs of points between gaps (null or a value a log axis cannot show).
    const runs: number[][][] = [[]];
    for (const p of points) {
      if (p) runs[runs.length - 1].push(p);
      else if (runs[runs.length - 1].length) runs.push([]);
    }
    const d = runs
      .filter((r) => r.length)
      .map(pathData)
      .join("");
    const dash = dashArray(t.line?.dash, width);
    if (d && width > 0)
      out.push(
        `<path d="${d}" fill="none"${colourAttrs("stroke", colour)} stroke-width="${px(width)}" stroke-linejoin="round"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`,
      );
  }
  if (mode.includes("markers")) {
    const marker: Dict = t.marker ?? {};
    const pick = (v: unknown, i: number, fallback: unknown) =>
      Array.isArray(v) ? (v[i] ?? fallback) : (v ?? fallback);
    const markerColour = typeof t.marker?.color === "string" ? t.marker.color : colour;
    points.forEach((p, i) => {
      if (!p) return;
      const symbol = String(pick(marker.symbol, i, "circle"));
      const size = Number(pick(marker.size, i, 6));
      const fill = String(pick(marker.color, i, markerColour));
      let angle = 0;
      if (symbol.startsWith("arrow") && marker.angleref === "previous" && i > 0 && points[i - 1]) {
        const q = points[i - 1] as number[];
        angle = (Math.atan2(p[1] - q[1], p[0] - q[0]) * 180) / Math.PI + 90;
      }
      out.push(markerSvg(p[0], p[1], symbol, size, fill, marker.line, angle));
    });
  }
  if (mode.includes("text")) {
    const texts = Array.isArray(t.text) ? t.text : [t.text];
    const position = String(t.textposition ?? "middle center");
    points.forEach((p, i) => {
      if (!p || texts[i] === undefined) return;
      const dy = position.startsWith("top") ? -10 : position.startsWith("bottom") ? 10 : 0;
      out.push(
        textSvg(String(texts[i]), p[0], p[1] + dy, {
          size: fs,
          anchor: "middle",
          colour: textColour,
        }),
      );
    });
  }
  return out.join("");
}

/** A legend entry at (x, y): a sample of the trace's line and marker, then its name. */
function legendItemSvg(t: Dict, x: number, y: number, fs: number): string {
  const mode = String(t.mode ?? "lines");
  const colour = String(
    t.line?.color ?? (typeof t.marker?.color === "string" ? t.marker.color : t.defaultColour),
  );
  const parts: string[] = [];
  if (mode.includes("lines") || t.type === "contour" || t.type === "surface") {
    const width = Math.min(Number(t.line?.width ?? 2), 5);
    const dash = dashArray(t.line?.dash, width);
    parts.push(
      `<path d="M${px(x)} ${px(y)}H${px(x + 40)}"${colourAttrs("stroke", colour)} stroke-width="${px(width)}"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`,
    );
  }
  if (mode.includes("markers")) {
    const marker: Dict = t.marker ?? {};
    // As plotly's legend: the first point's symbol and colour, the mean size within [2, 16] px.
    const first = (v: unknown, fallback: unknown) =>
      Array.isArray(v) ? (v[0] ?? fallback) : (v ?? fallback);
    const sizes: number[] = (Array.isArray(marker.size) ? marker.size : [marker.size ?? 6]).map(
      Number,
    );
    const size = Math.max(2, Math.min(16, sizes.reduce((a, b) => a + b, 0) / sizes.length));
    const symbol = String(first(marker.symbol, "circle"));
    const fill = String(first(marker.color, colour));
    parts.push(markerSvg(x + 20, y, symbol, size, fill, marker.line));
  }
  parts.push(textSvg(titleText(t.name), x + 45, y, { size: fs, colour: textColour }));
  // As plotly's legend: the trace's own opacity, halved for a trace shown in the legend only.
  const opacity = Number(t.opacity ?? 1) * (t.visible === "legendonly" ? 0.5 : 1);
  const dim = opacity < 1 ? ` opacity="${Number(opacity.toFixed(3))}"` : "";
  return `<g${dim}>${parts.join("")}</g>`;
}

/**
 * Line charts of quantities over training steps — loss curves — as plotly figure JSON for `showFigure`.
 * A logarithmic axis is labelled at whole numbers only (`logTicks`): a decade per tick, or 1, 2, 5 × 10ᵏ
 * written in full, never a bare minor digit.
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb §3.7 (E against steps), §3.10 (the race, eq. (11)), §3.11 (early stopping)
 */
import { InvalidArgumentError } from "../errors/errors";
import { describeValue, rejectUnknownOptions, requireFinite } from "../errors/validate";
import type { Figure } from "./figure";
import { logTicks } from "./logTicks";
import { palette } from "./palette";

/** One curve: y[k] plotted against x[k] (against k when x is omitted). */
export interface Curve {
  name: string;
  y: number[];
  x?: number[];
  color?: string;
  dash?: "solid" | "dash" | "dot" | "dashdot";
  /** Draw as a line (default), as separate points, or both. */
  mode?: "lines" | "markers" | "lines+markers";
}

export interface CurvesOptions {
  title?: string;
  xTitle?: string;
  yTitle?: string;
  /** A logarithmic y axis (default false): useful for losses that shrink geometrically. */
  logY?: boolean;
  /** A logarithmic x axis (default false): for costs against sizes spanning decades. */
  logX?: boolean;
  /** Vertical marker lines, e.g. where training stopped. */
  markers?: { x: number; label: string }[];
}

/**
 * A line chart of several curves on shared axes.
 * @throws InvalidArgumentError naming the curve and index of a NaN or ∞, or x and y of different lengths
 * @example
 * curvesFigure([{ name: "training error", y: [4, 2, 1] }], { yTitle: "E", logY: true }).data[0].x; // => [0, 1, 2]
 */
export function curvesFigure(curves: Curve[], options: CurvesOptions = {}): Figure {
  const caller = "curvesFigure";
  rejectUnknownOptions(caller, options, ["title", "xTitle", "yTitle", "logX", "logY", "markers"]);
  if (!Array.isArray(curves) || curves.length === 0)
    throw new InvalidArgumentError(
      `${caller}: curves is ${describeValue(curves)}; expected at least one { name, y }`,
    );
  const data = curves.map((c, i) => {
    if (!Array.isArray(c?.y) || c.y.length === 0)
      throw new InvalidArgumentError(
        `${caller}: curves[${i}].y is ${describeValue(c?.y)}; expected an array of numbers`,
      );
    const y = c.y.map((v, k) => requireFinite(caller, `curves[${i}].y[${k}]`, v));
    const x =
      c.x === undefined
        ? y.map((_, k) => k)
        : c.x.map((v, k) => requireFinite(caller, `curves[${i}].x[${k}]`, v));
    if (x.length !== y.length)
      throw new InvalidArgumentError(
        `${caller}: curves[${i}].x has length ${x.length}; expected ${y.length} (as y)`,
      );
    if (options.logY && y.some((v) => v <= 0))
      throw new InvalidArgumentError(
        `${caller}: curves[${i}].y has a value ≤ 0; a logarithmic axis needs positive values`,
      );
    if (options.logX && x.some((v) => v <= 0))
      throw new InvalidArgumentError(
        `${caller}: curves[${i}].x has a value ≤ 0; a logarithmic axis needs positive values`,
      );
    return {
      type: "scatter",
      mode: c.mode ?? "lines",
      name: c.name,
      x,
      y,
      line: { color: c.color, dash: c.dash ?? "solid", width: 2 },
      marker: { color: c.color, size: 8 },
    };
  });
  const shapes = (options.markers ?? []).map((m) => ({
    type: "line",
    x0: m.x,
    x1: m.x,
    yref: "paper",
    y0: 0,
    y1: 1,
    line: { color: palette.theory, dash: "dot", width: 1.5 },
  }));
  // Plotly places annotations on a log axis by log₁₀ of the value (shapes by the value itself).
  const annotations = (options.markers ?? []).map((m) => ({
    x: options.logX ? Math.log10(m.x) : m.x,
    yref: "paper",
    y: 1,
    text: m.label,
    showarrow: false,
    xanchor: "left",
    yanchor: "top",
    font: { size: 12 },
  }));
  return {
    data,
    layout: {
      title: { text: options.title ?? "" },
      height: 420,
      margin: { b: 90 },
      xaxis: {
        title: { text: options.xTitle ?? "step" },
        type: options.logX ? "log" : "linear",
        ...(options.logX
          ? logAxis([
              ...data.flatMap((d) => d.x),
              ...(options.markers ?? []).map((m) => m.x).filter((x) => x > 0),
            ])
          : {}),
      },
      yaxis: {
        title: { text: options.yTitle ?? "E" },
        type: options.logY ? "log" : "linear",
        exponentformat: "power",
        ...(options.logY ? logAxis(data.flatMap((d) => d.y)) : {}),
      },
      // Below the axis title, growing downwards: a legend of several rows anchored at its bottom
      // would grow up over the title.
      legend: { orientation: "h", x: 0, y: -0.3, yanchor: "top" },
      shapes,
      annotations,
    },
  };
}

/** A log axis's ticks over the values it shows: labelled whole numbers, unlabelled minor grid lines. */
function logAxis(values: number[]): Record<string, unknown> {
  const lo = values.reduce((a, v) => Math.min(a, v), Infinity);
  const hi = values.reduce((a, v) => Math.max(a, v), -Infinity);
  const ticks = logTicks(lo, hi);
  if (ticks.tickvals.length === 0) return {};
  return {
    tickmode: "array",
    tickvals: ticks.tickvals,
    ticktext: ticks.ticktext,
    minor: { tickmode: "array", tickvals: ticks.minorvals, showgrid: true, ticks: "" },
  };
}

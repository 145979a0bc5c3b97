/**
 * What every figure of a function F over a rectangle of the plane shares, written once: the options
 * that give the rectangle (`requirePlaneOptions`), the colours F is drawn in (`surfaceColours`), the
 * hover text of a point (`surfaceHover`) and F as a 3-D surface (`surfaceTrace`). The error surfaces
 * of lesson 3 (./errorSurface.ts), the gradient figures of lesson 2 (./gradientFigures.ts) and the
 * momentum map of lesson 6 (./momentumFigures.ts) are built from these parts, so F looks and reads the
 * same in every lesson.
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb §3.2 (the surface and its contour map)
 */
import { rejectUnknownOptions, requireRange } from "../errors/validate";
import type { Grid, Range } from "./errorSurface";

/**
 * Checks the options of a figure over a rectangle: every name must be one of the two ranges' or
 * `others` (a misspelt option is an error, listing the ranges first), and each range must be
 * [from, to] with from < to.
 * @returns the two ranges
 * @throws InvalidArgumentError naming `caller`: an unknown option, or a range that is missing or empty
 * @example
 * requirePlaneOptions("f", { xRange: [0, 1], yRange: [-1, 1] }, ["xRange", "yRange"], ["title"]); // => [[0, 1], [-1, 1]]
 * requirePlaneOptions("f", { xRange: [0, 1], yRange: [1, 1] }, ["xRange", "yRange"], []); // throws InvalidArgumentError: f: yRange is [1, 1]; expected from < to
 */
export function requirePlaneOptions(
  caller: string,
  options: object | undefined,
  ranges: [x: string, y: string],
  others: readonly string[],
): [Range, Range] {
  rejectUnknownOptions(caller, options, [...ranges, ...others]);
  const given = (options ?? {}) as Record<string, unknown>;
  return [
    requireRange(caller, ranges[0], given[ranges[0]]),
    requireRange(caller, ranges[1], given[ranges[1]]),
  ];
}

/**
 * The colours of F, on its surface and its contour map alike: low values light, high values dark blue
 * (plotly's "YlGnBu" reversed). Spread into a trace: `{ type: "contour", …, ...surfaceColours }`.
 */
export const surfaceColours = { colorscale: "YlGnBu", reversescale: true };

/**
 * The hover text of a point of F: both coordinates to 3 decimals and F's value to 4 significant
 * digits (`value` is the trace's field that holds F as the reader should see it).
 * @example surfaceHover(["w₁", "w₂"], "E"); // => "w₁ %{x:.3f}<br>w₂ %{y:.3f}<br>E %{z:.4g}<extra></extra>"
 */
export function surfaceHover(axisTitles: [string, string], zTitle: string, value = "z"): string {
  const [x, y] = axisTitles;
  return `${x} %{x:.3f}<br>${y} %{y:.3f}<br>${zTitle} %{${value}:.4g}<extra></extra>`;
}

/** How `surfaceTrace` draws F. */
export interface SurfaceTraceOptions {
  /** Names of x and y in the hover text (default ["w₁", "w₂"]). */
  axisTitles?: [string, string];
  /** How opaque the surface is (default 0.92; lower shows marks drawn behind it). */
  opacity?: number;
  /** The 3-D scene it is drawn in, for a figure with more than one plot (default plotly's first). */
  scene?: string;
}

/**
 * F over a grid as a plotly 3-D surface in `surfaceColours`, its contour lines projected on the floor,
 * named `zTitle`, no colour bar.
 * @example
 * surfaceTrace({ w1: [0, 1], w2: [0, 1], z: [[0, 1], [1, 2]] }, "E").type; // => "surface"
 * surfaceTrace({ w1: [0, 1], w2: [0, 1], z: [[0, 1], [1, 2]] }, "F", { axisTitles: ["x", "y"], scene: "scene" }).hovertemplate; // => "x %{x:.3f}<br>y %{y:.3f}<br>F %{z:.4g}<extra></extra>"
 */
export function surfaceTrace(
  grid: Grid,
  zTitle: string,
  options: SurfaceTraceOptions = {},
): Record<string, unknown> {
  const { axisTitles = ["w₁", "w₂"], opacity = 0.92, scene } = options;
  return {
    type: "surface",
    x: grid.w1,
    y: grid.w2,
    z: grid.z,
    name: zTitle,
    ...surfaceColours,
    opacity,
    showscale: false,
    ...(scene === undefined ? {} : { scene }),
    contours: { z: { show: true, usecolormap: true, project: { z: true } } },
    hovertemplate: surfaceHover(axisTitles, zTitle),
  };
}

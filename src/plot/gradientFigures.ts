/**
 * Figures of a function of two variables with its gradient drawn on it: arrows on a contour map (the
 * gradient field), and the "move the point and watch the arrow" figure — a contour map and the 3-D
 * surface side by side, with a slider that moves the point and its gradient arrow. Every slider
 * position is baked into the figure JSON, so it works in an exported page with no kernel.
 *
 * Built on the error-surface builders of `./errorSurface` (`surfaceGrid`, `contourFigure`).
 * @see notebooks/02-why-the-negative-gradient.ipynb §2.8 and §2.9
 */
import { InvalidArgumentError } from "../errors/errors";
import {
  evaluateFinite,
  requireFiniteVector,
  requireFunction,
  requireInteger,
  requireLength,
  requirePositive,
  requireVector2,
} from "../errors/validate";
import { formatNumber } from "../display/format";
import { levelSetTangent } from "../calculus/levelSet";
import { contourFigure, type Range, type SurfaceFunction, surfaceGrid } from "./errorSurface";
import type { Figure } from "./figure";
import { palette } from "./palette";
import { requirePlaneOptions, surfaceColours, surfaceHover, surfaceTrace } from "./surfaceParts";

/** The gradient of a SurfaceFunction: (x, y) ↦ [∂F/∂x, ∂F/∂y]. */
export type GradientFunction = (x: number, y: number) => number[];

/** The options both figures of F and its gradient take. */
export interface FieldFigureOptions {
  xRange: Range;
  yRange: Range;
  title?: string;
  /** Axis titles (default ["x", "y"]). */
  axisTitles?: [string, string];
  /** Name of F, on the colour bar or the surface's axis (default "F"). */
  zTitle?: string;
  /** Grid points along each axis for the contours (and the surface) (default 61). */
  points?: number;
}

/** The names of `FieldFigureOptions`: the ranges, then the others (as an unknown-option error lists them). */
const fieldRanges: [string, string] = ["xRange", "yRange"];
const fieldOptions = ["title", "axisTitles", "zTitle", "points"];

export interface GradientFieldOptions extends FieldFigureOptions {
  /** Arrows along each axis (default 7). */
  arrowsPerAxis?: number;
  /** Draw −∇F (the descent direction) instead of ∇F (default false). */
  descent?: boolean;
  /** Where F is least, drawn as a star in `palette.minimum` (default: not drawn). */
  minimum?: number[];
  /** The minimum's label on the map (default "minimum"), e.g. "θ* (minimum)". */
  minimumLabel?: string;
}

export interface GradientSliderOptions extends FieldFigureOptions {
  /** Drawn arrow = arrowScale · ∇F (default: the longest arrow is a fifth of the narrower range). */
  arrowScale?: number;
  /** The slider's label of each point (default its index), e.g. "0°", "10°", … for points on a circle. */
  labels?: string[];
  /** What the slider's current value is called (default "point "), e.g. "angle φ = ". */
  sliderPrefix?: string;
}

/**
 * What both figures check first: F and its gradient are functions, then the options: the
 * `FieldFigureOptions` (xRange and yRange checked by `requirePlaneOptions`) and the figure's `own`.
 */
function requireFieldArguments(
  caller: string,
  F: unknown,
  gradient: unknown,
  options: object | undefined,
  own: string[],
): void {
  requireFunction(caller, "F", F);
  requireFunction(caller, "gradient", gradient);
  requirePlaneOptions(caller, options, fieldRanges, [...fieldOptions, ...own]);
}

// The current point, its drop line and the outline that keeps markers visible on dark contours are
// neutral ink: they carry no quantity of `palette`.
const ink = "black";
const outline = "white";

/**
 * A contour map of F with an arrow at each point of a grid, along ∇F (`palette.gradient`) or, with
 * `descent`, along −∇F (`palette.negativeGradient`). The arrows are scaled together (longest = 0.8
 * grid spacing), so their lengths compare; the axes have equal scale, so an arrow that is perpendicular
 * to a contour looks perpendicular. With `minimum`, the minimum is a star (`palette.minimum`).
 * @throws InvalidArgumentError for bad ranges or options, a `minimum` that is not two finite numbers,
 *   or a gradient that is not two finite numbers
 * @example
 * gradientFieldFigure((x, y) => x * x + y * y, (x, y) => [2 * x, 2 * y], { xRange: [-1, 1], yRange: [-1, 1], arrowsPerAxis: 3 }).layout?.annotations?.length; // => 9 (arrows; one is the zero gradient at the origin)
 * @see notebooks/02-why-the-negative-gradient.ipynb §2.8, eq. (13)
 */
export function gradientFieldFigure(
  F: SurfaceFunction,
  gradient: GradientFunction,
  options: GradientFieldOptions,
): Figure {
  const caller = "gradientFieldFigure";
  requireFieldArguments(caller, F, gradient, options, [
    "arrowsPerAxis",
    "descent",
    "minimum",
    "minimumLabel",
  ]);
  const minimum =
    options.minimum === undefined ? undefined : requireVector2(caller, "minimum", options.minimum);
  const count =
    options.arrowsPerAxis === undefined
      ? 7
      : requireInteger(caller, "arrowsPerAxis", options.arrowsPerAxis, 2, 40);
  const [x0, x1] = options.xRange;
  const [y0, y1] = options.yRange;
  // Arrows sit at cell centres, so none starts on the frame.
  const xs = Array.from({ length: count }, (_, i) => x0 + ((x1 - x0) * (i + 0.5)) / count);
  const ys = Array.from({ length: count }, (_, j) => y0 + ((y1 - y0) * (j + 0.5)) / count);
  const sign = options.descent ? -1 : 1;
  const starts = ys.flatMap((y) => xs.map((x) => [x, y]));
  const vectors = starts.map(([x, y]) =>
    requireVector2(caller, `gradient(${x}, ${y})`, gradient(x, y)).map((gi) => sign * gi),
  );
  const longest = Math.max(...vectors.map(([a, b]) => Math.hypot(a, b)));
  const spacing = Math.min((x1 - x0) / count, (y1 - y0) / count);
  const scale = longest > 0 ? (0.8 * spacing) / longest : 0;
  const figure = contourFigure(F, {
    w1Range: options.xRange,
    w2Range: options.yRange,
    points: options.points,
    title: options.title,
    zTitle: options.zTitle ?? "F",
    arrows: starts.map((p, k) => ({
      from: p,
      to: [p[0] + scale * vectors[k][0], p[1] + scale * vectors[k][1]],
      color: options.descent ? palette.negativeGradient : palette.gradient,
    })),
  });
  const [xTitle, yTitle] = options.axisTitles ?? ["x", "y"];
  const layout = figure.layout ?? {};
  const minimumLabel = options.minimumLabel ?? "minimum";
  // The label is an annotation with a white background, readable over contours and arrows alike.
  const star = minimum && {
    trace: {
      type: "scatter",
      mode: "markers",
      name: minimumLabel,
      x: [minimum[0]],
      y: [minimum[1]],
      marker: {
        symbol: "star",
        size: 18,
        color: palette.minimum,
        line: { color: outline, width: 1.5 },
      },
      showlegend: false,
      hovertemplate: `${minimumLabel}<br>${xTitle} %{x:.3f}<br>${yTitle} %{y:.3f}<extra></extra>`,
    },
    label: {
      x: minimum[0],
      y: minimum[1],
      xref: "x",
      yref: "y",
      text: minimumLabel,
      showarrow: false,
      xanchor: "left",
      yanchor: "bottom",
      xshift: 8,
      yshift: 5,
      bgcolor: "rgba(255,255,255,0.85)",
      font: { size: 12, color: palette.minimum },
    },
  };
  return {
    ...figure,
    data: star ? [...figure.data, star.trace] : figure.data,
    layout: {
      ...layout,
      xaxis: { ...(layout.xaxis as object), title: { text: xTitle }, constrain: "domain" },
      yaxis: {
        ...(layout.yaxis as object),
        title: { text: yTitle },
        scaleanchor: "x",
        scaleratio: 1,
        constrain: "domain",
      },
      annotations: [
        ...(layout.annotations as Record<string, unknown>[]).map((a) => ({
          ...a,
          arrowsize: 1,
          arrowwidth: 1.8,
        })),
        ...(star ? [star.label] : []),
      ],
    },
  };
}

/**
 * The surface z = F(x, y) and its contour map side by side, with a slider that moves a point through
 * `points`. At each position the figure shows:
 * - on the contour map (left): the point, the gradient arrow p → p + c∇F(p) (`palette.gradient`), and
 *   a dashed piece of the level set's tangent at p (`palette.tangent`), found by `levelSetTangent` (no
 *   derivative), so the right angle between arrow and contour is something you see, not drawn in;
 * - on the surface (right): the point on the surface, a dotted drop line to the floor, and the same
 *   arrow on the floor (its start is the point's shadow on the (x, y) plane), plus an arrow on the
 *   surface along the steepest way up, p → p + c∇F with height F + c‖∇F‖² (the tangent plane's rise,
 *   `palette.tangent`). c is `arrowScale`.
 * The slider labels its steps with `labels` (e.g. the angle of each point on a circle).
 * The slider's steps `update` the moving traces and the title with data computed here; nothing is
 * computed in the browser.
 * @throws InvalidArgumentError for bad ranges or options, an empty `points`, `labels` of another
 *   length, a point where ∇F = 0 (no arrow, no level-set direction) or a gradient that is not two
 *   finite numbers
 * @throws NonFiniteValueError when F returns NaN or ∞
 * @example
 * gradientSliderFigure((x, y) => x * x + y * y, (x, y) => [2 * x, 2 * y], [[1, 0], [0, 1]], { xRange: [-2, 2], yRange: [-2, 2] }).layout?.sliders?.map((s) => s.steps?.length); // => [2] (one slider with 2 steps)
 * @see notebooks/02-why-the-negative-gradient.ipynb §2.9, eqs. (13)–(14)
 */
export function gradientSliderFigure(
  F: SurfaceFunction,
  gradient: GradientFunction,
  points: number[][],
  options: GradientSliderOptions,
): Figure {
  const caller = "gradientSliderFigure";
  requireFieldArguments(caller, F, gradient, options, ["arrowScale", "labels", "sliderPrefix"]);
  if (!Array.isArray(points) || points.length === 0)
    throw new InvalidArgumentError(
      `${caller}: points is ${String(points)}; expected a non-empty array of [x, y]`,
    );
  const labels = options.labels ?? points.map((_, k) => String(k));
  if (!Array.isArray(labels) || labels.length !== points.length)
    throw new InvalidArgumentError(
      `${caller}: labels has ${Array.isArray(labels) ? labels.length : String(labels)} entries; expected one per point (${points.length})`,
    );
  const ps = points.map((p, k) => {
    const v = requireFiniteVector(caller, `points[${k}]`, p);
    requireLength(caller, `points[${k}]`, v.length, 2);
    return v;
  });
  const grid = surfaceGrid(F, {
    w1Range: options.xRange,
    w2Range: options.yRange,
    points: options.points,
  });
  const zFloor = Math.min(...grid.z.map((row) => Math.min(...row)));
  const gradients = ps.map(([x, y]) =>
    requireVector2(caller, `gradient(${x}, ${y})`, gradient(x, y)),
  );
  gradients.forEach(([a, b], k) => {
    if (a === 0 && b === 0)
      throw new InvalidArgumentError(
        `${caller}: the gradient at points[${k}] is [0, 0]; expected a point where F has a direction of steepest ascent`,
      );
  });
  const narrow = Math.min(
    options.xRange[1] - options.xRange[0],
    options.yRange[1] - options.yRange[0],
  );
  const longest = Math.max(...gradients.map(([a, b]) => Math.hypot(a, b)));
  const c =
    options.arrowScale === undefined
      ? (0.2 * narrow) / longest
      : requirePositive(caller, "arrowScale", options.arrowScale);
  const zTitle = options.zTitle ?? "F";
  const [xTitle, yTitle] = options.axisTitles ?? ["x", "y"];
  const zRange = Math.max(...grid.z.map((row) => Math.max(...row))) - zFloor;
  const cone = 0.06 * narrow;

  const state = (k: number) => {
    const [x, y] = ps[k];
    const [gx, gy] = gradients[k];
    const z = evaluateFinite(caller, "F", F, `at points[${k}]`, x, y);
    const tip = [x + c * gx, y + c * gy];
    const rise = z + c * (gx * gx + gy * gy);
    const t = levelSetTangent(([a, b]) => F(a, b), [x, y], {
      radius: 1e-4 * Math.max(1, narrow),
    }).tangent;
    const half = 0.12 * narrow;
    const norm = Math.hypot(gx, gy);
    const along = [gx / norm, gy / norm];
    // Steepest way up on the tangent plane, as a unit vector in 3-D (for the cone's direction).
    const upLength = Math.hypot(c * gx, c * gy, rise - z);
    // One entry per moving trace (2–10): point, ∇F, tangent, 3-D point, drop line, ∇F on the floor,
    // steepest way up, and the two arrow heads (cones). null leaves an attribute a trace lacks alone.
    // The x (i = 0) or y (i = 1) of each: p is the point's, q the arrow tip's, s the tangent's.
    const coordinate = (i: 0 | 1) => {
      const [p, q, s] = [[x, y][i], tip[i], half * t[i]];
      return [[p], [p, q], [p - s, p + s], [p], [p, p], [p, q], [p, q], [q], [q]];
    };
    const none = [null, null, null, null, null, null, null];
    return {
      x,
      y,
      z,
      gx,
      gy,
      t,
      traces: {
        x: coordinate(0),
        y: coordinate(1),
        z: [null, null, null, [z], [z, zFloor], [zFloor, zFloor], [z, rise], [zFloor], [rise]],
        u: [...none, [cone * along[0]], [(cone * c * gx) / upLength]],
        v: [...none, [cone * along[1]], [(cone * c * gy) / upLength]],
        w: [...none, [0], [(cone * (rise - z)) / upLength]],
      },
    };
  };
  const title = (k: number, st: ReturnType<typeof state>) =>
    `${options.title ? options.title + "<br>" : ""}(${xTitle}, ${yTitle}) = (${formatNumber(st.x, 3)}, ${formatNumber(st.y, 3)}):  ∇${zTitle} = [${formatNumber(st.gx, 3)}, ${formatNumber(st.gy, 3)}],  ∇${zTitle}·tangent = ${formatNumber(st.gx * st.t[0] + st.gy * st.t[1], 2)}`;
  const states = ps.map((_, k) => state(k));
  const first = states[0].traces;
  const pick = (i: number) => ({ x: first.x[i], y: first.y[i] });
  const pick3 = (i: number) => ({ ...pick(i), z: first.z[i] });
  const moving = [2, 3, 4, 5, 6, 7, 8, 9, 10];
  const head = (i: number, color: string, name: string) => ({
    type: "cone",
    ...pick3(i),
    u: first.u[i],
    v: first.v[i],
    w: first.w[i],
    anchor: "tip",
    sizemode: "raw",
    showscale: false,
    colorscale: [
      [0, color],
      [1, color],
    ],
    scene: "scene",
    hoverinfo: "skip",
    name,
    showlegend: false,
  });
  const data: Record<string, unknown>[] = [
    {
      type: "contour",
      x: grid.w1,
      y: grid.w2,
      z: grid.z,
      name: zTitle,
      ncontours: 24,
      showscale: false,
      xaxis: "x",
      yaxis: "y",
      ...surfaceColours,
      contours: { coloring: "heatmap", showlines: true },
      line: { color: "rgba(255,255,255,0.7)", width: 0.6 },
      hovertemplate: surfaceHover([xTitle, yTitle], zTitle),
    },
    surfaceTrace(grid, zTitle, { axisTitles: [xTitle, yTitle], opacity: 0.85, scene: "scene" }),
    {
      type: "scatter",
      mode: "markers",
      name: "point",
      ...pick(0),
      marker: { size: 11, color: ink, line: { color: outline, width: 1.5 } },
      xaxis: "x",
      yaxis: "y",
      showlegend: false,
    },
    {
      type: "scatter",
      mode: "lines+markers",
      name: `∇${zTitle} (scaled)`,
      ...pick(1),
      xaxis: "x",
      yaxis: "y",
      line: { color: palette.gradient, width: 3 },
      marker: {
        symbol: ["circle", "arrow"],
        size: [1, 14],
        angleref: "previous",
        color: palette.gradient,
      },
    },
    {
      type: "scatter",
      mode: "lines",
      name: "level-set tangent",
      ...pick(2),
      xaxis: "x",
      yaxis: "y",
      line: { color: palette.tangent, width: 2.5, dash: "dash" },
    },
    {
      type: "scatter3d",
      mode: "markers",
      name: "point on the surface",
      ...pick3(3),
      marker: { size: 6, color: ink },
      scene: "scene",
      showlegend: false,
    },
    {
      type: "scatter3d",
      mode: "lines",
      name: "drop line",
      ...pick3(4),
      line: { color: ink, width: 3, dash: "dot" },
      scene: "scene",
      showlegend: false,
    },
    {
      type: "scatter3d",
      mode: "lines",
      name: `∇${zTitle} on the floor`,
      ...pick3(5),
      line: { color: palette.gradient, width: 7 },
      scene: "scene",
      showlegend: false,
    },
    {
      type: "scatter3d",
      mode: "lines",
      name: "steepest way up on the tangent plane",
      ...pick3(6),
      line: { color: palette.tangent, width: 7 },
      scene: "scene",
    },
    head(7, palette.gradient, `∇${zTitle}'s arrow head`),
    head(8, palette.tangent, "the steepest way up's arrow head"),
  ];
  return {
    data,
    layout: {
      title: { text: title(0, states[0]), font: { size: 13 } },
      height: 560,
      margin: { l: 50, r: 10, t: 70, b: 40 },
      legend: { x: 0.74, y: 0.06, xanchor: "center", yanchor: "top", orientation: "h" },
      xaxis: {
        domain: [0, 0.44],
        range: options.xRange,
        title: { text: xTitle },
        constrain: "domain",
      },
      yaxis: {
        domain: [0.12, 1],
        range: options.yRange,
        title: { text: yTitle },
        scaleanchor: "x",
        scaleratio: 1,
        constrain: "domain",
      },
      scene: {
        domain: { x: [0.48, 1], y: [0.1, 1] },
        // Five ticks a side: the default's nine crowd each other at this size.
        xaxis: { title: { text: xTitle }, range: options.xRange, nticks: 5 },
        yaxis: { title: { text: yTitle }, range: options.yRange, nticks: 5 },
        zaxis: { title: { text: zTitle }, range: [zFloor, zFloor + zRange * 1.05] },
        camera: { eye: { x: -1.5, y: -1.6, z: 1.0 } },
        aspectmode: "manual",
        aspectratio: { x: 1, y: 1, z: 0.6 },
      },
      sliders: [
        {
          active: 0,
          x: 0.05,
          len: 0.9,
          y: 0,
          pad: { t: 10 },
          currentvalue: { prefix: options.sliderPrefix ?? "point " },
          steps: states.map((st, k) => ({
            label: labels[k],
            method: "update",
            args: [st.traces, { "title.text": title(k, st) }, moving],
          })),
        },
      ],
    },
  };
}

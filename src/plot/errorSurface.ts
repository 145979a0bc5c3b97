/**
 * Figures of a function of two weights, F(w₁, w₂) — an error surface: the 3-D surface, its contour map,
 * paths of gradient descent on either, and an animation of a path on the surface (plotly frames and a
 * slider, so it plays without a kernel). Pure functions returning plotly figure JSON for `showFigure`.
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb §3.2 (surface and contours), §3.6 (the animation)
 */
import { InvalidArgumentError } from "../errors/errors";
import {
  evaluateFinite,
  rejectUnknownOptions,
  requireFunction,
  requireGridAxis,
  requireInteger,
  requirePointList,
} from "../errors/validate";
import type { Figure } from "./figure";
import { logTicks } from "./logTicks";
import { palette } from "./palette";
import { surfaceColours, surfaceHover, surfaceTrace } from "./surfaceParts";

/** A function of two weights, e.g. the error E(w₁, w₂). */
export type SurfaceFunction = (w1: number, w2: number) => number;

/** A range [from, to] of one weight. */
export type Range = [number, number];

export interface GridOptions {
  /** Range of w₁ (the x axis). */
  w1Range: Range;
  /** Range of w₂ (the y axis). */
  w2Range: Range;
  /** Grid points along each axis (default 61). */
  points?: number;
}

/** A path of weights to draw: path[k] = [w₁, w₂] after k steps. */
export interface PathSpec {
  name: string;
  path: number[][];
  /** Default `palette.plainDescent`: a path is a run of gradient descent unless said otherwise. */
  color?: string;
  /** Line style on the contour map (default solid), to tell apart runs of one method and colour. */
  dash?: "solid" | "dash" | "dot" | "dashdot";
}

/** A labelled point, e.g. the current weights. */
export interface MarkerSpec {
  w: number[];
  label: string;
  /** Default black ink (a point that is no quantity of the palette, such as the current w). */
  color?: string;
  /** Default "circle"; the minimum ŵ is a star (`palette.minimum`). */
  symbol?: "circle" | "star" | "square" | "diamond";
}

/** An arrow on the contour map from `from` to `to` (weights), e.g. the step −η∇E. */
export interface ArrowSpec {
  from: number[];
  to: number[];
  label?: string;
  color?: string;
}

export interface SurfaceOptions extends GridOptions {
  title?: string;
  /** Name of F on the vertical axis or colour bar (default "E"). */
  zTitle?: string;
  markers?: MarkerSpec[];
  paths?: PathSpec[];
}

export interface ContourOptions extends SurfaceOptions {
  arrows?: ArrowSpec[];
  /** Number of contour levels (default 30). */
  contours?: number;
  /**
   * Space the levels evenly in log₁₀ F (F must be > 0): the floor of a bowl gets as many contours as
   * its steep walls. The colour bar and hover still show F itself. Default false.
   */
  logScale?: boolean;
  /**
   * Draw one unit of w₂ as long as one unit of w₁ (default true), so that angles and the stretch of
   * the contours are shown true: −∇E meets the contours at right angles on screen, and an ellipse
   * whose axes are in ratio √κ is drawn so. Choose w1Range and w2Range of similar length, or the map
   * becomes a sliver. Pass false only for a map whose text says nothing about angles or shapes.
   */
  equalScale?: boolean;
}

export interface AnimationOptions extends GridOptions {
  title?: string;
  zTitle?: string;
  /** Name of the path in the legend (default "gradient descent"). */
  name?: string;
  /** Colour of the path (default `palette.plainDescent`), as the run has in the other figures. */
  color?: string;
  /** Milliseconds per frame when playing (default 150). */
  frameDuration?: number;
}

/** The values of F on a grid: z[j][i] = F(w1[i], w2[j]) (rows along w₂, as plotly expects). */
export interface Grid {
  w1: number[];
  w2: number[];
  z: number[][];
}

// Colours that mean nothing: the ink of a point that is no quantity of the palette, the contour lines,
// and the white halos and backgrounds that keep marks and labels readable on dark contours. Every
// colour that means something (a path, ŵ, ±∇E) comes from `palette`.
const ink = "#000000";
const contourLine = "rgba(0,0,0,0.35)";
const halo = "#ffffff";
const labelBackground = "rgba(255,255,255,0.8)";
const gridKeys = ["w1Range", "w2Range", "points"];
const surfaceKeys = [...gridKeys, "title", "zTitle", "markers", "paths"];

/**
 * F evaluated on an evenly spaced grid over the two ranges.
 * @throws InvalidArgumentError for a bad range or point count; NonFiniteValueError naming the grid
 *   point where F returned NaN or ∞
 * @example
 * surfaceGrid((a, b) => a + b, { w1Range: [0, 1], w2Range: [0, 2], points: 2 }); // => { w1: [0, 1], w2: [0, 2], z: [[0, 1], [2, 3]] }
 */
export function surfaceGrid(F: SurfaceFunction, options: GridOptions): Grid {
  const caller = "surfaceGrid";
  requireFunction(caller, "F", F);
  const w1 = requireGridAxis(caller, "w1Range", options?.w1Range, options?.points);
  const w2 = requireGridAxis(caller, "w2Range", options?.w2Range, options?.points);
  const z = w2.map((b) =>
    w1.map((a) => evaluateFinite(caller, "F", F, `at (w1, w2) = (${a}, ${b})`, a, b)),
  );
  return { w1, w2, z };
}

/**
 * The surface z = F(w₁, w₂) in 3-D, with optional markers (a point on the surface at F(w)) and paths.
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb §3.2, eq. (2)
 * @example
 * surfaceFigure((a, b) => a * a + b * b, { w1Range: [-1, 1], w2Range: [-1, 1], markers: [{ w: [0.5, 0.5], label: "current w" }] }).data[0].type; // => "surface"
 */
export function surfaceFigure(F: SurfaceFunction, options: SurfaceOptions): Figure {
  const caller = "surfaceFigure";
  rejectUnknownOptions(caller, options, surfaceKeys);
  const grid = surfaceGrid(F, options);
  const zTitle = options.zTitle ?? "E";
  const data: Record<string, unknown>[] = [surfaceTrace(grid, zTitle)];
  (options.paths ?? []).forEach((p, i) => data.push(path3d(caller, F, p, i)));
  (options.markers ?? []).forEach((m, i) => data.push(marker3d(caller, F, m, i)));
  return { data, layout: layout3d(options.title, zTitle) };
}

/**
 * The contour map of F over (w₁, w₂) — the surface seen from above — with optional paths, markers and
 * arrows drawn on it. Both axes have the same scale unless `equalScale: false` (plotly's
 * `yaxis.scaleanchor: "x"`, `scaleratio: 1`), so the angles and shapes on screen are those in w.
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb §3.2 (the contour map), §3.3 (−∇E at right
 *   angles to the contours), §3.6–3.9 (paths of descent)
 * @example
 * contourFigure((a, b) => a * a + 4 * b * b, { w1Range: [-2, 2], w2Range: [-1, 1], paths: [{ name: "descent", path: [[1.5, 0.8], [0.9, -0.4]] }] }).data.length; // => 2
 */
export function contourFigure(F: SurfaceFunction, options: ContourOptions): Figure {
  const caller = "contourFigure";
  rejectUnknownOptions(caller, options, [
    ...surfaceKeys,
    "arrows",
    "contours",
    "logScale",
    "equalScale",
  ]);
  const grid = surfaceGrid(F, options);
  const levels =
    options.contours === undefined
      ? 30
      : requireInteger(caller, "contours", options.contours, 2, 200);
  const zTitle = options.zTitle ?? "E";
  const log = options.logScale === true;
  if (log) {
    grid.z.forEach((row, j) =>
      row.forEach((v, i) => {
        if (!(v > 0))
          throw new InvalidArgumentError(
            `${caller}: F is ${v} at (w1, w2) = (${grid.w1[i]}, ${grid.w2[j]}); logScale needs F > 0`,
          );
      }),
    );
  }
  const z = log ? grid.z.map((row) => row.map(Math.log10)) : grid.z;
  const data: Record<string, unknown>[] = [
    {
      type: "contour",
      x: grid.w1,
      y: grid.w2,
      z,
      customdata: grid.z,
      name: zTitle,
      ncontours: levels,
      showscale: true,
      ...surfaceColours,
      contours: { coloring: "heatmap", showlines: true },
      line: { color: contourLine, width: 0.7 },
      colorbar: { title: { text: zTitle }, ...(log ? logColourBarTicks(z) : {}) },
      hovertemplate: surfaceHover(["w₁", "w₂"], zTitle, "customdata"),
    },
  ];
  (options.paths ?? []).forEach((p, i) => {
    const points = requirePointList(caller, `paths[${i}].path`, p?.path);
    data.push({
      type: "scatter",
      mode: "lines+markers",
      name: p.name,
      x: points.map((w) => w[0]),
      y: points.map((w) => w[1]),
      line: { color: p.color ?? palette.plainDescent, width: 2, dash: p.dash ?? "solid" },
      marker: { size: 4 },
    });
  });
  // Marker labels are annotations, whose white background keeps them readable on dark contours.
  const labels = (options.markers ?? []).map((m, i) => {
    const [w] = requirePointList(caller, `markers[${i}].w`, [m?.w]);
    data.push({
      type: "scatter",
      mode: "markers",
      name: m.label,
      x: [w[0]],
      y: [w[1]],
      marker: {
        size: m.symbol === "star" ? 16 : 11,
        color: m.color ?? ink,
        symbol: m.symbol ?? "circle",
        line: { color: halo, width: 1.5 },
      },
      showlegend: false,
    });
    return {
      x: w[0],
      y: w[1],
      xref: "x",
      yref: "y",
      text: m.label,
      showarrow: false,
      xanchor: "left",
      yanchor: "bottom",
      xshift: 6,
      yshift: 4,
      bgcolor: labelBackground,
      font: { size: 12 },
    };
  });
  // Plotly writes an arrow's text at its tail, so the label is a second annotation at the head.
  const annotations = (options.arrows ?? []).flatMap((a, i) => {
    const [from, to] = requirePointList(caller, `arrows[${i}]`, [a?.from, a?.to]);
    const color = a.color ?? palette.negativeGradient;
    const arrow = {
      x: to[0],
      y: to[1],
      ax: from[0],
      ay: from[1],
      xref: "x",
      yref: "y",
      axref: "x",
      ayref: "y",
      text: "",
      showarrow: true,
      arrowhead: 3,
      arrowsize: 1.3,
      arrowwidth: 2.5,
      arrowcolor: color,
    };
    const label = {
      x: to[0],
      y: to[1],
      xref: "x",
      yref: "y",
      text: a.label ?? "",
      showarrow: false,
      font: { color, size: 13 },
      xanchor: to[0] >= from[0] ? "left" : "right",
      yanchor: to[1] >= from[1] ? "bottom" : "top",
      bgcolor: labelBackground,
    };
    return a.label ? [arrow, label] : [arrow];
  });
  // Equal scales: plotly shrinks the longer axis's domain until a unit of w₂ is as long as one of w₁.
  const equal = options.equalScale !== false;
  const square = equal ? { constrain: "domain" } : {};
  return {
    data,
    layout: {
      // A fixed width near the square plot keeps the colour bar beside it rather than far to its right.
      title: { text: options.title ?? "" },
      // The bottom margin holds the w₁ title and, below it, the legend.
      height: equal ? 620 : 540,
      margin: { t: 60, b: 120, l: 60, r: 20 },
      ...(equal ? { width: 640 } : {}),
      xaxis: { title: { text: "w₁" }, range: options.w1Range, ...square },
      yaxis: {
        title: { text: "w₂" },
        range: options.w2Range,
        ...(equal ? { scaleanchor: "x", scaleratio: 1, ...square } : {}),
      },
      // Below the map, where it covers neither the paths nor the tick labels.
      legend: { orientation: "h", x: 0, y: -0.14, yanchor: "top" },
      annotations: [...labels, ...annotations],
    },
  };
}

/**
 * The surface of F with a path animated on it: one frame per step, a Play button and a slider. The
 * frames are part of the figure, so the animation plays in an exported page without a kernel.
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb §3.6
 * @example
 * surfaceAnimationFigure((a, b) => a * a + b * b, [[1, 1], [0.5, 0.5], [0.25, 0.25]], { w1Range: [-1, 1], w2Range: [-1, 1] }).frames?.length; // => 3
 */
export function surfaceAnimationFigure(
  F: SurfaceFunction,
  path: number[][],
  options: AnimationOptions,
): Figure {
  const caller = "surfaceAnimationFigure";
  rejectUnknownOptions(caller, options, [
    ...gridKeys,
    "title",
    "zTitle",
    "name",
    "color",
    "frameDuration",
  ]);
  const points = requirePointList(caller, "path", path);
  const duration =
    options.frameDuration === undefined
      ? 150
      : requireInteger(caller, "frameDuration", options.frameDuration, 1);
  const grid = surfaceGrid(F, options);
  const zTitle = options.zTitle ?? "E";
  const z = points.map((w, k) => evaluateFinite(caller, "F", F, `at path[${k}]`, w[0], w[1]));
  const trail = (k: number) => ({
    x: points.slice(0, k + 1).map((w) => w[0]),
    y: points.slice(0, k + 1).map((w) => w[1]),
    z: z.slice(0, k + 1),
  });
  const current = (k: number) => ({ x: [points[k][0]], y: [points[k][1]], z: [z[k]] });
  const color = options.color ?? palette.plainDescent;
  const data = [
    surfaceTrace(grid, zTitle),
    {
      type: "scatter3d",
      mode: "lines+markers",
      name: options.name ?? "gradient descent",
      ...trail(0),
      line: { color, width: 6 },
      marker: { size: 3, color },
    },
    {
      type: "scatter3d",
      mode: "markers",
      name: "current w",
      ...current(0),
      marker: { size: 7, color: ink },
    },
  ];
  const frames = points.map((_, k) => ({
    name: String(k),
    traces: [1, 2],
    data: [trail(k), current(k)],
  }));
  const animate = (frameMs: number) => ({
    frame: { duration: frameMs, redraw: true },
    transition: { duration: 0 },
    mode: "immediate",
    fromcurrent: true,
  });
  return {
    data,
    frames,
    layout: {
      ...layout3d(options.title, zTitle),
      // The slider hangs from the bottom of the scene into the margin: room for its step labels.
      height: 660,
      margin: { l: 0, r: 0, t: 40, b: 110 },
      updatemenus: [
        {
          type: "buttons",
          showactive: false,
          x: 0.05,
          y: 0.05,
          xanchor: "left",
          yanchor: "bottom",
          direction: "left",
          buttons: [
            { label: "▶ Play", method: "animate", args: [null, animate(duration)] },
            {
              label: "❚❚ Pause",
              method: "animate",
              args: [[null], { frame: { duration: 0, redraw: false }, mode: "immediate" }],
            },
          ],
        },
      ],
      sliders: [
        {
          active: 0,
          x: 0.25,
          len: 0.7,
          y: 0,
          yanchor: "top",
          currentvalue: { prefix: "step " },
          steps: points.map((_, k) => ({
            label: String(k),
            method: "animate",
            args: [[String(k)], animate(0)],
          })),
        },
      ],
    },
  };
}

/** Colour-bar ticks for a contour of log₁₀ F, labelled with F (`logTicks`: whole numbers, no bare digits). */
function logColourBarTicks(z: number[][]): Record<string, unknown> {
  let lo = Infinity,
    hi = -Infinity;
  for (const row of z)
    for (const v of row) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  const ticks = logTicks(10 ** lo, 10 ** hi);
  return { tickvals: ticks.tickvals.map(Math.log10), ticktext: ticks.ticktext };
}

function path3d(
  caller: string,
  F: SurfaceFunction,
  p: PathSpec,
  i: number,
): Record<string, unknown> {
  const points = requirePointList(caller, `paths[${i}].path`, p?.path);
  return {
    type: "scatter3d",
    mode: "lines+markers",
    name: p.name,
    x: points.map((w) => w[0]),
    y: points.map((w) => w[1]),
    z: points.map((w, k) =>
      evaluateFinite(caller, "F", F, `at paths[${i}].path[${k}]`, w[0], w[1]),
    ),
    line: { color: p.color ?? palette.plainDescent, width: 6 },
    marker: { size: 3 },
  };
}

function marker3d(
  caller: string,
  F: SurfaceFunction,
  m: MarkerSpec,
  i: number,
): Record<string, unknown> {
  const [w] = requirePointList(caller, `markers[${i}].w`, [m?.w]);
  return {
    type: "scatter3d",
    mode: "markers+text",
    name: m.label,
    x: [w[0]],
    y: [w[1]],
    z: [evaluateFinite(caller, "F", F, `at markers[${i}].w`, w[0], w[1])],
    text: [m.label],
    textposition: "top center",
    // scatter3d has no star: ŵ is a diamond on the surface.
    marker: {
      size: 7,
      color: m.color ?? ink,
      symbol: m.symbol === "star" ? "diamond" : (m.symbol ?? "circle"),
    },
  };
}

function layout3d(title: string | undefined, zTitle: string): Record<string, unknown> {
  return {
    title: { text: title ?? "" },
    height: 560,
    margin: { l: 0, r: 0, t: 40, b: 0 },
    showlegend: true,
    legend: { x: 0.02, y: 0.95 },
    scene: {
      xaxis: { title: { text: "w₁" } },
      yaxis: { title: { text: "w₂" } },
      zaxis: { title: { text: zTitle } },
      camera: { eye: { x: 1.45, y: -1.45, z: 0.95 } },
      aspectmode: "manual",
      aspectratio: { x: 1, y: 1, z: 0.75 },
    },
  };
}

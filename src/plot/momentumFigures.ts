/**
 * The picture of notebook 6 that no other figure draws: heavy-ball momentum explored over a grid of
 * learning rates η and momenta β, with a slider over precomputed runs (`momentumSliderFigure`). Every
 * position is computed in the notebook and baked into the figure JSON, so it works with no kernel.
 * Paths on one contour map come from `contourFigure`, curves from `curvesFigure`.
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb §6.2
 */
import { InvalidArgumentError, ShapeError } from "../errors/errors";
import { requireFiniteVector, requireInteger, requirePointList } from "../errors/validate";
import { formatNumber } from "../display/format";
import { contourFigure, type Range, type SurfaceFunction } from "./errorSurface";
import type { Figure } from "./figure";
import { palette } from "./palette";
import { requirePlaneOptions } from "./surfaceParts";

/** One precomputed run of heavy-ball momentum for `momentumSliderFigure`. */
export interface MomentumFrame {
  learningRate: number;
  beta: number;
  /** path[k] = [w₁, w₂] after k steps (a diverging run is cut where it left the map far behind). */
  path: number[][];
  /** The per-step factor measured on the run, (d_to / d_from)^(1/(to − from)). */
  measured: number;
  /** The per-step factor the theory predicts (the spectral radius of heavy ball's iteration). */
  theory: number;
}

export interface MomentumSliderOptions {
  w1Range: Range;
  w2Range: Range;
  /** The minimum ŵ, marked on the map. */
  minimum: number[];
  /** The learning rates of the grid (x of the factor map), ascending. */
  learningRates: number[];
  /** The momenta of the grid (y of the factor map), ascending. */
  betas: number[];
  /** factors[j][i]: the theory's per-step factor at betas[j], learningRates[i]. */
  factors: number[][];
  /** One run per grid cell, in the order η outer, β inner: frames[i · betas.length + j]. */
  frames: MomentumFrame[];
  /** The frame the figure opens at (default 0). */
  active?: number;
  title?: string;
}

/** Factors above this are drawn in the colour of divergence (the map's colour scale ends here). */
const FACTOR_CAP = 1.2;

/**
 * The factor map's colour scale: converging settings in blues (darker is faster), ρ ≥ 1 in reds. These
 * hues mean "a factor per step", which no quantity of `palette` stands for: a scale, not a quantity.
 */
const factorScale = {
  fastest: "#08306b",
  fast: "#4292c6",
  slow: "#deebf7",
  diverges: "#d62728",
  divergesFast: "#67000d",
};

/** The ring around the current (η, β) on the factor map: no colour of its own, and no fill. */
const ring = { fill: "rgba(0,0,0,0)", line: palette.heavyBall };

/**
 * Heavy ball over a grid of (η, β): on the left the run's path on the contour map of F > 0 (equal
 * scales, levels spaced in log F),
 * on the right the theory's per-step factor over the whole grid (factor ≥ 1, where the run diverges,
 * in red) with the current (η, β) marked. One slider steps through the runs, η outer and β inner;
 * the title gives the setting, the measured factor and the theory's.
 * @throws InvalidArgumentError for a bad range, an empty grid, an unsorted axis or a bad `active`;
 *   ShapeError when factors or frames do not match the grid, or a frame's setting is not its cell's
 * @example
 * momentumSliderFigure((a, b) => 1 + a * a + b * b, { w1Range: [-1, 1], w2Range: [-1, 1], minimum: [0, 0], learningRates: [0.5], betas: [0], factors: [[0]], frames: [{ learningRate: 0.5, beta: 0, path: [[1, 1], [0, 0]], measured: 0, theory: 0 }] }).layout?.sliders?.map((s) => s.steps?.length); // => [1] (one slider with 1 step)
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb §6.2, eq. (6)
 */
export function momentumSliderFigure(F: SurfaceFunction, options: MomentumSliderOptions): Figure {
  const caller = "momentumSliderFigure";
  requirePlaneOptions(
    caller,
    options,
    ["w1Range", "w2Range"],
    ["minimum", "learningRates", "betas", "factors", "frames", "active", "title"],
  );
  const [minimum] = requirePointList(caller, "minimum", [options.minimum]);
  const etas = ascending(caller, "learningRates", options.learningRates);
  const betas = ascending(caller, "betas", options.betas);
  const factors = options.factors;
  if (!Array.isArray(factors) || factors.length !== betas.length)
    throw new ShapeError(`${caller}: factors needs one row per beta (${betas.length})`);
  factors.forEach((row, j) => {
    if (requireFiniteVector(caller, `factors[${j}]`, row).length !== etas.length)
      throw new ShapeError(
        `${caller}: factors[${j}] has length ${row.length}; expected ${etas.length} (one per learning rate)`,
      );
  });
  const frames = options.frames;
  if (!Array.isArray(frames) || frames.length !== etas.length * betas.length)
    throw new ShapeError(
      `${caller}: frames has length ${frames?.length}; expected ${etas.length * betas.length} (one per (η, β) of the grid)`,
    );
  frames.forEach((f, k) => {
    const [i, j] = [Math.floor(k / betas.length), k % betas.length];
    if (f.learningRate !== etas[i] || f.beta !== betas[j])
      throw new ShapeError(
        `${caller}: frames[${k}] is η = ${f.learningRate}, β = ${f.beta}; expected η = ${etas[i]}, β = ${betas[j]} (η outer, β inner)`,
      );
    requirePointList(caller, `frames[${k}].path`, f.path);
    requireFiniteVector(caller, `frames[${k}].measured`, [f.measured, f.theory]);
  });
  const active =
    options.active === undefined
      ? 0
      : requireInteger(caller, "active", options.active, 0, frames.length - 1);

  const map = contourFigure(F, {
    w1Range: options.w1Range,
    w2Range: options.w2Range,
    logScale: true,
    markers: [{ w: minimum, label: "ŵ", color: palette.minimum }],
    paths: [{ name: "heavy ball", path: frames[active].path, color: palette.heavyBall }],
  });
  // contourFigure puts the contours first, then the path, then the marker: the path is trace 1.
  const contour = { ...map.data[0], showscale: false };
  const pathTrace = map.data[1];
  const marker = map.data[2];
  const capped = factors.map((row) => row.map((v) => Math.min(v, FACTOR_CAP)));
  const edge = 1 / FACTOR_CAP;
  const heatmap = {
    type: "heatmap",
    x: etas,
    y: betas,
    z: capped,
    customdata: factors,
    zmin: 0,
    zmax: FACTOR_CAP,
    xaxis: "x2",
    yaxis: "y2",
    colorscale: [
      [0, factorScale.fastest],
      [0.5 * edge, factorScale.fast],
      [0.999 * edge, factorScale.slow],
      [edge, factorScale.diverges],
      [1, factorScale.divergesFast],
    ],
    colorbar: { title: { text: "factor" }, x: 1.02, len: 0.8 },
    hovertemplate: "η %{x}<br>β %{y}<br>factor %{customdata:.3f}<extra></extra>",
    name: "per-step factor (theory)",
  };
  const here = (f: MomentumFrame) => ({ x: [f.learningRate], y: [f.beta] });
  const current = {
    type: "scatter",
    mode: "markers",
    name: "current (η, β)",
    ...here(frames[active]),
    xaxis: "x2",
    yaxis: "y2",
    marker: { size: 14, color: ring.fill, line: { color: ring.line, width: 3 } },
    showlegend: false,
  };
  const title = (f: MomentumFrame) => {
    const verdict =
      f.theory >= 1
        ? `diverges (theory: factor ${formatNumber(f.theory, 3)} ≥ 1, measured ${formatNumber(f.measured, 3)})`
        : `factor per step ${formatNumber(f.measured, 3)} measured, ${formatNumber(f.theory, 3)} theory`;
    return `${options.title ? options.title + "<br>" : ""}η = ${f.learningRate}, β = ${f.beta}: ${verdict}`;
  };
  const moving = [1, 4]; // the path and the current-setting marker
  const step = (f: MomentumFrame) => ({
    x: [f.path.map((w) => w[0]), [f.learningRate]],
    y: [f.path.map((w) => w[1]), [f.beta]],
  });
  const mapLayout = map.layout as Record<string, Record<string, unknown>>;
  return {
    data: [contour, pathTrace, marker, heatmap, current],
    layout: {
      title: { text: title(frames[active]), font: { size: 13 } },
      height: 560,
      width: 1000,
      margin: { l: 60, r: 80, t: 80, b: 150 },
      xaxis: { ...mapLayout.xaxis, domain: [0, 0.45] },
      yaxis: { ...mapLayout.yaxis },
      xaxis2: { title: { text: "η" }, domain: [0.56, 0.94], anchor: "y2" },
      yaxis2: { title: { text: "β" }, anchor: "x2" },
      annotations: mapLayout.annotations,
      // One path, named in the title: no legend to cover the map's ticks.
      showlegend: false,
      sliders: [
        {
          active,
          currentvalue: { visible: false },
          // Below the axes' titles (w₁, η), not over them.
          y: -0.12,
          pad: { t: 30 },
          steps: frames.map((f, k) => ({
            // Label each block of β by its η; the title names both.
            label: k % betas.length === 0 ? `η ${f.learningRate}` : "·",
            method: "update",
            args: [step(f), { "title.text": title(f) }, moving],
          })),
        },
      ],
    },
  };
}

function ascending(caller: string, name: string, values: unknown): number[] {
  const v = requireFiniteVector(caller, name, values);
  if (v.length === 0)
    throw new InvalidArgumentError(`${caller}: ${name} is empty; expected at least one value`);
  v.forEach((x, i) => {
    if (i > 0 && !(x > v[i - 1]))
      throw new InvalidArgumentError(
        `${caller}: ${name}[${i}] is ${x}, not above ${name}[${i - 1}] = ${v[i - 1]}; expected ascending values`,
      );
  });
  return v;
}

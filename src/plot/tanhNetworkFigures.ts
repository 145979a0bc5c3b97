/**
 * The pictures of notebook 4, as pure functions returning SVG text or plotly figure JSON:
 * - `networkGraphSvg`: the network's computational graph, values forward and δs backward (§4.2);
 * - `fitFigure`: a fit with its hidden units, one panel of Bishop's Figure 5.3 (§4.6);
 * - `stabilityFigure`: the error and the Hessian's largest eigenvalue λ_max against 2/η during
 *   training (§4.7);
 * - `trainingSliderFigure`: a fit over training, with a slider over the steps, showing each hidden
 *   unit's contribution w⁽²⁾ⱼ zⱼ(x) (§4.7);
 * - `lossCurveSvg`: a small loss curve in SVG that can be redrawn in place while training runs (§4.6);
 * - `gradientCostFigure`: the time of E and of ∇E by backprop and by finite differences against W (§4.5);
 * - `earlyStoppingFigure`: training and validation error over the steps, and where training stopped
 *   (§4.9).
 * Colours come from `palette` (src/plot/palette.ts), one per meaning across the course: the data, the
 * network's output, the error curve, the gradient, training and validation. What has no meaning of its
 * own (the graph's arrows and outlines, frames) is drawn in the page's text colour, `currentColor`.
 * @see notebooks/04-backpropagation-tanh-network.ipynb
 */
import { InvalidArgumentError, ShapeError } from "../errors/errors";
import { rejectUnknownOptions, requireFiniteVector, requireInteger } from "../errors/validate";
import { escapeHtml, formatNumber } from "../display/format";
import type { Figure } from "./figure";
import { palette } from "./palette";

/** Neutral ink for SVG: the page's own text colour, so no colour is claimed for a meaning. */
const ink = "currentColor";

/**
 * The computational graph of a two-layer tanh network as SVG: inputs xᵢ (with the bias input x₀ = 1),
 * hidden units hⱼ → zⱼ = tanh(hⱼ) (with z₀ = 1), outputs yₖ and the error E. Arrows in the text colour
 * carry values forward; the arrow under the graph, in the gradient's colour (`palette.gradient`: δ is a
 * component of ∇E), shows δ flowing backward. Inputs are filled as data, outputs as the network's output
 * and E as the error curve (`palette.data`, `palette.prediction`, `palette.curve`).
 * @throws InvalidArgumentError for sizes that are not integers from 1 to 8 (larger graphs are unreadable)
 * @example
 * networkGraphSvg({ inputs: 1, hiddenUnits: 3, outputs: 1 }).startsWith("<svg"); // => true
 * @see notebooks/04-backpropagation-tanh-network.ipynb §4.2, eqs. (4)–(6) and (14)
 */
export function networkGraphSvg(sizes: {
  inputs: number;
  hiddenUnits: number;
  outputs: number;
}): string {
  const caller = "networkGraphSvg";
  rejectUnknownOptions(caller, sizes, ["inputs", "hiddenUnits", "outputs"]);
  const D = requireInteger(caller, "inputs", sizes.inputs, 1, 8);
  const M = requireInteger(caller, "hiddenUnits", sizes.hiddenUnits, 1, 8);
  const K = requireInteger(caller, "outputs", sizes.outputs, 1, 8);
  const rows = Math.max(D + 1, M + 1, K);
  const gap = 62,
    top = 40,
    height = top + rows * gap + 70,
    width = 640;
  const column = (count: number, x: number) =>
    Array.from({ length: count }, (_, n) => ({
      x,
      y: top + ((rows - count) * gap) / 2 + n * gap + gap / 2,
    }));
  const xs = column(D + 1, 70),
    hs = column(M + 1, 270),
    ys = column(K, 470),
    e = { x: 590, y: top + (rows * gap) / 2 };
  const sub = (s: number) =>
    String(s)
      .split("")
      .map((c) => "₀₁₂₃₄₅₆₇₈₉"[Number(c)])
      .join("");
  const parts: string[] = [];
  const line = (a: { x: number; y: number }, b: { x: number; y: number }) =>
    parts.push(
      `<line x1="${a.x + 24}" y1="${a.y}" x2="${b.x - 26}" y2="${b.y}" stroke="${ink}" stroke-opacity="0.65" stroke-width="1.2" marker-end="url(#arrow)"/>`,
    );
  // A node's fill says what it holds: data (inputs), the network's output, the error; none for a bias.
  const node = (p: { x: number; y: number }, label: string, fill: string, r = 24) =>
    parts.push(
      `<circle cx="${p.x}" cy="${p.y}" r="${r}" fill="${fill}" fill-opacity="${fill === "none" ? 1 : fill === ink ? 0.07 : 0.18}" stroke="${ink}"/><text x="${p.x}" y="${p.y + 5}" text-anchor="middle" font-size="14">${escapeHtml(label)}</text>`,
    );
  for (const x of xs) for (const h of hs.slice(1)) line(x, h);
  for (const h of hs) for (const y of ys) line(h, y);
  for (const y of ys) line(y, e);
  xs.forEach((p, i) => node(p, i === 0 ? "x₀=1" : `x${sub(i)}`, i === 0 ? "none" : palette.data));
  hs.forEach((p, j) =>
    node(p, j === 0 ? "z₀=1" : `h${sub(j)}→z${sub(j)}`, j === 0 ? "none" : ink, j === 0 ? 24 : 30),
  );
  ys.forEach((p, k) => node(p, `y${sub(k + 1)}`, palette.prediction));
  node(e, "E", palette.curve);
  const label = (x: number, text: string) =>
    parts.push(
      `<text x="${x}" y="22" text-anchor="middle" font-size="14">${escapeHtml(text)}</text>`,
    );
  label(170, "w⁽¹⁾ⱼᵢ");
  label(370, "w⁽²⁾ₖⱼ");
  label(70, "inputs");
  label(270, "hidden: tanh");
  label(470, "outputs");
  label(590, "½Σ(y−t)²");
  // δ = ∂E/∂(a unit's input) is a component of +∇E: the gradient's colour.
  const back = height - 40,
    delta = palette.gradient;
  parts.push(
    `<line x1="590" y1="${back}" x2="80" y2="${back}" stroke="${delta}" stroke-width="2" marker-end="url(#back)"/>`,
  );
  const backLabel = (x: number, text: string) =>
    parts.push(
      `<text x="${x}" y="${back + 22}" font-size="13" fill="${delta}" text-anchor="middle">${text}</text>`,
    );
  backLabel(530, "δₖ = yₖ − tₖ");
  backLabel(300, "δⱼ = (1 − zⱼ²) Σₖ w⁽²⁾ₖⱼ δₖ");
  backLabel(110, "∂E/∂w⁽¹⁾ⱼᵢ = δⱼ xᵢ");
  const defs =
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0L10,5L0,10z" fill="${ink}" fill-opacity="0.65"/></marker>` +
    `<marker id="back" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0L10,5L0,10z" fill="${delta}"/></marker></defs>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif">${defs}${parts.join("")}</svg>`;
}

/** One fit to show: the data (x, t), the network's output y along a grid, and each hidden unit's zⱼ along the grid. */
export interface FitPlot {
  title: string;
  x: number[];
  t: number[];
  grid: number[];
  y: number[];
  /** hidden[j][n] = zⱼ at grid[n]. */
  hidden: number[][];
}

/**
 * Bishop's Figure 5.3 for one function: data as dots (`palette.data`), the network's fit as a line
 * (`palette.prediction`), and the hidden units' outputs zⱼ(x) dashed in the output's colour, faded. The
 * x axis spans the grid and the data, whatever their range.
 * @throws ShapeError when x and t, or grid and y or a hidden row, differ in length
 * @example
 * fitFigure({ title: "x²", x: [0], t: [0], grid: [0, 1], y: [0, 1], hidden: [[0, 0.5]] }).data.length; // => 3
 * @see notebooks/04-backpropagation-tanh-network.ipynb §4.6, eqs. (4)–(6)
 */
export function fitFigure(fit: FitPlot): Figure {
  const caller = "fitFigure";
  const x = requireFiniteVector(caller, "x", fit.x),
    t = requireFiniteVector(caller, "t", fit.t);
  const grid = requireFiniteVector(caller, "grid", fit.grid),
    y = requireFiniteVector(caller, "y", fit.y);
  if (t.length !== x.length)
    throw new ShapeError(`${caller}: t has length ${t.length}; expected ${x.length} (one per x)`);
  if (y.length !== grid.length)
    throw new ShapeError(
      `${caller}: y has length ${y.length}; expected ${grid.length} (one per grid point)`,
    );
  const hidden = fit.hidden.map((z, j) => {
    const row = requireFiniteVector(caller, `hidden[${j}]`, z);
    if (row.length !== grid.length)
      throw new ShapeError(
        `${caller}: hidden[${j}] has length ${row.length}; expected ${grid.length}`,
      );
    // One legend entry for all hidden units: the first trace shows it, the others join its group.
    return {
      x: grid,
      y: row,
      mode: "lines",
      name: "hidden units zⱼ(x)",
      legendgroup: "hidden",
      showlegend: j === 0,
      // Parts of the network, so the output's colour, faded: y is a weighted sum of these curves.
      line: { dash: "dash", width: 1.5, color: palette.prediction },
      opacity: 0.45,
    };
  });
  return {
    data: [
      { x, y: t, mode: "markers", name: "data", marker: { color: palette.data, size: 6 } },
      {
        x: grid,
        y,
        mode: "lines",
        name: "network y(x)",
        line: { color: palette.prediction, width: 3 },
      },
      ...hidden,
    ],
    layout: {
      title: { text: fit.title },
      height: 320,
      xaxis: { title: { text: "x" }, range: spanOf(grid, x) },
      yaxis: { title: { text: "y" } },
      legend: { orientation: "h", y: -0.25 },
      margin: { t: 40 },
    },
  };
}

/** A number in subscript digits: subscript(12) === "₁₂". */
function subscript(n: number): string {
  return String(n)
    .split("")
    .map((c) => "₀₁₂₃₄₅₆₇₈₉"[Number(c)])
    .join("");
}

/** [min, max] over all the values given: an axis range that shows every point. */
function spanOf(...lists: number[][]): [number, number] {
  let lo = Infinity,
    hi = -Infinity;
  for (const list of lists)
    for (const v of list) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  return lo < hi ? [lo, hi] : [lo - 1, hi + 1];
}

/** One run of training to show in `stabilityFigure`: E/N after every step, λ_max at checkpoints. */
export interface StabilityRun {
  /** The legend's name for the run, e.g. "η = 0.5". */
  name: string;
  learningRate: number;
  /** The mean error E/N after 0, 1, 2, … steps (> 0: the axis is logarithmic). */
  losses: number[];
  /** The steps at which λ_max was measured. */
  step: number[];
  /** The largest eigenvalue of the Hessian of E/N at each of those steps. */
  lambdaMax: number[];
}

/** Line styles that tell the runs apart; the colour says the quantity (E/N, λ_max, the bound 2/η). */
const runDashes = ["solid", "dash", "dashdot", "longdash"];

/**
 * Two panels over the training steps: the mean error E/N (log scale, `palette.curve`) above, and the
 * Hessian's largest eigenvalue λ_max below (also `palette.curve`, with markers), each run with its bound
 * 2/η dotted in `palette.theory` and labelled at its right end. The runs differ by line style (solid,
 * dashed, …). Where λ_max reaches 2/η, a step overshoots along the steepest direction and E jumps
 * (lesson 3's η < 2/λ_max). Long loss lists are drawn at every k-th step (at most 2000 points per run,
 * the last step always kept).
 * @throws InvalidArgumentError for no runs, a learning rate ≤ 0, or a loss ≤ 0; ShapeError when a run's
 *   steps and λ_max differ in length
 * @example
 * stabilityFigure([{ name: "η = 0.5", learningRate: 0.5, losses: [1, 0.5], step: [0, 1], lambdaMax: [3, 4] }]).data.length; // => 3
 * @see notebooks/04-backpropagation-tanh-network.ipynb §4.7, eq. (18)
 */
export function stabilityFigure(runs: StabilityRun[]): Figure {
  const caller = "stabilityFigure";
  if (!Array.isArray(runs) || runs.length === 0)
    throw new InvalidArgumentError(`${caller}: runs is empty; expected at least one run`);
  const lastStep = Math.max(...runs.map((run) => Math.max(run.losses.length - 1, ...run.step)));
  const annotations: Record<string, unknown>[] = [];
  const data = runs.flatMap((run, r) => {
    const losses = requireFiniteVector(caller, `runs[${r}].losses`, run.losses);
    const step = requireFiniteVector(caller, `runs[${r}].step`, run.step);
    const lambda = requireFiniteVector(caller, `runs[${r}].lambdaMax`, run.lambdaMax);
    if (!(run.learningRate > 0))
      throw new InvalidArgumentError(
        `${caller}: runs[${r}].learningRate is ${run.learningRate}; expected a number > 0`,
      );
    if (lambda.length !== step.length)
      throw new ShapeError(
        `${caller}: runs[${r}] has ${step.length} steps and ${lambda.length} λ_max; expected one λ_max per step`,
      );
    losses.forEach((v, n) => {
      if (v <= 0)
        throw new InvalidArgumentError(
          `${caller}: runs[${r}].losses[${n}] is ${v}; expected a number > 0 (the scale is logarithmic)`,
        );
    });
    const stride = Math.ceil(losses.length / 2000);
    const kept = losses.map((_, n) => n).filter((n) => n % stride === 0 || n === losses.length - 1);
    const dash = runDashes[r % runDashes.length];
    const group = `run${r}`;
    const bound = 2 / run.learningRate;
    annotations.push({
      x: lastStep,
      y: bound,
      xref: "x",
      yref: "y2",
      text: `2/η = ${formatNumber(bound)}`,
      showarrow: false,
      xanchor: "right",
      yanchor: "bottom",
      font: { size: 12, color: palette.theory },
    });
    return [
      {
        x: kept,
        y: kept.map((n) => losses[n]),
        mode: "lines",
        name: `${run.name}: E/N`,
        legendgroup: group,
        line: { color: palette.curve, dash, width: 1.5 },
        xaxis: "x",
        yaxis: "y",
      },
      {
        x: step,
        y: lambda,
        mode: "lines+markers",
        name: `${run.name}: λ_max`,
        legendgroup: group,
        line: { color: palette.curve, dash, width: 2 },
        marker: { color: palette.curve, size: 4 },
        xaxis: "x",
        yaxis: "y2",
      },
      {
        x: [0, lastStep],
        y: [bound, bound],
        mode: "lines",
        name: `${run.name}: 2/η = ${formatNumber(bound)}`,
        legendgroup: group,
        line: { color: palette.theory, dash: "dot", width: 1.5 },
        xaxis: "x",
        yaxis: "y2",
      },
    ];
  });
  return {
    data,
    layout: {
      title: { text: "Where λ_max of the Hessian reaches 2/η, the error jumps" },
      height: 580,
      xaxis: { title: { text: "gradient-descent step" }, anchor: "y2" },
      yaxis: {
        title: { text: "E/N (log scale)" },
        type: "log",
        exponentformat: "power",
        domain: [0.55, 1],
      },
      // A short title: the lower panel is too short for a long one, which would spill upward.
      yaxis2: { title: { text: "λ_max" }, domain: [0, 0.42], rangemode: "tozero" },
      annotations,
      legend: { orientation: "h", y: -0.15 },
      margin: { t: 50, b: 120 },
    },
  };
}

/** The network at one step of training, for `trainingSliderFigure`. */
export interface TrainingFrame {
  step: number;
  /** The error at this step (shown in the title). */
  E: number;
  /** The output y(x) along the grid. */
  y: number[];
  /** contributions[j][n] = w⁽²⁾ⱼ zⱼ(x) of hidden unit j at grid[n] (one output). */
  contributions: number[][];
  /** The output bias w⁽²⁾₀: y = bias + Σⱼ contributions[j]. */
  bias: number;
}

export interface TrainingSliderOptions {
  title: string;
  /** The data (x, t). */
  x: number[];
  t: number[];
  grid: number[];
  frames: TrainingFrame[];
  /** The frame the figure opens at (default the last: the trained network, what a static image shows). */
  active?: number;
}

/**
 * A fit over training with a slider over the recorded steps: the data (`palette.data`), the network's
 * output y(x) (`palette.prediction`) and, in the output's colour faded, one line style each, every hidden
 * unit's contribution w⁽²⁾ⱼ zⱼ(x) and the bias (dotted), which add up to y (eq. (6)). Every
 * slider position is computed here and baked into the figure (plotly `update` steps), so it works
 * with no kernel. It opens at `active`, by default the last frame.
 * @throws InvalidArgumentError for no frames or a bad `active`; ShapeError when a frame's curves do not
 *   have one value per grid point, or frames differ in their number of hidden units
 * @example
 * trainingSliderFigure({ title: "sin", x: [0], t: [0], grid: [0, 1], frames: [{ step: 0, E: 1, y: [0, 1], contributions: [[0, 1]], bias: 0 }] }).data.length; // => 4
 * @see notebooks/04-backpropagation-tanh-network.ipynb §4.7, eq. (6)
 */
export function trainingSliderFigure(options: TrainingSliderOptions): Figure {
  const caller = "trainingSliderFigure";
  rejectUnknownOptions(caller, options, ["title", "x", "t", "grid", "frames", "active"]);
  const x = requireFiniteVector(caller, "x", options.x),
    t = requireFiniteVector(caller, "t", options.t);
  const grid = requireFiniteVector(caller, "grid", options.grid);
  if (t.length !== x.length)
    throw new ShapeError(`${caller}: t has length ${t.length}; expected ${x.length} (one per x)`);
  const frames = options.frames;
  if (!Array.isArray(frames) || frames.length === 0)
    throw new InvalidArgumentError(`${caller}: frames is empty; expected at least one frame`);
  const M = frames[0].contributions.length;
  frames.forEach((f, k) => {
    if (f.contributions.length !== M)
      throw new ShapeError(
        `${caller}: frames[${k}] has ${f.contributions.length} hidden units; expected ${M} (as frames[0])`,
      );
    for (const [name, row] of [
      ["y", f.y],
      ...f.contributions.map((c, j) => [`contributions[${j}]`, c] as const),
    ] as const) {
      const values = requireFiniteVector(caller, `frames[${k}].${name}`, row);
      if (values.length !== grid.length)
        throw new ShapeError(
          `${caller}: frames[${k}].${name} has length ${values.length}; expected ${grid.length} (one per grid point)`,
        );
    }
  });
  const active =
    options.active === undefined
      ? frames.length - 1
      : requireInteger(caller, "active", options.active, 0, frames.length - 1);
  // The parts of y take the output's colour, faded, and one line style per unit (the bias dotted).
  const unitDashes = ["dash", "dashdot", "longdash", "longdashdot", "5px,3px,1px,3px"];
  const moving = Array.from({ length: M + 2 }, (_, n) => n + 1); // y, the M contributions, the bias
  const traces = (f: TrainingFrame) => ({
    x: [grid, ...f.contributions.map(() => grid), [grid[0], grid[grid.length - 1]]],
    y: [f.y, ...f.contributions, [f.bias, f.bias]],
  });
  const title = (f: TrainingFrame) =>
    `${options.title}: step ${f.step}, E = ${formatNumber(f.E, 3)}`;
  const start = traces(frames[active]);
  const all = [...x, ...t, ...frames.flatMap((f) => [...f.y, ...f.contributions.flat(), f.bias])];
  const lo = Math.min(...all),
    hi = Math.max(...all),
    pad = 0.05 * (hi - lo || 1);
  return {
    data: [
      { x, y: t, mode: "markers", name: "data", marker: { color: palette.data, size: 6 } },
      {
        x: start.x[0],
        y: start.y[0],
        mode: "lines",
        name: "network y(x)",
        line: { color: palette.prediction, width: 3 },
      },
      ...Array.from({ length: M }, (_, j) => ({
        x: start.x[j + 1],
        y: start.y[j + 1],
        mode: "lines",
        name: `unit ${j + 1}: w⁽²⁾${subscript(j + 1)} z${subscript(j + 1)}(x)`,
        line: { color: palette.prediction, dash: unitDashes[j % unitDashes.length], width: 2 },
        opacity: 0.6,
      })),
      {
        x: start.x[M + 1],
        y: start.y[M + 1],
        mode: "lines",
        name: "bias w⁽²⁾₀",
        line: { color: palette.prediction, dash: "dot", width: 2 },
        opacity: 0.6,
      },
    ],
    layout: {
      title: { text: title(frames[active]) },
      height: 520,
      xaxis: { title: { text: "x" }, range: spanOf(grid, x) },
      yaxis: { title: { text: "y" }, range: [lo - pad, hi + pad] },
      // The legend sits right of the plot, clear of the slider below it.
      legend: { orientation: "v", x: 1.02, y: 1 },
      margin: { r: 230, b: 110 },
      sliders: [
        {
          active,
          currentvalue: { prefix: "gradient-descent step " },
          pad: { t: 50 },
          steps: frames.map((f) => ({
            label: String(f.step),
            method: "update",
            args: [traces(f), { "title.text": title(f) }, moving],
          })),
        },
      ],
    },
  };
}

/**
 * A small loss curve (log scale) as SVG text: cheap enough to redraw in place every few hundred training
 * steps, and it needs no script to show. The curve is the error's colour (`palette.curve`) and ends in a
 * dot; the caption gives the last value and the number of steps, and the axis is labelled at its top
 * and bottom with the largest and smallest value drawn (a range, not a start and an end).
 * @throws InvalidArgumentError for an empty list or a loss that is not finite and > 0
 * @example
 * lossCurveSvg([1, 0.5, 0.1], "x²").includes("x² 0.1 after 2 steps"); // => true
 * @see notebooks/04-backpropagation-tanh-network.ipynb §4.6
 */
export function lossCurveSvg(losses: number[], label = ""): string {
  const caller = "lossCurveSvg";
  const values = requireFiniteVector(caller, "losses", losses);
  values.forEach((v, n) => {
    if (v <= 0)
      throw new InvalidArgumentError(
        `${caller}: losses[${n}] is ${v}; expected a number > 0 (the scale is logarithmic)`,
      );
  });
  const width = 360,
    height = 120,
    gutter = 52, // room left of the box for the axis labels
    pad = 8;
  // At most ~400 points: enough for 300 pixels, and a redraw stays a few kilobytes however long training runs.
  const stride = Math.ceil(values.length / 400);
  const kept = values
    .map((v, n) => ({ v, n }))
    .filter(({ n }) => n % stride === 0 || n === values.length - 1);
  const logs = kept.map(({ v }) => Math.log10(v));
  const lo = Math.min(...logs),
    hi = Math.max(...logs),
    span = hi - lo || 1;
  const last = Math.max(1, values.length - 1);
  const xy = (m: number) => [
    gutter + pad + (kept[m].n / last) * (width - gutter - 2 * pad),
    pad + ((hi - logs[m]) / span) * (height - 2 * pad),
  ];
  const points = logs
    .map((_, m) =>
      xy(m)
        .map((c) => c.toFixed(1))
        .join(","),
    )
    .join(" ");
  const [endX, endY] = xy(kept.length - 1);
  const axisLabel = (y: number, value: number) =>
    `<text x="${gutter - 4}" y="${y + 4}" font-size="11" text-anchor="end">${formatNumber(value, 2)}</text>`;
  const text = `${escapeHtml(label)} ${formatNumber(values[values.length - 1])} after ${values.length - 1} steps`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + 34}" font-family="Helvetica, Arial, sans-serif">` +
    `<rect x="${gutter}" y="0" width="${width - gutter}" height="${height}" fill="none" stroke="${ink}" stroke-opacity="0.25"/>` +
    axisLabel(pad, 10 ** hi) +
    axisLabel(height - pad, 10 ** lo) +
    `<polyline points="${points}" fill="none" stroke="${palette.curve}" stroke-width="1.5"/>` +
    `<circle cx="${endX.toFixed(1)}" cy="${endY.toFixed(1)}" r="3" fill="${palette.curve}"/>` +
    `<text x="${gutter}" y="${height + 14}" font-size="12">${text}</text>` +
    `<text x="${gutter}" y="${height + 30}" font-size="11" fill-opacity="0.7">log scale; the dot is the last value</text></svg>`
  );
}

/**
 * Tick values for a logarithmic axis from lo to hi: every m·10ᵏ in the range for m in `mantissas`,
 * labelled with the full number ("8000", never a bare minor digit "8").
 */
function logTicks(lo: number, hi: number, mantissas: number[]): { vals: number[]; text: string[] } {
  const vals: number[] = [];
  for (let k = Math.floor(Math.log10(lo)); k <= Math.ceil(Math.log10(hi)); k++)
    for (const m of mantissas) {
      const v = Number((m * 10 ** k).toPrecision(12));
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) vals.push(v);
    }
  return { vals, text: vals.map((v) => formatNumber(v)) };
}

/**
 * `logTicks` for an axis that plotly ranges itself: one tick more on each side, which shows when the
 * axis's padding reaches it (plotly draws no tick outside the axis).
 */
function paddedLogTicks(lo: number, hi: number, mantissas: number[]) {
  return logTicks(lo / 10, hi * 10, mantissas);
}

/** A logarithmic axis with a tick, labelled in full, at each of `tickvals` (and a fixed range in log₁₀). */
function logAxis(title: string, tickvals: number[], range?: number[]): Record<string, unknown> {
  return {
    title: { text: title },
    type: "log",
    ...(range === undefined ? {} : { range }),
    tickvals,
    ticktext: tickvals.map((v) => formatNumber(v)),
  };
}

/** The layout of a figure on two log axes, its legend in a row below the plot. */
function logLogLayout(title: string, xaxis: object, yaxis: object): Record<string, unknown> {
  return {
    title: { text: title },
    height: 420,
    xaxis,
    yaxis,
    legend: { orientation: "h", x: 0, y: -0.22 },
    margin: { b: 90 },
  };
}

/** A value on a log axis: a finite number > 0, or the error naming where it came from. */
function logValue(caller: string, name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0)
    throw new InvalidArgumentError(
      `${caller}: ${name} is ${value}; expected a number > 0 (the axes are logarithmic)`,
    );
  return value;
}

/** One network size of `gradientCostFigure`: W and the milliseconds of E and of ∇E by two methods. */
export interface GradientCost {
  W: number;
  forward: number;
  backprop: number;
  differences: number;
}

/**
 * The time of one forward pass (E, `palette.curve`) and of one gradient ∇E by back-propagation and by
 * finite differences (`palette.gradient`, the latter dashed) against the number of weights W, both axes
 * logarithmic, ticks labelled with full numbers (the x ticks at the W measured).
 * @throws InvalidArgumentError for no rows, or a W or a time that is not a finite number > 0
 * @example
 * gradientCostFigure([{ W: 16, forward: 0.01, backprop: 0.02, differences: 0.3 }], "cost").data.length; // => 3
 * @see notebooks/04-backpropagation-tanh-network.ipynb §4.5
 */
export function gradientCostFigure(rows: GradientCost[], title = ""): Figure {
  const caller = "gradientCostFigure";
  if (!Array.isArray(rows) || rows.length === 0)
    throw new InvalidArgumentError(`${caller}: rows is empty; expected at least one { W, … }`);
  const column = (key: keyof GradientCost) =>
    rows.map((row, n) => logValue(caller, `rows[${n}].${key}`, row?.[key]));
  const W = column("W"),
    times = [column("forward"), column("backprop"), column("differences")];
  const all = times.flat();
  const y = paddedLogTicks(Math.min(...all), Math.max(...all), [1]);
  const curve = (name: string, values: number[], color: string, dash: string) => ({
    x: W,
    y: values,
    mode: "lines+markers",
    name,
    line: { color, dash, width: 2 },
    marker: { color, size: 7 },
  });
  return {
    data: [
      curve("forward pass (E)", times[0], palette.curve, "solid"),
      curve("back-propagation (∇E)", times[1], palette.gradient, "solid"),
      curve("finite differences (∇E)", times[2], palette.gradient, "dash"),
    ],
    layout: logLogLayout(
      title,
      logAxis("W (number of weights)", W),
      logAxis("milliseconds", y.vals),
    ),
  };
}

/** The curves of `earlyStoppingFigure`: errors (> 0) at the recorded steps (> 0), and the step kept. */
export interface EarlyStoppingCurves {
  title: string;
  step: number[];
  training: number[];
  validation: number[];
  /** The step whose weights early stopping keeps (where the validation error was lowest). */
  stop: number;
}

/**
 * Training and validation error against the step (`palette.training`, `palette.validation`), both axes
 * logarithmic with full-number ticks (the last step labelled as it is, e.g. "8000"), and a dotted line
 * in the validation colour at the step early stopping keeps.
 * @throws InvalidArgumentError for empty curves, a step or an error that is not a finite number > 0;
 *   ShapeError when the curves differ in length from the steps
 * @example
 * earlyStoppingFigure({ title: "", step: [10, 20], training: [0.5, 0.4], validation: [0.6, 0.7], stop: 10 }).data.length; // => 3
 * @see notebooks/04-backpropagation-tanh-network.ipynb §4.9
 */
export function earlyStoppingFigure(curves: EarlyStoppingCurves): Figure {
  const caller = "earlyStoppingFigure";
  rejectUnknownOptions(caller, curves, ["title", "step", "training", "validation", "stop"]);
  const positive = (name: string, values: number[]) => {
    const list = requireFiniteVector(caller, name, values);
    if (list.length === 0) throw new InvalidArgumentError(`${caller}: ${name} is empty`);
    return list.map((v, n) => logValue(caller, `${name}[${n}]`, v));
  };
  const step = positive("step", curves.step);
  const [training, validation] = [
    positive("training", curves.training),
    positive("validation", curves.validation),
  ];
  for (const [name, list] of [
    ["training", training],
    ["validation", validation],
  ] as const)
    if (list.length !== step.length)
      throw new ShapeError(
        `${caller}: ${name} has length ${list.length}; expected ${step.length} (one per step)`,
      );
  const [first, last] = [Math.min(...step), Math.max(...step)];
  const x = logTicks(first, last, [1, 3]);
  // The last step gets its own label; a tick closer to it than 0.15 decade would crowd it.
  const near = (v: number) => Math.log10(last / v) < 0.15;
  const xVals = [...x.vals.filter((v) => !near(v)), last];
  const errors = [...training, ...validation];
  const [lo, hi] = [Math.min(...errors), Math.max(...errors)];
  const y = paddedLogTicks(lo, hi, [1, 2, 3, 5]);
  return {
    data: [
      {
        x: step,
        y: training,
        mode: "lines",
        name: "training error",
        line: { color: palette.training, width: 2 },
      },
      {
        x: step,
        y: validation,
        mode: "lines",
        name: "validation error",
        line: { color: palette.validation, width: 2 },
      },
      {
        x: [curves.stop, curves.stop],
        y: [lo, hi],
        mode: "lines",
        name: `early stop (step ${formatNumber(curves.stop)})`,
        line: { color: palette.validation, dash: "dot", width: 2 },
      },
    ],
    layout: logLogLayout(
      curves.title,
      logAxis("gradient-descent step (log scale)", xVals, [Math.log10(first), Math.log10(last)]),
      logAxis("RMS error (log scale)", y.vals),
    ),
  };
}

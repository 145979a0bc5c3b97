/**
 * Measure 7, steps to a tolerance for each optimiser of lesson 6 (src/optim), each at its own tuned
 * settings: a grid search over η (and β, ρ, β₁/β₂) per method, keeping the setting that reaches the
 * tolerance in the fewest steps (a setting that diverges or does not reach it within the budget is
 * out). Step counts are deterministic: they do not depend on the machine or its load.
 *
 * Problems: lesson 3's linear neuron on data/linear-neuron/train.csv from (−1, −1), until the
 * distance to the minimum ŵ is ≤ 1e-6 × the start's (with the theory's prediction for plain descent
 * and heavy ball beside it); lesson 4's 1-3-1 tanh network on Bishop's Fig. 5.3 targets (50 evenly
 * spaced x in [−1, 1]), whose minima are unknown, until the mean error E/N is at most what plain
 * descent at the benchmark's standard η reaches in a fixed number of steps (the reference run).
 */
import path from "node:path";
import { lusolve } from "mathjs";
import { dataDir } from "../scripts/paths.mjs";
import {
  adam,
  bestMomentumSettings,
  bestPlainSettings,
  column,
  DivergenceError,
  gradientDescent,
  LinearNeuron,
  loadCsv,
  momentum,
  momentumFactor,
  nesterov,
  plainDescent,
  plainDescentFactor,
  rmsprop,
  symmetricEigenvalues,
  tanhNetworkModel,
  type DescentState,
  type Model,
  type Optimizer,
} from "../src/internal";
import { networkFor, oneInput } from "./problems";

/** One optimiser's best setting on one problem. */
export interface OptimizerRow {
  method: string;
  /** The winning optimiser's label, e.g. "momentum (β = 0.9)"; "" when no setting reached it. */
  label: string;
  learningRate: number | null;
  /** Fewest steps to the tolerance over the grid; null when no setting reached it within the budget. */
  steps: number | null;
  /** steps / plain descent's steps on the same problem. */
  vsPlain: number | null;
  /** Settings tried (η × the method's other settings). */
  settingsTried: number;
  /**
   * The winner's η (or β, ρ) is still the largest or smallest tried after the grid grew
   * `maxExtensions` times past that end: a wider grid might do better.
   */
  atGridEdge: boolean;
  /** The range searched, grown past the grid's ends where the winner sat: η, and β or ρ. */
  searched: { learningRates: [number, number]; values?: [number, number] };
}

export interface OptimizerProblem {
  problem: string;
  /** What "reached" means on this problem. */
  tolerance: string;
  /** The most steps a run may take. */
  budget: number;
  rows: OptimizerRow[];
  /** Linear neuron only: κ and the steps the theory's factors predict at the best settings, ln(1e-6)/ln r. */
  theory?: {
    kappa: number;
    plainSteps: number;
    momentumSteps: number;
    plainLearningRate: number;
    momentum: { learningRate: number; beta: number };
  };
}

export interface OptimizersResult {
  /** The grid of every method: η values and the other settings. */
  grid: { learningRates: number[]; betas: number[]; rhos: number[]; adam: [number, number][] };
  problems: OptimizerProblem[];
}

interface Grid {
  learningRates: number[];
  betas: number[];
  rhos: number[];
  adam: [number, number][];
}

/** η = 2^(k/2) from about 1e-3 to 8 (a factor √2 apart), or 2^k from 1/16 to 4 with --quick. */
function grid(quick: boolean): Grid {
  if (quick)
    return {
      learningRates: [4, 2, 1, 0.5, 0.25, 0.125, 0.0625],
      betas: [0.9],
      rhos: [0.9],
      adam: [[0.9, 0.999]],
    };
  return {
    learningRates: Array.from({ length: 27 }, (_, k) => 2 ** ((6 - k) / 2)), // 8 … 2⁻¹⁰
    betas: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99],
    rhos: [0.9, 0.99, 0.999],
    // β₁ as widely as momentum's β (lesson 6 §6.4: on the bowl Adam's best β₁ is far below 0.9),
    // each with both usual β₂: 12 settings against momentum's 11.
    adam: [0.1, 0.3, 0.5, 0.7, 0.8, 0.9].flatMap((beta1): [number, number][] => [
      [beta1, 0.99],
      [beta1, 0.999],
    ]),
  };
}

/**
 * A method and its setting besides η: the values to try and the optimiser for each. For momentum,
 * Nesterov (β) and RMSProp (ρ) the values are in increasing order and the grid can grow past either
 * end; plain descent has one value and Adam's (β₁, β₂) pairs (by index) have no order.
 */
interface Method {
  method: string;
  values: number[];
  make: (value: number) => Optimizer;
  ordered: boolean;
}

function methods(g: Grid): Method[] {
  return [
    { method: "plain descent", values: [0], make: () => plainDescent(), ordered: false },
    { method: "momentum", values: g.betas, make: (beta) => momentum({ beta }), ordered: true },
    { method: "Nesterov", values: g.betas, make: (beta) => nesterov({ beta }), ordered: true },
    { method: "RMSProp", values: g.rhos, make: (rho) => rmsprop({ rho }), ordered: true },
    {
      method: "Adam",
      values: g.adam.map((_, i) => i),
      make: (i) => adam({ beta1: g.adam[i][0], beta2: g.adam[i][1] }),
      ordered: false,
    },
  ];
}

/** How many times a grid may grow past an end where the winner sits. */
const maxExtensions = 8;

/** Steps until `reached` (at most `cap`), or null if it diverges or does not get there. */
function stepsTo<D extends { X: ArrayLike<unknown> }>(
  model: Model<D>,
  data: D,
  w0: number[],
  learningRate: number,
  optimizer: Optimizer,
  reached: (state: DescentState) => boolean,
  cap: number,
): number | null {
  let last: DescentState | undefined;
  try {
    gradientDescent(model, data, w0, {
      learningRate,
      steps: cap,
      optimizer,
      stopWhen: (state) => {
        last = state;
        return reached(state);
      },
    });
  } catch (error) {
    if (error instanceof DivergenceError) return null;
    throw error;
  }
  return last !== undefined && reached(last) ? last.step : null;
}

/**
 * Each method's fewest steps over its grid. A run may take no more steps than the best so far. When
 * the winner sits at an end of the η grid (a factor √2 further out is added) or of its β or ρ (halfway
 * to 1 above, half the value below), the grid grows there and the new settings are tried, up to
 * `maxExtensions` times: a winner at the edge of what was tried is not known to be the best.
 */
function tune<D extends { X: ArrayLike<unknown> }>(
  g: Grid,
  model: Model<D>,
  data: D,
  w0: number[],
  reached: (state: DescentState) => boolean,
  budget: number,
): OptimizerRow[] {
  const rows = methods(g).map(({ method, make, ordered, ...m }) => {
    const rates = g.learningRates.slice(); // from the largest η down
    const values = m.values.slice();
    const tried = new Set<string>();
    let best: { steps: number; label: string; learningRate: number; value: number } | undefined;
    const search = () => {
      for (const value of values)
        for (const learningRate of rates) {
          const key = `${value} ${learningRate}`;
          if (tried.has(key)) continue;
          tried.add(key);
          const cap = best === undefined ? budget : best.steps - 1;
          const optimizer = make(value);
          const steps =
            cap < 1 ? null : stepsTo(model, data, w0, learningRate, optimizer, reached, cap);
          if (steps !== null) best = { steps, label: optimizer.label, learningRate, value };
        }
    };
    // Which end of the grid the winner sits at, if any.
    const ends = () => ({
      rate:
        best?.learningRate === rates[0]
          ? "high"
          : best?.learningRate === rates[rates.length - 1]
            ? "low"
            : null,
      value:
        !ordered || values.length < 2
          ? null
          : best?.value === values[0]
            ? "low"
            : best?.value === values[values.length - 1]
              ? "high"
              : null,
    });
    search();
    for (let round = 0; round < maxExtensions && best !== undefined; round++) {
      const { rate, value } = ends();
      if (rate === null && value === null) break;
      if (rate === "high") rates.unshift(rates[0] * Math.SQRT2);
      if (rate === "low") rates.push(rates[rates.length - 1] / Math.SQRT2);
      if (value === "high") values.push(1 - (1 - values[values.length - 1]) / 2);
      if (value === "low") values.unshift(values[0] / 2);
      search();
    }
    const { rate, value } = ends();
    return {
      method,
      label: best?.label ?? "",
      learningRate: best?.learningRate ?? null,
      steps: best?.steps ?? null,
      vsPlain: null as number | null,
      settingsTried: tried.size,
      atGridEdge: best !== undefined && (rate !== null || value !== null),
      searched: {
        learningRates: [rates[rates.length - 1], rates[0]] as [number, number],
        ...(ordered ? { values: [values[0], values[values.length - 1]] as [number, number] } : {}),
      },
    };
  });
  const plain = rows[0].steps;
  for (const row of rows)
    row.vsPlain = plain === null || row.steps === null ? null : row.steps / plain;
  return rows;
}

/** Lesson 3's problem, loaded as notebook 03 loads it, with its minimum and Hessian eigenvalues. */
function linearNeuronProblem(g: Grid, quick: boolean): OptimizerProblem {
  const table = loadCsv(path.join(dataDir, "linear-neuron", "train.csv"));
  const train = { X: table.rows.map((row) => [row[0], row[1]]), t: column(table, "t") };
  const neuron = new LinearNeuron(2);
  const N = train.X.length;
  const H = neuron.hessian(train);
  const b = [0, 1].map((i) => train.X.reduce((s, x, n) => s + (train.t[n] * x[i]) / N, 0));
  const wBest = (lusolve(H, b) as number[][]).map((row) => row[0]);
  const distance = (w: number[]) => Math.hypot(w[0] - wBest[0], w[1] - wBest[1]);
  const w0 = [-1, -1];
  const factor = quick ? 1e-3 : 1e-6;
  const reached = (s: DescentState) => distance(s.w) <= factor * distance(w0);
  const budget = quick ? 200 : 5000;
  const [lambdaMin, lambdaMax] = symmetricEigenvalues(H).sort((p, q) => p - q);
  const kappa = lambdaMax / lambdaMin;
  const predicted = (r: number) => Math.ceil(Math.log(factor) / Math.log(r));
  return {
    problem: "linear neuron (lesson 3)",
    tolerance: `distance to ŵ ≤ ${factor.toExponential(0).replace("e-", "e−")} × the start's`,
    budget,
    rows: tune(g, neuron, train, w0, reached, budget),
    theory: {
      kappa,
      plainSteps: predicted(plainDescentFactor(kappa)),
      momentumSteps: predicted(momentumFactor(kappa)),
      plainLearningRate: bestPlainSettings(lambdaMin, lambdaMax).learningRate,
      momentum: bestMomentumSettings(lambdaMin, lambdaMax),
    },
  };
}

/** Bishop's Fig. 5.3 targets on a 1-3-1 network: steps to the loss of a reference run of plain descent. */
function tanhProblems(g: Grid, quick: boolean): OptimizerProblem[] {
  const targets: [string, (x: number) => number][] = [
    ["x²", (x) => x * x],
    ["sin(πx)", (x) => Math.sin(Math.PI * x)],
    ["|x|", (x) => Math.abs(x)],
    ["H(x)", (x) => (x < 0 ? 0 : 1)],
  ];
  const referenceSteps = quick ? 50 : 10000;
  return targets.slice(0, quick ? 1 : targets.length).map(([name, f]) => {
    const p = oneInput("1-3-1", 3, quick ? 5 : 50, f); // the same start for every target
    const net = networkFor(p);
    const w0 = Array.from(net.parameters);
    const model = tanhNetworkModel(net);
    const data = { X: p.X, T: p.T };
    const reference = gradientDescent(model, data, w0, {
      learningRate: p.learningRate,
      steps: referenceSteps,
    });
    const target = reference.losses[referenceSteps];
    const budget = 2 * referenceSteps;
    return {
      problem: `tanh 1-3-1 on ${name} (lesson 4)`,
      tolerance: `E/N ≤ ${target.toPrecision(4)}, plain descent's after ${referenceSteps} steps of η = ${p.learningRate}`,
      budget,
      rows: tune(g, model, data, w0, (s) => s.loss <= target, budget),
    };
  });
}

/** Measure 7: the fewest steps to each problem's tolerance, per optimiser, over its grid. */
export function measureOptimizers(quick: boolean): OptimizersResult {
  const g = grid(quick);
  return { grid: g, problems: [linearNeuronProblem(g, quick), ...tanhProblems(g, quick)] };
}

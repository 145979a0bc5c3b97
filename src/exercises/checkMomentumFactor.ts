/**
 * Exercise checker for notebook 6: the momentum β that makes heavy ball, at a given learning rate,
 * shrink the distance to the minimum of a quadratic by a target factor ρ per step. The check runs the
 * course's optimiser (`gradientDescent` with `momentum`) and measures the factor.
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb (exercises)
 */
import { formatNumber } from "../display/format";
import { DivergenceError, InvalidArgumentError } from "../errors/errors";
import { requireFiniteVector, requireFunction, requirePositive } from "../errors/validate";
import { gradientDescent } from "../optim/gradientDescent";
import { momentum } from "../optim/momentum";
import type { Model } from "../optim/model";
import { defineChecker } from "./defineChecker";
import { callLearner, diagnose, requireFiniteAnswer, type ExerciseOptions } from "./feedback";
import { randomTestPoints } from "./testPoints";

/**
 * The quadratic, the learning rate, the targets' range, the label and hint.
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb, Exercises
 */
export interface CheckMomentumFactorOptions extends ExerciseOptions {
  /** The Hessian's eigenvalues [λ_min, λ_max] of the quadratic the runs descend. */
  eigenvalues: number[];
  /** η of every run. */
  learningRate: number;
  /** Targets ρ are drawn uniformly from this range (default [0.45, 0.9]). */
  range?: [number, number];
  /** How many targets (default 6). */
  points?: number;
  seed?: number;
}

const FROM = 100,
  TO = 300,
  WINDOW = 20;

/**
 * The per-step factor of heavy ball (η, β) on E = ½ Σᵢ λᵢ wᵢ², measured on a run from w = (1, 1): the
 * largest distance to the minimum over steps [TO, TO + WINDOW) against that over [FROM, FROM + WINDOW),
 * to the power 1/(TO − FROM). Taking the largest over a window ignores the oscillation of a run whose
 * distance swings. Infinity when the run diverges.
 */
export function measuredMomentumFactor(
  eigenvalues: number[],
  learningRate: number,
  beta: number,
): number {
  const model: Model<{ X: number[][] }> = {
    loss: (w) => eigenvalues.reduce((s, l, i) => s + 0.5 * l * w[i] * w[i], 0),
    gradient: (w, _data, _batch, out = new Array<number>(w.length)) => {
      eigenvalues.forEach((l, i) => (out[i] = l * w[i]));
      return out;
    },
  };
  let path: number[][];
  try {
    path = gradientDescent(
      model,
      { X: [[]] },
      eigenvalues.map(() => 1),
      {
        learningRate,
        steps: TO + WINDOW,
        optimizer: momentum({ beta }),
      },
    ).path;
  } catch (error) {
    if (error instanceof DivergenceError) return Infinity;
    throw error;
  }
  const largest = (from: number) =>
    Math.max(...path.slice(from, from + WINDOW).map((w) => Math.hypot(...w)));
  return (largest(TO) / largest(FROM)) ** (1 / (TO - FROM));
}

const caller = "checkMomentumFactor";
// What evaluateMomentumFactorAnswer and checkMomentumFactor check (their doc comments below say what).
const momentumFactor = defineChecker<[answer: (rho: number) => number], CheckMomentumFactorOptions>(
  {
    name: caller,
    parameters: [["answer", requireFunction]],
    options: ["eigenvalues", "learningRate", "range", "points", "seed"],
    hint: "when both roots of heavy ball's iteration are complex, every direction shrinks by √β per step.",
    evaluate([answer], options, hint) {
      const eigenvalues = requireFiniteVector(caller, "eigenvalues", options.eigenvalues);
      eigenvalues.forEach((l, i) => requirePositive(caller, `eigenvalues[${i}]`, l));
      const learningRate = requirePositive(caller, "learningRate", options.learningRate);
      const [low, high] = options.range ?? [0.45, 0.9];
      if (!(low > 0 && high < 1 && low < high))
        throw new InvalidArgumentError(
          `${caller}: range is [${low}, ${high}]; expected 0 < from < to < 1`,
        );
      const targets = randomTestPoints(
        caller,
        { dimension: 1, range: [low, high], points: options.points ?? 6, seed: options.seed },
        7,
      ).points.map(([r]) => r);
      const betas: number[] = [];
      for (const rho of targets) {
        const called = callLearner(() => answer(rho), `at ρ = ${formatNumber(rho)}`, hint);
        if (called.result) return called.result;
        const beta = requireFiniteAnswer(called.value, `At ρ = ${formatNumber(rho)}`, "β");
        if (typeof beta !== "number") return beta;
        if (beta < 0 || beta >= 1)
          return {
            passed: false,
            message: `✗ At ρ = ${formatNumber(rho)} your β is ${formatNumber(beta)}; a momentum must be in [0, 1).`,
          };
        betas.push(beta);
      }
      const factors = betas.map((b) => measuredMomentumFactor(eigenvalues, learningRate, b));
      const bad = factors.findIndex((f, k) => !(Math.abs(f / targets[k] - 1) <= 0.01));
      if (bad < 0)
        return {
          passed: true,
          message: `✓ Correct: at ${targets.length} random targets ρ in [${formatNumber(low)}, ${formatNumber(high)}], heavy ball with your β shrinks the distance by ρ per step (measured from step ${FROM} to step ${TO} of each run, within 1%).`,
        };
      const found = targets.map((rho) => bisect(eigenvalues, learningRate, rho));
      const gives = Number.isFinite(factors[bad])
        ? `a factor of ${formatNumber(factors[bad], 4)} per step`
        : "a run that diverges";
      return {
        passed: false,
        message: `✗ At ρ = ${formatNumber(targets[bad])} your β = ${formatNumber(betas[bad])} gives ${gives}; the runs reach ρ at β ≈ ${formatNumber(found[bad], 4)}. ${diagnose(betas, found, { truth: "β the runs need", form: "how your β depends on ρ" })}`,
      };
    },
  },
);

/**
 * Checks a learner's `betaFor(ρ)`: at seeded random targets ρ, heavy ball with the learner's β at the
 * given η must shrink the distance by ρ per step, measured on a run (`measuredMomentumFactor`) to
 * within 1%. A wrong β is told the factor it gives, and how it compares with the β found by bisection
 * on the runs (a constant factor, the form in ρ).
 * @throws InvalidArgumentError for bad eigenvalues, learning rate or options
 * @example
 * evaluateMomentumFactorAnswer((rho) => rho * rho, { eigenvalues: [1, 4], learningRate: 4 / 9 }).passed; // => true
 * evaluateMomentumFactorAnswer((rho) => rho, { eigenvalues: [1, 4], learningRate: 4 / 9 }).message; // => "✗ At ρ = … your β = … gives a factor of … per step …"
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb §6.1, eq. (5)
 */
export const evaluateMomentumFactorAnswer = momentumFactor.evaluate;

/**
 * The β in [0, 1) whose measured factor is rho, on the branch above the β with the smallest factor
 * (below it the factor falls as β grows, above it it rises like √β): a coarse scan, then bisection.
 */
function bisect(eigenvalues: number[], learningRate: number, rho: number): number {
  const scan = Array.from({ length: 50 }, (_, k) => k / 50);
  const factors = scan.map((b) => measuredMomentumFactor(eigenvalues, learningRate, b));
  let [lo, hi] = [scan[factors.indexOf(Math.min(...factors))], 0.999];
  for (let k = 0; k < 40; k++) {
    const mid = (lo + hi) / 2;
    if (measuredMomentumFactor(eigenvalues, learningRate, mid) < rho) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Checks a learner's momentum for a target factor (see `evaluateMomentumFactorAnswer`) and shows the
 * verdict or the hint.
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb, Exercises
 */
export const checkMomentumFactor = momentumFactor.check;

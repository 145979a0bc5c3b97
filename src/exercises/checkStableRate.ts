/**
 * Exercise checker for notebook 1: the largest learning rate at which gradient descent on
 * q(x) = c·x² still converges, as a function of c.
 * @see notebooks/01-derivative-as-linear-approximation.ipynb (exercises)
 */
import { centralDifference } from "../calculus/centralDifference";
import { formatNumber } from "../display/format";
import { DivergenceError } from "../errors/errors";
import { requireFunction } from "../errors/validate";
import { defineChecker } from "./defineChecker";
import { callLearner, diagnose, requireFiniteAnswer, type ExerciseOptions } from "./feedback";
import { randomTestPoints } from "./testPoints";
import { descentSteps, type DescentState } from "../optim/gradientDescent";
import type { Model } from "../optim/model";

/**
 * The exercise's label and hint, and how many curvatures to test.
 * @see notebooks/01-derivative-as-linear-approximation.ipynb, Exercises
 */
export interface CheckStableRateOptions extends ExerciseOptions {
  /** How many random curvatures c, drawn log-uniformly from [0.1, 10] (default 8). */
  points?: number;
  /** Seed for the curvatures (default 4). */
  seed?: number;
}

const STEPS = 50;

/**
 * |x| after 50 steps of the course's gradient descent on c·x² from x = 1, the slope taken by central
 * differences; a run that grows past 10¹⁵⁰ stops there (it has diverged), and so does one whose loss
 * overflows (Infinity).
 */
function finalDistance(c: number, learningRate: number): number {
  const q = (x: number) => c * x * x;
  const model: Model<{ X: number[][] }> = {
    loss: (w) => q(w[0]),
    gradient: (w, _data, _batch, out = [0]) => {
      out[0] = centralDifference(q, w[0]);
      return out;
    },
  };
  const stopWhen = ({ w }: DescentState) => Math.abs(w[0]) >= 1e150;
  let x = 1;
  try {
    const run = descentSteps(model, { X: [[]] }, [1], { learningRate, steps: STEPS, stopWhen });
    for (const state of run) x = state.w[0];
  } catch (error) {
    if (error instanceof DivergenceError) return Infinity;
    throw error;
  }
  return Math.abs(x);
}

/** The learning rate where the runs turn from shrinking to growing, found by bisection on the runs. */
function measuredBound(c: number): number {
  let [low, high] = [0, 1 / c];
  while (finalDistance(c, high) <= 1) high *= 2;
  for (let i = 0; i < 60; i++) {
    const middle = (low + high) / 2;
    if (finalDistance(c, middle) <= 1) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

const caller = "checkStableRate";
// What evaluateStableRateAnswer and checkStableRate check (their doc comments below say what).
const stableRate = defineChecker<[answer: (c: number) => number], CheckStableRateOptions>({
  name: caller,
  parameters: [["answer", requireFunction]],
  options: ["points", "seed"],
  hint: "one step multiplies x by 1 − 2cη; it must stay between −1 and 1.",
  evaluate([answer], options, hint) {
    // c = 10^e with e uniform in [−1, 1]: log-uniform in [0.1, 10].
    const exponents = randomTestPoints(
      caller,
      { dimension: 1, range: [-1, 1], points: options.points ?? 8, seed: options.seed },
      4,
    ).points;
    const cs = exponents.map(([e]) => 10 ** e);
    const answers: number[] = [];
    for (const c of cs) {
      const where = `at c = ${formatNumber(c)}`;
      const called = callLearner(() => answer(c), where, hint);
      if (called.result) return called.result;
      const value = requireFiniteAnswer(called.value, `At c = ${formatNumber(c)}`, "bound");
      if (typeof value !== "number") return value;
      if (value <= 0)
        return {
          passed: false,
          message: `✗ At c = ${formatNumber(c)} your bound is ${formatNumber(value)}; a learning rate must be positive.`,
        };
      answers.push(value);
    }
    const failing = cs.findIndex(
      (c, i) =>
        !(finalDistance(c, 0.99 * answers[i]) < 1 && finalDistance(c, 1.01 * answers[i]) > 1),
    );
    if (failing < 0)
      return {
        passed: true,
        message: `✓ Correct: at ${cs.length} random c in [0.1, 10], 0.99 × your bound converges and 1.01 × your bound diverges.`,
      };
    const c = cs[failing];
    const bounds = cs.map(measuredBound);
    const tooLarge = finalDistance(c, 0.99 * answers[failing]) >= 1;
    const what = tooLarge
      ? "η = 0.99 × your bound already diverges"
      : "η = 1.01 × your bound still converges";
    return {
      passed: false,
      message: `✗ At c = ${formatNumber(c)} your bound is ${formatNumber(answers[failing])}, but ${what}: the runs turn from shrinking to growing at η ≈ ${formatNumber(bounds[failing])}. ${diagnose(answers, bounds, { truth: "largest stable rate", form: "how your bound depends on c" })}`,
    };
  },
});

/**
 * Checks a learner's `largestStableRate(c)` by running gradient descent on q(x) = c·x² (slopes by central
 * differences) at seeded random c: at 0.99 × the answer the iterates must shrink, at 1.01 × they must
 * grow. A wrong bound is compared with the bound measured by bisection on the runs, and the hint says
 * how far off it is (a constant factor, the form in c). The stub, a throw or NaN is reported, not thrown.
 * @example
 * evaluateStableRateAnswer((c) => 1 / c).passed; // => true
 * evaluateStableRateAnswer((c) => 2 / c).message; // => "✗ At c = … your bound is …, but η = 0.99 × your bound already diverges … It is 2 times the largest stable rate everywhere …"
 * @see notebooks/01-derivative-as-linear-approximation.ipynb, Exercises
 */
export const evaluateStableRateAnswer = stableRate.evaluate;

/**
 * Checks a learner's largest stable learning rate (see `evaluateStableRateAnswer`) and shows the verdict or the hint.
 * @see notebooks/01-derivative-as-linear-approximation.ipynb, Exercises
 */
export const checkStableRate = stableRate.check;

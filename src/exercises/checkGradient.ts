/**
 * Exercise checkers for notebook 2: a learner's gradient of a function of several parameters, and a
 * learner's steepest-descent direction. Both test the answer on seeded random inputs, so every run
 * gives the same verdict, and a wrong answer gets a hint that says where it is off and how.
 * @see notebooks/02-why-the-negative-gradient.ipynb (exercises)
 */
import { numericalGradient } from "../calculus/numericalGradient";
import { scaledError } from "../calculus/gradcheck";
import { angleBetween } from "../calculus/directions";
import { formatNumber } from "../display/format";
import { rejectUnknownOptions, requireFunction } from "../errors/validate";
import { createRandom } from "../random/createRandom";
import { diagnose } from "./checkDerivative";
import { callForVector, showExercise, vectorText, type ExerciseOptions, type ExerciseResult } from "./feedback";
import { randomTestPoints, testPointOptionNames, type TestPointOptions } from "./testPoints";

/** The exercise's label and hint, and where to test (names appear in hints as ∂f/∂name; default seed 2). */
export interface CheckGradientOptions extends ExerciseOptions, TestPointOptions {}

/**
 * Checks a learner's gradient of f against central differences (`numericalGradient`) at seeded random
 * points. Pass: every component within relative error 1e-6 at every point. A wrong answer is explained
 * for the first wrong component: the point, the learner's value, the true slope and the difference,
 * then whether the components are swapped, the sign is flipped, a constant factor or a constant term
 * is off, or the error varies from point to point.
 * @throws InvalidArgumentError for bad options (the learner's own mistakes are reported, not thrown)
 * @example
 * evaluateGradientAnswer(([w, b]) => [2 * w, 1], ([w, b]) => w * w + b, { names: ["w", "b"] }).passed; // => true
 * evaluateGradientAnswer(([w, b]) => [2 * w, -1], ([w, b]) => w * w + b, { names: ["w", "b"] }).message; // => "✗ ∂f/∂b is off: … The sign is flipped everywhere."
 * @see notebooks/02-why-the-negative-gradient.ipynb (exercises)
 */
export function evaluateGradientAnswer(answer: (theta: number[]) => number[], f: (theta: number[]) => number, options: CheckGradientOptions = {}): ExerciseResult {
  const caller = "checkGradient";
  requireFunction(caller, "answer", answer);
  requireFunction(caller, "f", f);
  rejectUnknownOptions(caller, options, [...testPointOptionNames, "label", "hint"]);
  const hint = options.hint ?? "write out each partial derivative ∂f/∂θᵢ by hand and return them in order.";
  const { names, points: thetas, low, high } = randomTestPoints(caller, options, 2);
  const dimension = names.length;
  const count = thetas.length;
  const truths = thetas.map((theta) => numericalGradient(f, theta));
  const answers: number[][] = [];
  for (const theta of thetas) {
    const value = callForVector(answer, theta, "θ", dimension, hint);
    if (!Array.isArray(value)) return value;
    answers.push(value);
  }
  for (let i = 0; i < dimension; i++) {
    const bad = thetas.findIndex((_, k) => scaledError(answers[k][i], truths[k][i]) > 1e-6);
    if (bad < 0) continue;
    const mine = answers.map((a) => a[i]);
    const swapped = names.findIndex((_, j) => j !== i && answers.every((a, k) => scaledError(a[i], truths[k][j]) <= 1e-6));
    const why = swapped >= 0 ? `It equals ∂f/∂${names[swapped]} at every point: the components are swapped.` : diagnose(mine, truths.map((t) => t[i]));
    const [a, t] = [answers[bad][i], truths[bad][i]];
    return {
      passed: false,
      message: `✗ ∂f/∂${names[i]} is off: at θ = ${vectorText(thetas[bad])} you give ${formatNumber(a)}, the slope of f there is ${formatNumber(t)} (off by ${formatNumber(a - t)}). ${why}`,
    };
  }
  const which = dimension <= 4 ? `every component (${names.map((n) => `∂f/∂${n}`).join(", ")})` : `all ${dimension} components`;
  return { passed: true, message: `✓ Correct: ${which} match${dimension <= 4 ? "es" : ""} the slopes of f at ${count} random points in [${low}, ${high}].` };
}

/** Checks a learner's gradient (see `evaluateGradientAnswer`) and shows the verdict or the hint. */
export function checkGradient(answer: (theta: number[]) => number[], f: (theta: number[]) => number, options: CheckGradientOptions = {}): void {
  showExercise(evaluateGradientAnswer(answer, f, options), options.label);
}

export interface CheckDescentDirectionOptions extends ExerciseOptions {
  /** Seed for the random gradients (default 3). */
  seed?: number;
}

/**
 * Checks a learner's steepest-descent direction: given a gradient g (two components), the answer must
 * be the unit vector of fastest first-order decrease,
 *
 *   u* = −g / ‖g‖   (β = 180° from the gradient, ‖u*‖ = 1)
 *
 * tested on 20 seeded random gradients of very different lengths. A wrong answer is told its angle to
 * the gradient (uphill when β < 90°) or its length (for instance −g itself, not divided by ‖g‖).
 * @example
 * evaluateDescentDirectionAnswer((g) => { const n = Math.hypot(g[0], g[1]); return [-g[0] / n, -g[1] / n]; }).passed; // => true
 * evaluateDescentDirectionAnswer((g) => [-g[0], -g[1]]).message; // => "✗ For ∇L = […] your u has length …; expected 1. …"
 * @see notebooks/02-why-the-negative-gradient.ipynb (exercises)
 */
export function evaluateDescentDirectionAnswer(answer: (gradient: number[]) => number[], options: CheckDescentDirectionOptions = {}): ExerciseResult {
  requireFunction("checkDescentDirection", "answer", answer);
  rejectUnknownOptions("checkDescentDirection", options, ["seed", "label", "hint"]);
  const seed = options.seed ?? 3;
  const hint = options.hint ?? "equation (10): point against the gradient, then divide by its length.";
  const random = createRandom(seed);
  const gradients = Array.from({ length: 20 }, () => {
    const scale = 10 ** random.uniform(-2, 2);
    return [scale * random.normal(), scale * random.normal()];
  });
  for (const g of gradients) {
    const u = callForVector(answer, g, "∇L", 2, hint);
    if (!Array.isArray(u)) return u;
    const length = Math.hypot(u[0], u[1]);
    if (length === 0) return { passed: false, message: `✗ For ∇L = ${vectorText(g)} your u is [0, 0]: a zero step goes nowhere. Point it against the gradient.` };
    const beta = angleBetween(u, g);
    if (Math.abs(beta - 180) > 1e-6) {
      const uphill = beta < 90 ? " It points uphill: the first-order change η‖∇L‖cos β is positive, so L grows." : beta === 90 ? "" : " It goes downhill, but not as fast as it could.";
      return { passed: false, message: `✗ For ∇L = ${vectorText(g)} your u = ${vectorText(u)} is at β = ${formatNumber(beta)}° from the gradient; the fastest decrease is at β = 180° (cos β = −1).${uphill}` };
    }
    if (Math.abs(length - 1) > 1e-9) {
      const gNorm = Math.hypot(g[0], g[1]);
      const hint = Math.abs(length - gNorm) <= 1e-9 * gNorm ? " You returned −∇L itself: divide it by its length ‖∇L‖." : " Divide by the length so that only the direction is left.";
      return { passed: false, message: `✗ For ∇L = ${vectorText(g)} your u has length ${formatNumber(length)}; expected 1. The direction is right (β = 180°).${hint}` };
    }
  }
  return { passed: true, message: `✓ Correct: for ${gradients.length} random gradients your u is a unit vector at 180° from the gradient.` };
}

/** Checks a learner's steepest-descent direction (see `evaluateDescentDirectionAnswer`) and shows the verdict. */
export function checkDescentDirection(answer: (gradient: number[]) => number[], options: CheckDescentDirectionOptions = {}): void {
  showExercise(evaluateDescentDirectionAnswer(answer, options), options.label);
}

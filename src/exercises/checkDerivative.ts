import { centralDifference } from "../calculus/centralDifference";
import { scaledError } from "../calculus/gradcheck";
import { formatNumber } from "../display/format";
import { rejectUnknownOptions, requireFunction } from "../errors/validate";
import { createRandom } from "../random/createRandom";
import { callLearner, requireFiniteAnswer, showExercise, type ExerciseOptions, type ExerciseResult } from "./feedback";

export type { ExerciseResult } from "./feedback";

export interface CheckDerivativeOptions extends ExerciseOptions {
  /** Where the test points are drawn from (default [−2, 2]). */
  range?: [number, number];
  /** How many random test points (default 20). */
  points?: number;
  /** Seed for the test points (default 1). */
  seed?: number;
}

/**
 * Why an answer is off, judged from the ratios and differences answer/truth at all test points: a
 * flipped sign, a constant factor, a constant offset, or an error that changes from point to point.
 * Shared by every checker, which applies it to one number (or one component) at a time.
 * @param what what the truth is called in the hint (default "true slope")
 * @example diagnose([-2, -4], [2, 4]); // => "The sign is flipped everywhere."
 */
export function diagnose(answers: number[], slopes: number[], what = "true slope"): string {
  const ratios = answers.map((a, i) => a / slopes[i]).filter(Number.isFinite);
  const differences = answers.map((a, i) => a - slopes[i]);
  const constant = (values: number[]) => values.length > 1 && values.every((v) => Math.abs(v - values[0]) <= 1e-4 * Math.max(1, Math.abs(values[0])));
  if (constant(ratios) && Math.abs(ratios[0] + 1) < 1e-4) return "The sign is flipped everywhere.";
  if (constant(ratios)) return `It is ${formatNumber(ratios[0])} times the ${what} everywhere: check the constant factor.`;
  if (constant(differences)) return `It is off by the same ${formatNumber(differences[0])} everywhere: check the constant term.`;
  return "The error changes from point to point: check the form of your derivative.";
}

/**
 * Checks a learner's derivative f′ against central differences of f at seeded random points, and
 * explains a wrong answer (the first bad point, and whether the sign, a factor or a constant is off).
 * Pass: relative error ≤ 1e-6 at every point (central differences are good to about 1e-10).
 * A learner function that throws (the `yourTurn()` stub: "Not answered yet" and the hint), returns NaN,
 * or calls a finite-difference helper itself is reported, not thrown; a constant answer fails on the
 * random points.
 * @throws InvalidArgumentError for an unknown option
 * @example
 * evaluateDerivativeAnswer((x) => 3 * x * x, (x) => x ** 3).passed; // => true
 * evaluateDerivativeAnswer((x) => 2 * x * x, (x) => x ** 3).message; // => "✗ At x = … your f′ gives …; the slope of f there is …. It is 0.6667 times …"
 * @see notebooks/01-derivative-as-linear-approximation.ipynb (exercises)
 */
export function evaluateDerivativeAnswer(answer: (x: number) => number, f: (x: number) => number, options: CheckDerivativeOptions = {}): ExerciseResult {
  requireFunction("checkDerivative", "answer", answer);
  requireFunction("checkDerivative", "f", f);
  rejectUnknownOptions("checkDerivative", options, ["range", "points", "seed", "label", "hint"]);
  const hint = options.hint ?? "differentiate f by hand and return f′(x).";
  const [low, high] = options.range ?? [-2, 2];
  const random = createRandom(options.seed ?? 1);
  const xs = Array.from({ length: options.points ?? 20 }, () => random.uniform(low, high));
  const slopes = xs.map((x) => centralDifference(f, x));
  const answers: number[] = [];
  for (const [i, x] of xs.entries()) {
    const called = callLearner(() => answer(x), `at x = ${formatNumber(x)}`, hint);
    if (called.result) return called.result;
    const value = requireFiniteAnswer(called.value, `At x = ${formatNumber(x)}`, "f′");
    if (typeof value !== "number") return { passed: false, message: `${value.message.slice(0, -1)} (the slope is ${formatNumber(slopes[i])}).` };
    answers.push(value);
  }
  const bad = answers.findIndex((a, i) => scaledError(a, slopes[i]) > 1e-6);
  if (bad < 0) return { passed: true, message: `✓ Correct: your f′ matches the slope of f at ${xs.length} random points in [${low}, ${high}].` };
  return {
    passed: false,
    message: `✗ At x = ${formatNumber(xs[bad])} your f′ gives ${formatNumber(answers[bad])}; the slope of f there is ${formatNumber(slopes[bad])}. ${diagnose(answers, slopes)}`,
  };
}

/** Checks a learner's derivative (see `evaluateDerivativeAnswer`) and shows the verdict or the hint. */
export function checkDerivative(answer: (x: number) => number, f: (x: number) => number, options: CheckDerivativeOptions = {}): void {
  showExercise(evaluateDerivativeAnswer(answer, f, options), options.label);
}

import { centralDifference } from "../calculus/centralDifference";
import { relativeError } from "../calculus/gradcheck";
import { escapeHtml, formatNumber } from "../display/format";
import { showHtml } from "../display/show";
import { requireFunction } from "../errors/validate";
import { createRandom } from "../random/createRandom";

export interface ExerciseResult {
  passed: boolean;
  /** What the learner reads: a confirmation, or a hint that says where and how the answer is off. */
  message: string;
}

export interface CheckDerivativeOptions {
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
 * Shared with the gradient checker (`checkGradient`), which applies it to one component at a time.
 * @example diagnose([-2, -4], [2, 4]); // => "The sign is flipped everywhere."
 */
export function diagnose(answers: number[], slopes: number[]): string {
  const ratios = answers.map((a, i) => a / slopes[i]).filter(Number.isFinite);
  const differences = answers.map((a, i) => a - slopes[i]);
  const constant = (values: number[]) => values.length > 1 && values.every((v) => Math.abs(v - values[0]) <= 1e-4 * Math.max(1, Math.abs(values[0])));
  if (constant(ratios) && Math.abs(ratios[0] + 1) < 1e-4) return "The sign is flipped everywhere.";
  if (constant(ratios)) return `It is ${formatNumber(ratios[0])} times the true slope everywhere: check the constant factor.`;
  if (constant(differences)) return `It is off by the same ${formatNumber(differences[0])} everywhere: check the constant term.`;
  return "The error changes from point to point: check the form of your derivative.";
}

/**
 * Checks a learner's derivative f′ against central differences of f at seeded random points, and
 * explains a wrong answer (the first bad point, and whether the sign, a factor or a constant is off).
 * Pass: relative error ≤ 1e-6 at every point (central differences are good to about 1e-10).
 * A learner function that throws (the "your turn" stub) or returns NaN is reported, not thrown.
 * @example
 * evaluateDerivativeAnswer((x) => 3 * x * x, (x) => x ** 3).passed; // => true
 * evaluateDerivativeAnswer((x) => 2 * x * x, (x) => x ** 3).message; // => "✗ At x = … your f′ gives …; the slope of f there is …. It is 0.6667 times …"
 * @see notebooks/01-derivative-as-linear-approximation.ipynb (exercises)
 */
export function evaluateDerivativeAnswer(answer: (x: number) => number, f: (x: number) => number, options: CheckDerivativeOptions = {}): ExerciseResult {
  requireFunction("checkDerivative", "answer", answer);
  requireFunction("checkDerivative", "f", f);
  const [low, high] = options.range ?? [-2, 2];
  const random = createRandom(options.seed ?? 1);
  const xs = Array.from({ length: options.points ?? 20 }, () => random.uniform(low, high));
  const slopes = xs.map((x) => centralDifference(f, x));
  const answers: number[] = [];
  for (const [i, x] of xs.entries()) {
    let value: unknown;
    try {
      value = answer(x);
    } catch (error) {
      return { passed: false, message: `✗ Your function threw at x = ${formatNumber(x)}: ${(error as Error).message}` };
    }
    if (typeof value !== "number" || !Number.isFinite(value)) {
      return { passed: false, message: `✗ At x = ${formatNumber(x)} your f′ returned ${String(value)}; expected a finite number (the slope is ${formatNumber(slopes[i])}).` };
    }
    answers.push(value);
  }
  const bad = answers.findIndex((a, i) => relativeError(a, slopes[i]) > 1e-6);
  if (bad < 0) return { passed: true, message: `✓ Correct: your f′ matches the slope of f at ${xs.length} random points in [${low}, ${high}].` };
  return {
    passed: false,
    message: `✗ At x = ${formatNumber(xs[bad])} your f′ gives ${formatNumber(answers[bad])}; the slope of f there is ${formatNumber(slopes[bad])}. ${diagnose(answers, slopes)}`,
  };
}

/** Checks a learner's derivative (see `evaluateDerivativeAnswer`) and shows the verdict or the hint. */
export function checkDerivative(answer: (x: number) => number, f: (x: number) => number, options: CheckDerivativeOptions = {}): void {
  const result = evaluateDerivativeAnswer(answer, f, options);
  const colour = result.passed ? "#1a7f37" : "#cf222e";
  showHtml(`<div class="downhill-exercise" style="color:${colour}">${escapeHtml(result.message)}</div>`);
}

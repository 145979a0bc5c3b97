import { centralDifference } from "../calculus/centralDifference";
import { scaledError } from "../calculus/gradcheck";
import { formatNumber } from "../display/format";
import { requireFunction } from "../errors/validate";
import { defineChecker } from "./defineChecker";
import { callLearner, diagnose, requireFiniteAnswer, type ExerciseOptions } from "./feedback";
import { randomTestPoints } from "./testPoints";

export type { ExerciseResult } from "./feedback";

/**
 * The exercise's label and hint, and where to test.
 * @see notebooks/01-derivative-as-linear-approximation.ipynb, Exercises
 */
export interface CheckDerivativeOptions extends ExerciseOptions {
  /** Where the test points are drawn from (default [−2, 2]). */
  range?: [number, number];
  /** How many random test points (default 20). */
  points?: number;
  /** Seed for the test points (default 1). */
  seed?: number;
}

const caller = "checkDerivative";
// What evaluateDerivativeAnswer and checkDerivative check (their doc comments below say what).
const derivative = defineChecker<
  [answer: (x: number) => number, f: (x: number) => number],
  CheckDerivativeOptions
>({
  name: caller,
  parameters: [
    ["answer", requireFunction],
    ["f", requireFunction],
  ],
  options: ["range", "points", "seed"],
  hint: "differentiate f by hand and return f′(x).",
  evaluate([answer, f], options, hint) {
    const { points, low, high } = randomTestPoints(
      caller,
      { dimension: 1, range: options.range, points: options.points ?? 20, seed: options.seed },
      1,
    );
    const xs = points.map(([x]) => x);
    const slopes = xs.map((x) => centralDifference(f, x));
    const answers: number[] = [];
    for (const [i, x] of xs.entries()) {
      const called = callLearner(() => answer(x), `at x = ${formatNumber(x)}`, hint);
      if (called.result) return called.result;
      const value = requireFiniteAnswer(
        called.value,
        `At x = ${formatNumber(x)}`,
        "f′",
        `the slope is ${formatNumber(slopes[i])}`,
      );
      if (typeof value !== "number") return value;
      answers.push(value);
    }
    const bad = answers.findIndex((a, i) => scaledError(a, slopes[i]) > 1e-6);
    if (bad < 0)
      return {
        passed: true,
        message: `✓ Correct: your f′ matches the slope of f at ${xs.length} random points in [${low}, ${high}].`,
      };
    return {
      passed: false,
      message: `✗ At x = ${formatNumber(xs[bad])} your f′ gives ${formatNumber(answers[bad])}; the slope of f there is ${formatNumber(slopes[bad])}. ${diagnose(answers, slopes)}`,
    };
  },
});

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
 * @see notebooks/01-derivative-as-linear-approximation.ipynb, Exercises
 * @see notebooks/04-backpropagation-tanh-network.ipynb, Exercises
 */
export const evaluateDerivativeAnswer = derivative.evaluate;

/**
 * Checks a learner's derivative (see `evaluateDerivativeAnswer`) and shows the verdict or the hint.
 * @see notebooks/01-derivative-as-linear-approximation.ipynb, Exercises
 * @see notebooks/04-backpropagation-tanh-network.ipynb, Exercises
 */
export const checkDerivative = derivative.check;

/**
 * Exercise checker for notebook 2: a learner's gradient of a function of several parameters, tested on
 * seeded random inputs, so every run gives the same verdict; a wrong answer gets a hint that says where
 * it is off and how.
 * @see notebooks/02-why-the-negative-gradient.ipynb (exercises)
 */
import { numericalGradient } from "../calculus/numericalGradient";
import { scaledError } from "../calculus/gradcheck";
import { formatNumber } from "../display/format";
import { requireFunction } from "../errors/validate";
import { defineChecker } from "./defineChecker";
import { callForVector, diagnose, vectorText, type ExerciseOptions } from "./feedback";
import { randomTestPoints, testPointOptionNames, type TestPointOptions } from "./testPoints";

/**
 * The exercise's label and hint, and where to test (names appear in hints as ∂f/∂name; default seed 2).
 * @see notebooks/02-why-the-negative-gradient.ipynb, Exercises
 */
export interface CheckGradientOptions extends ExerciseOptions, TestPointOptions {}

const caller = "checkGradient";
// What evaluateGradientAnswer and checkGradient check (their doc comments below say what).
const gradient = defineChecker<
  [answer: (theta: number[]) => number[], f: (theta: number[]) => number],
  CheckGradientOptions
>({
  name: caller,
  parameters: [
    ["answer", requireFunction],
    ["f", requireFunction],
  ],
  options: [...testPointOptionNames],
  hint: "write out each partial derivative ∂f/∂θᵢ by hand and return them in order.",
  evaluate([answer, f], options, hint) {
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
      const swapped = names.findIndex(
        (_, j) => j !== i && answers.every((a, k) => scaledError(a[i], truths[k][j]) <= 1e-6),
      );
      const why =
        swapped >= 0
          ? `It equals ∂f/∂${names[swapped]} at every point: the components are swapped.`
          : diagnose(
              mine,
              truths.map((t) => t[i]),
            );
      const [a, t] = [answers[bad][i], truths[bad][i]];
      return {
        passed: false,
        message: `✗ ∂f/∂${names[i]} is off: at θ = ${vectorText(thetas[bad])} you give ${formatNumber(a)}, the slope of f there is ${formatNumber(t)} (off by ${formatNumber(a - t)}). ${why}`,
      };
    }
    const which =
      dimension <= 4
        ? `every component (${names.map((n) => `∂f/∂${n}`).join(", ")})`
        : `all ${dimension} components`;
    return {
      passed: true,
      message: `✓ Correct: ${which} match${dimension <= 4 ? "es" : ""} the slopes of f at ${count} random points in [${low}, ${high}].`,
    };
  },
});

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
 * @see notebooks/02-why-the-negative-gradient.ipynb, Exercises
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb, Exercises
 * @see notebooks/04-backpropagation-tanh-network.ipynb, Exercises
 */
export const evaluateGradientAnswer = gradient.evaluate;

/**
 * Checks a learner's gradient (see `evaluateGradientAnswer`) and shows the verdict or the hint.
 * @see notebooks/02-why-the-negative-gradient.ipynb, Exercises
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb, Exercises
 * @see notebooks/04-backpropagation-tanh-network.ipynb, Exercises
 */
export const checkGradient = gradient.check;

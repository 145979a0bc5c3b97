/**
 * Exercise checker for notebook 3: one step of gradient descent, w ← w − η ∇E(w), written by the
 * learner for a given loss (for instance the loss of one mini-batch).
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb (exercises)
 */
import { numericalGradient } from "../calculus/numericalGradient";
import { scaledError } from "../calculus/gradcheck";
import { formatNumber } from "../display/format";
import { requireFunction, requirePositive } from "../errors/validate";
import { defineChecker } from "./defineChecker";
import { callForVector, diagnose, vectorText, type ExerciseOptions } from "./feedback";
import { randomTestPoints, testPointOptionNames, type TestPointOptions } from "./testPoints";

/**
 * The exercise's label and hint, and where to test (names are the weights'; default seed 5).
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb, Exercises
 */
export interface CheckDescentStepOptions extends ExerciseOptions, TestPointOptions {}

const caller = "checkDescentStep";
// What evaluateDescentStepAnswer and checkDescentStep check (their doc comments below say what).
const descentStep = defineChecker<
  [answer: (w: number[]) => number[], loss: (w: number[]) => number, learningRate: number],
  CheckDescentStepOptions
>({
  name: caller,
  parameters: [
    ["answer", requireFunction],
    ["loss", requireFunction],
    ["learningRate", requirePositive],
  ],
  options: [...testPointOptionNames],
  hint: "return w − η·∇E(w): each weight moves against its own partial derivative.",
  evaluate([answer, loss, learningRate], options, hint) {
    const { names, points } = randomTestPoints(caller, options, 5);
    const dimension = names.length;
    const trueChanges = points.map((w) => numericalGradient(loss, w).map((g) => -learningRate * g));
    const changes: number[][] = [];
    for (const w of points) {
      const next = callForVector(
        answer,
        w,
        "w",
        dimension,
        hint,
        `the ${dimension} new weights as finite numbers`,
      );
      if (!Array.isArray(next)) return next;
      changes.push(next.map((v, i) => v - w[i]));
    }
    for (let i = 0; i < dimension; i++) {
      const bad = points.findIndex(
        (_, k) => scaledError(changes[k][i], trueChanges[k][i], 1e-3) > 1e-6,
      );
      if (bad < 0) continue;
      const why = diagnose(
        changes.map((c) => c[i]),
        trueChanges.map((c) => c[i]),
        { truth: "true change", flipped: "your step goes uphill" },
      );
      return {
        passed: false,
        message: `✗ The change of ${names[i]} is off: at w = ${vectorText(points[bad])} your step changes it by ${formatNumber(changes[bad][i])}; −η·∂E/∂${names[i]} there is ${formatNumber(trueChanges[bad][i])}. ${why}`,
      };
    }
    return {
      passed: true,
      message: `✓ Correct: at ${points.length} random w your step moves every weight by −η·∂E/∂w (η = ${formatNumber(learningRate)}).`,
    };
  },
});

/**
 * Checks a learner's `step(w)` against w − η·∇E(w) with ∇E by central differences (`numericalGradient`),
 * at seeded random w. Pass: every weight's change Δwᵢ within relative error 1e-6 at every point. A wrong
 * step is explained for the first wrong weight: its change against the true change, then whether it
 * goes uphill (sign), is a constant factor too long or short (η, or 1/N against 1/B), or is off in form.
 * @throws InvalidArgumentError for bad options (the learner's own mistakes are reported, not thrown)
 * @example
 * const E = ([a, b]: number[]) => a * a + b * b;
 * evaluateDescentStepAnswer(([a, b]) => [a - 0.1 * 2 * a, b - 0.1 * 2 * b], E, 0.1).passed; // => true
 * evaluateDescentStepAnswer(([a, b]) => [a + 0.1 * 2 * a, b], E, 0.1).message; // => "✗ The change of w[0] is off: … The sign is flipped everywhere: your step goes uphill."
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb, Exercises
 */
export const evaluateDescentStepAnswer = descentStep.evaluate;

/**
 * Checks a learner's gradient-descent step (see `evaluateDescentStepAnswer`) and shows the verdict or the hint.
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb, Exercises
 */
export const checkDescentStep = descentStep.check;

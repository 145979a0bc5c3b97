/**
 * Exercise checker for notebook 3: how many steps gradient descent needs to shrink the distance to the
 * minimum by a given factor. The answer is a number, so the learner writes it as a function of no
 * arguments (`const stepsNeeded = () => …`) which the checker calls; the check runs the training.
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb (exercises)
 */
import { formatNumber } from "../display/format";
import { requireFunction, requirePositive } from "../errors/validate";
import { defineChecker } from "./defineChecker";
import { callLearner, requireFiniteAnswer, type ExerciseOptions } from "./feedback";

/**
 * The exercise's label and hint, the factor and the search limit.
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb, Exercises
 */
export interface CheckStepsNeededOptions extends ExerciseOptions {
  /** The factor the distance must shrink by (default 1e-6). */
  factor?: number;
  /** Give up searching for the true count after this many steps (default 100 000). */
  maxSteps?: number;
}

const caller = "checkStepsNeeded";
// What evaluateStepsNeededAnswer and checkStepsNeeded check (their doc comments below say what).
const stepsNeeded = defineChecker<
  [answer: () => number, shrinkAfter: (steps: number) => number],
  CheckStepsNeededOptions
>({
  name: caller,
  parameters: [
    ["answer", requireFunction],
    ["shrinkAfter", requireFunction],
  ],
  options: ["factor", "maxSteps"],
  hint: "solve ρᵏ ≤ factor for the smallest whole k.",
  evaluate([answer, shrinkAfter], options, hint) {
    const factor = requirePositive(caller, "factor", options.factor ?? 1e-6);
    const maxSteps = options.maxSteps ?? 100_000;
    const called = callLearner(() => answer(), "", hint);
    if (called.result) return called.result;
    const k = requireFiniteAnswer(called.value, "", "number of steps");
    if (typeof k !== "number") return k;
    if (k <= 0)
      return {
        passed: false,
        message: `✗ Your number of steps is ${formatNumber(k)}; it must be positive. Mind the sign: a logarithm of a number below 1 is negative, and dividing by it flips ≤ into ≥.`,
      };
    if (!Number.isInteger(k))
      return {
        passed: false,
        message: `✗ Your number of steps is ${formatNumber(k)}; gradient descent takes whole steps. Round up (Math.ceil): the smallest whole k with ρᵏ ≤ ${formatNumber(factor)}.`,
      };
    const shrink = (steps: number) => (steps === 0 ? 1 : shrinkAfter(steps)); // no step, no shrinking
    const enough = (steps: number) => shrink(steps) <= factor * (1 + 1e-9);
    const ratio = shrink(k);
    const previous = shrink(k - 1);
    if (enough(k) && !enough(k - 1)) {
      return {
        passed: true,
        message: `✓ Correct: after ${k} steps the distance is ${formatNumber(ratio)} of the start (≤ ${formatNumber(factor)}), after ${k - 1} it is still ${formatNumber(previous)}.`,
      };
    }
    let truth = 1;
    while (truth < maxSteps && !enough(truth)) truth += 1;
    if (!enough(k)) {
      return {
        passed: false,
        message: `✗ After your ${k} steps the distance is ${formatNumber(ratio)} of the start, above ${formatNumber(factor)}: ${truth < maxSteps ? `${truth - k} step${truth - k === 1 ? "" : "s"} too few` : "too few steps"}. Did you round down, or use a rate that shrinks faster than ρ per step?`,
      };
    }
    return {
      passed: false,
      message: `✗ Already after ${k - 1} steps the distance is ${formatNumber(previous)} of the start (≤ ${formatNumber(factor)}): your ${k} is ${k - truth} step${k - truth === 1 ? "" : "s"} more than needed. Take the smallest whole k (round up once, not more).`,
    };
  },
});

/**
 * Checks a learner's number of steps k: after k steps the distance ratio ‖w_k − ŵ‖/‖w_0 − ŵ‖ (computed by
 * `shrinkAfter(k)`, which runs the training) must be at most `factor`, and after k − 1 steps it must not
 * be. A wrong count is told how many steps too few or too many it is, and what the ratio is after it;
 * a negative or fractional count gets a hint about the sign of the logarithm or rounding up.
 * @throws InvalidArgumentError for a bad factor or an unknown option
 * @example
 * const shrinkAfter = (k: number) => 0.5 ** k;   // the distance halves every step
 * evaluateStepsNeededAnswer(() => 20, shrinkAfter).passed; // => true  (2⁻²⁰ ≈ 9.5e-7 ≤ 1e-6 < 2⁻¹⁹)
 * evaluateStepsNeededAnswer(() => 19, shrinkAfter).message; // => "✗ After your 19 steps the distance is 1.907e-6 of the start … 1 step too few …"
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb, Exercises
 */
export const evaluateStepsNeededAnswer = stepsNeeded.evaluate;

/**
 * Checks a learner's number of steps (see `evaluateStepsNeededAnswer`) and shows the verdict or the hint.
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb, Exercises
 */
export const checkStepsNeeded = stepsNeeded.check;

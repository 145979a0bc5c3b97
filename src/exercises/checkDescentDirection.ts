/**
 * Exercise checker for notebook 2: a learner's steepest-descent direction, tested on seeded random
 * gradients, so every run gives the same verdict; a wrong answer is told its angle or its length.
 * @see notebooks/02-why-the-negative-gradient.ipynb (exercises)
 */
import { angleBetween } from "../calculus/directions";
import { formatNumber } from "../display/format";
import { requireFunction } from "../errors/validate";
import { defineChecker } from "./defineChecker";
import { callForVector, vectorText, type ExerciseOptions, type ExerciseResult } from "./feedback";
import { randomTestGradients } from "./testPoints";

/**
 * The exercise's label and hint, and the seed of the random gradients.
 * @see notebooks/02-why-the-negative-gradient.ipynb, Exercises
 */
export interface CheckDescentDirectionOptions extends ExerciseOptions {
  /** Seed for the random gradients (default 3). */
  seed?: number;
}

const caller = "checkDescentDirection";
// What evaluateDescentDirectionAnswer and checkDescentDirection check (their doc comments below say what).
const descentDirection = defineChecker<
  [answer: (gradient: number[]) => number[]],
  CheckDescentDirectionOptions
>({
  name: caller,
  parameters: [["answer", requireFunction]],
  options: ["seed"],
  hint: "equation (10): point against the gradient, then divide by its length.",
  evaluate([answer], options, hint) {
    const seed = options.seed ?? 3;
    const gradients = randomTestGradients(seed, 20);
    for (const g of gradients) {
      const u = callForVector(answer, g, "∇L", 2, hint);
      if (!Array.isArray(u)) return u;
      const length = Math.hypot(u[0], u[1]);
      if (length === 0)
        return {
          passed: false,
          message: `✗ For ∇L = ${vectorText(g)} your u is [0, 0]: a zero step goes nowhere. Point it against the gradient.`,
        };
      const beta = angleBetween(u, g);
      if (Math.abs(beta - 180) > 1e-6) {
        const uphill =
          beta < 90
            ? " It points uphill: the first-order change η‖∇L‖cos β is positive, so L grows."
            : beta === 90
              ? ""
              : " It goes downhill, but not as fast as it could.";
        return {
          passed: false,
          message: `✗ For ∇L = ${vectorText(g)} your u = ${vectorText(u)} is at β = ${formatNumber(beta)}° from the gradient; the fastest decrease is at β = 180° (cos β = −1).${uphill}`,
        };
      }
      if (Math.abs(length - 1) > 1e-9) {
        const gNorm = Math.hypot(g[0], g[1]);
        const hint =
          Math.abs(length - gNorm) <= 1e-9 * gNorm
            ? " You returned −∇L itself: divide it by its length ‖∇L‖."
            : " Divide by the length so that only the direction is left.";
        return {
          passed: false,
          message: `✗ For ∇L = ${vectorText(g)} your u has length ${formatNumber(length)}; expected 1. The direction is right (β = 180°).${hint}`,
        };
      }
    }
    return {
      passed: true,
      message: `✓ Correct: for ${gradients.length} random gradients your u is a unit vector at 180° from the gradient.`,
    };
  },
});

/**
 * Checks a learner's steepest-descent direction: given a gradient g (two components), the answer must
 * be the unit vector of fastest first-order decrease,
 *
 *   u* = −g / ‖g‖   (β = 180° from the gradient, ‖u*‖ = 1)
 *
 * tested on 20 seeded random gradients of very different lengths. A wrong answer is told its angle to
 * the gradient (uphill when β < 90°) or its length (for instance −g itself, not divided by ‖g‖).
 * @example
 * evaluateDescentDirectionAnswer((g) => g).passed; // => false
 * evaluateDescentDirectionAnswer((g) => [-g[0], -g[1]]).message; // => "✗ For ∇L = […] your u has length …; expected 1. …"
 * @see notebooks/02-why-the-negative-gradient.ipynb, Exercises
 */
export const evaluateDescentDirectionAnswer = descentDirection.evaluate;

/**
 * Checks a learner's steepest-descent direction (see `evaluateDescentDirectionAnswer`) and shows the verdict.
 * @see notebooks/02-why-the-negative-gradient.ipynb, Exercises
 */
export const checkDescentDirection = descentDirection.check;

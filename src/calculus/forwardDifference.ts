import { countFiniteDifference } from "./callCounter";
import {
  evaluateFinite,
  requireFinite,
  requireFunction,
  requirePositive,
} from "../errors/validate";
import { forwardStep } from "./steps";

/**
 * The forward-difference estimate of f'(x): the slope of the secant from x to x + h.
 *
 *   f'(x) ≈ (f(x + h) − f(x)) / h,   error = f''(ξ)·h/2 (first order in h)
 *
 * @param h step, default √ε·max(1, |x|) (see `steps.ts`)
 * @throws InvalidArgumentError when x or h is not finite, or h ≤ 0
 * @throws NonFiniteValueError when f returns NaN, ∞ or a non-number
 * @example
 * forwardDifference((x) => x * x, 4, 0.5); // => 8.5  (the exact 8 plus the error h)
 * @see notebooks/01-derivative-as-linear-approximation.ipynb §1.4 (the forward difference: eq. (2) with a finite h)
 */
export function forwardDifference(f: (x: number) => number, x: number, h?: number): number {
  const caller = "forwardDifference";
  countFiniteDifference();
  requireFunction(caller, "f", f);
  requireFinite(caller, "x", x);
  const step = h === undefined ? forwardStep(x) : requirePositive(caller, "h", h);
  const fx = evaluateFinite(caller, "f", f, `at x = ${x}`, x);
  const fxh = evaluateFinite(caller, "f", f, `at x + h = ${x + step}`, x + step);
  return (fxh - fx) / step;
}

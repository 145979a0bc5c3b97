import { countFiniteDifference } from "./callCounter";
import {
  evaluateFinite,
  requireFinite,
  requireFunction,
  requirePositive,
} from "../errors/validate";
import { centralStep } from "./steps";

/**
 * The central-difference estimate of f'(x): the slope of the secant from x − h to x + h.
 *
 *   f'(x) ≈ (f(x + h) − f(x − h)) / 2h,   error = f'''(ξ)·h²/6 (second order in h)
 *
 * The even terms of the two Taylor series cancel, which is why it is one order better than the
 * forward difference for the price of one more evaluation.
 *
 * @param h step, default ∛ε·max(1, |x|) (see `steps.ts`)
 * @throws InvalidArgumentError when x or h is not finite, or h ≤ 0
 * @throws NonFiniteValueError when f returns NaN, ∞ or a non-number
 * @example
 * centralDifference((x) => x * x * x, 2, 0.1); // => 12.01 (to rounding: the exact 12 plus h²)
 * @see notebooks/01-derivative-as-linear-approximation.ipynb §1.4 (the central difference); its error is the half-difference of §1.3, eq. (5)
 */
export function centralDifference(f: (x: number) => number, x: number, h?: number): number {
  const caller = "centralDifference";
  countFiniteDifference();
  requireFunction(caller, "f", f);
  requireFinite(caller, "x", x);
  const step = h === undefined ? centralStep(x) : requirePositive(caller, "h", h);
  const forward = evaluateFinite(caller, "f", f, `at x + h = ${x + step}`, x + step);
  const backward = evaluateFinite(caller, "f", f, `at x − h = ${x - step}`, x - step);
  return (forward - backward) / (2 * step);
}

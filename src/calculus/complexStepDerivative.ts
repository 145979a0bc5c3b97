import { countFiniteDifference } from "./callCounter";
import { complex, type Complex } from "mathjs";
import { NonFiniteValueError } from "../errors/errors";
import { describeValue, requireFinite, requireFunction, requirePositive } from "../errors/validate";

/**
 * The complex-step derivative: evaluate f one step up the imaginary axis and read the slope off the
 * imaginary part.
 *
 *   f(x + ih) = f(x) + ih·f'(x) − h²f''(x)/2 − ih³f'''(x)/6 + …   ⇒   f'(x) = Im f(x + ih) / h + O(h²)
 *
 * No difference of nearby numbers is taken, so there is no cancellation: h can be tiny (default 1e-20)
 * and the result is exact to round-off. `f` must be written with mathjs functions that accept complex
 * numbers (`math.multiply`, `math.sin`, …) and be real-analytic (no `abs`, no `max`).
 *
 * @param f a function of a mathjs Complex returning a Complex (or a real number)
 * @throws InvalidArgumentError when x or h is not finite, or h ≤ 0
 * @throws NonFiniteValueError when f returns something that is not a finite complex number
 * @example
 * complexStepDerivative((z) => math.multiply(z, z) as Complex, 4); // => 8
 * @see notebooks/01-derivative-as-linear-approximation.ipynb "Going deeper (optional): the complex step"
 */
export function complexStepDerivative(
  f: (z: Complex) => Complex | number,
  x: number,
  h = 1e-20,
): number {
  const caller = "complexStepDerivative";
  countFiniteDifference();
  requireFunction(caller, "f", f);
  requireFinite(caller, "x", x);
  requirePositive(caller, "h", h);
  const value = f(complex(x, h));
  const imaginary = typeof value === "number" ? 0 : (value as Complex | undefined)?.im;
  if (
    typeof imaginary !== "number" ||
    !Number.isFinite(imaginary) ||
    !Number.isFinite(typeof value === "number" ? value : value.re)
  ) {
    throw new NonFiniteValueError(
      `${caller}: f returned ${typeof value === "object" && value !== null ? String(value) : describeValue(value)} at x + ih = ${x} + ${h}i; expected a finite complex number`,
    );
  }
  return imaginary / h;
}

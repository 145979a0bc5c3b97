import { countFiniteDifference } from "./callCounter";
import { InvalidArgumentError } from "../errors/errors";
import {
  evaluateFinite,
  rejectUnknownOptions,
  requireFiniteVector,
  requireFunction,
  requirePositive,
} from "../errors/validate";
import { centralStep, forwardStep } from "./steps";

export interface NumericalGradientOptions {
  /** "central" (default): (E(w + h·eᵢ) − E(w − h·eᵢ)) / 2h; "forward": (E(w + h·eᵢ) − E(w)) / h. */
  method?: "central" | "forward";
  /** One step for every component; default ∛ε·max(1, |wᵢ|) (central) or √ε·max(1, |wᵢ|) (forward). */
  h?: number;
}

/**
 * The gradient of a function of many parameters by finite differences, one parameter at a time:
 *
 *   ∂f/∂wᵢ ≈ (f(w + h·eᵢ) − f(w − h·eᵢ)) / 2h     (eᵢ: the i-th unit vector)
 *
 * It costs 2 evaluations of f per parameter (1 for "forward", plus one at w): slow, but independent of
 * any derivation, which makes it the reference every analytic gradient is checked against.
 *
 * @throws InvalidArgumentError for a non-finite wᵢ, an empty w, a bad h or an unknown option
 * @throws NonFiniteValueError naming the parameter whose perturbation made f return NaN or ∞
 * @example
 * numericalGradient(([a, b]) => a * a + 3 * b, [1, 2]); // => [2, 3] (to about 1e-10)
 * @see notebooks/02-why-the-negative-gradient.ipynb §2.3 (every gradient, three ways)
 */
export function numericalGradient(
  f: (w: number[]) => number,
  w: number[],
  options: NumericalGradientOptions = {},
): number[] {
  const caller = "numericalGradient";
  countFiniteDifference();
  requireFunction(caller, "f", f);
  const point = requireFiniteVector(caller, "w", w);
  rejectUnknownOptions(caller, options, ["method", "h"]);
  const method = options.method ?? "central";
  if (method !== "central" && method !== "forward") {
    throw new InvalidArgumentError(
      `${caller}: method is "${String(method)}"; expected "central" or "forward"`,
    );
  }
  if (options.h !== undefined) requirePositive(caller, "h", options.h);
  const at = (i: number, delta: number, label: string): number => {
    const shifted = point.slice();
    shifted[i] += delta;
    return evaluateFinite(caller, "f", f, `at w ${label} h·e[${i}] (perturbing w[${i}])`, shifted);
  };
  const f0 = method === "forward" ? evaluateFinite(caller, "f", f, "at w", point.slice()) : 0;
  return point.map((wi, i) => {
    const h = options.h ?? (method === "central" ? centralStep(wi) : forwardStep(wi));
    return method === "central"
      ? (at(i, h, "+") - at(i, -h, "−")) / (2 * h)
      : (at(i, h, "+") - f0) / h;
  });
}

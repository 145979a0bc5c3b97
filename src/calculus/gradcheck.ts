import { InvalidArgumentError, ShapeError } from "../errors/errors";
import {
  rejectUnknownOptions,
  requireFiniteVector,
  requireFunction,
  requirePositive,
} from "../errors/validate";
import { numericalGradient, type NumericalGradientOptions } from "./numericalGradient";

export interface GradcheckOptions extends NumericalGradientOptions {
  /** Largest scaled error that passes. Default 1e-7: a correct float64 gradient scores far below it. */
  tolerance?: number;
  /** Denominator floor of the scaled error (default 1), so near-zero components are not inflated. */
  floor?: number;
  /** Names for the parameters in the report (default `w[0]`, `w[1]`, …). */
  names?: string[];
}

export interface GradcheckRow {
  name: string;
  analytic: number;
  numeric: number;
  /** |a − n| / max(|a|, |n|, floor): the quantity the tolerance applies to. */
  scaledError: number;
  /** |a − n| / max(|a|, |n|): the true relative error (0 when both are 0). */
  relativeError: number;
}

export interface GradcheckReport {
  passed: boolean;
  /** Largest scaled error over the rows; passed ⇔ maxScaledError ≤ tolerance. */
  maxScaledError: number;
  /** Index of the row with the largest scaled error. */
  worstIndex: number;
  tolerance: number;
  /** The floor of the scaled error's denominator. */
  floor: number;
  rows: GradcheckRow[];
}

/**
 * The scaled error of an analytic derivative a against a numerical one n, the quantity a gradient
 * check compares with its tolerance:
 *
 *   |a − n| / max(|a|, |n|, floor)
 *
 * Components larger than `floor` are compared relatively (CS231n's measure); smaller ones absolutely,
 * because there the finite-difference round-off (≈ ε|f|/h) would dominate a ratio: two components that
 * are both nearly zero would otherwise fail on rounding noise alone. Below the floor it is therefore
 * not a relative error (see `relativeError`).
 * @example scaledError(2, 2.000001)  // => 4.99999...e-7 (relative, |a| > 1)
 * @example scaledError(1.8e-5, 1.80002e-5)  // => 2.0000…e-10 (absolute: the true relative error is 1.1e-5)
 * @see notebooks/02-why-the-negative-gradient.ipynb §2.3 (the gradient check)
 */
export function scaledError(analytic: number, numeric: number, floor = 1): number {
  return Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric), floor);
}

/**
 * The true relative error of a against n, with no floor:
 *
 *   |a − n| / max(|a|, |n|)   (0 when a = n)
 *
 * For components near zero it is dominated by rounding noise, which is why gradient checks pass or
 * fail on `scaledError` and show this one beside it.
 * @example relativeError(1.8e-5, 1.80002e-5) // => 1.111…e-5
 * @see notebooks/02-why-the-negative-gradient.ipynb §2.3 (the gradient check)
 */
export function relativeError(analytic: number, numeric: number): number {
  if (analytic === numeric) return 0;
  return Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric));
}

/**
 * Checks an analytic gradient against central differences, one row per parameter.
 *
 * passed ⇔ max over i of scaledError(∂ᵢ analytic, ∂ᵢ numeric, floor) ≤ tolerance
 *
 * Each row also carries the true relative error. With central differences (h ≈ ∛ε), a correct gradient
 * of a smooth function of order-1 values scores a scaled error of about 1e-10; a wrong one usually 1e-3
 * or worse, so the default tolerance 1e-7 separates them (in the spirit of CS231n's notes and
 * torch.autograd.gradcheck).
 *
 * @throws ShapeError when analyticGradient and w differ in length
 * @throws InvalidArgumentError for non-finite entries, bad options; NonFiniteValueError (from
 *   numericalGradient) naming the parameter whose perturbation made f return NaN or ∞
 * @example
 * gradcheck(([a, b]) => a * b, [2, 1], [1, 2]).passed; // => true   (∂/∂a = b = 2, ∂/∂b = a = 1)
 * @see notebooks/02-why-the-negative-gradient.ipynb §2.3 (the gradient check);
 *   notebooks/04-backpropagation-tanh-network.ipynb (the gradient checks of backpropagation)
 */
export function gradcheck(
  f: (w: number[]) => number,
  analyticGradient: number[],
  w: number[],
  options: GradcheckOptions = {},
): GradcheckReport {
  const caller = "gradcheck";
  requireFunction(caller, "f", f);
  rejectUnknownOptions(caller, options, ["method", "h", "tolerance", "floor", "names"]);
  const analytic = requireFiniteVector(caller, "analyticGradient", analyticGradient);
  const point = requireFiniteVector(caller, "w", w);
  if (analytic.length !== point.length) {
    throw new ShapeError(
      `${caller}: analyticGradient has length ${analytic.length}; expected ${point.length} (one entry per parameter in w)`,
    );
  }
  const tolerance =
    options.tolerance === undefined
      ? 1e-7
      : requirePositive(caller, "tolerance", options.tolerance);
  const floor = options.floor === undefined ? 1 : requirePositive(caller, "floor", options.floor);
  const names = options.names ?? point.map((_, i) => `w[${i}]`);
  if (names.length !== point.length) {
    throw new InvalidArgumentError(
      `${caller}: names has length ${names.length}; expected ${point.length}`,
    );
  }
  const numeric = numericalGradient(f, point, { method: options.method, h: options.h });
  const rows = analytic.map((a, i) => ({
    name: names[i],
    analytic: a,
    numeric: numeric[i],
    scaledError: scaledError(a, numeric[i], floor),
    relativeError: relativeError(a, numeric[i]),
  }));
  let worstIndex = 0;
  rows.forEach((row, i) => {
    if (row.scaledError > rows[worstIndex].scaledError) worstIndex = i;
  });
  const maxScaledError = rows[worstIndex].scaledError;
  return {
    passed: maxScaledError <= tolerance,
    maxScaledError,
    worstIndex,
    tolerance,
    floor,
    rows,
  };
}

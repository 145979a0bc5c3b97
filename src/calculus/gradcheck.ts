import { InvalidArgumentError, ShapeError } from "../errors/errors";
import { rejectUnknownOptions, requireFiniteVector, requireFunction, requirePositive } from "../errors/validate";
import { numericalGradient, type NumericalGradientOptions } from "./numericalGradient";

export interface GradcheckOptions extends NumericalGradientOptions {
  /** Largest relative error that passes. Default 1e-7: a correct float64 gradient scores far below it. */
  tolerance?: number;
  /** Denominator floor of the relative error (default 1), so near-zero components are not inflated. */
  floor?: number;
  /** Names for the parameters in the report (default `w[0]`, `w[1]`, …). */
  names?: string[];
}

export interface GradcheckRow {
  name: string;
  analytic: number;
  numeric: number;
  relativeError: number;
}

export interface GradcheckReport {
  passed: boolean;
  maxRelativeError: number;
  /** Index of the row with the largest relative error. */
  worstIndex: number;
  tolerance: number;
  rows: GradcheckRow[];
}

/**
 * The relative error of an analytic derivative a against a numerical one n:
 *
 *   |a − n| / max(|a|, |n|, floor)
 *
 * Large components are compared relatively (CS231n's measure); components smaller than `floor` are
 * compared absolutely, because there the finite-difference round-off (≈ ε|f|/h) would dominate a ratio.
 * @example relativeError(2, 2.000001) // => 4.99999...e-7
 */
export function relativeError(analytic: number, numeric: number, floor = 1): number {
  return Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric), floor);
}

/**
 * Checks an analytic gradient against central differences, one row per parameter.
 *
 * passed ⇔ max over i of |∂ᵢ analytic − ∂ᵢ numeric| / max(|·|, |·|, floor) ≤ tolerance
 *
 * With central differences (h ≈ ∛ε), a correct gradient of a smooth function of order-1 values scores
 * about 1e-10; a wrong one usually scores 1e-3 or worse, so the default tolerance 1e-7 separates them
 * (in the spirit of CS231n's notes and torch.autograd.gradcheck).
 *
 * @throws ShapeError when analyticGradient and w differ in length
 * @throws InvalidArgumentError for non-finite entries, bad options; NonFiniteValueError (from
 *   numericalGradient) naming the parameter whose perturbation made f return NaN or ∞
 * @example
 * gradcheck(([a, b]) => a * b, [2, 1], [1, 2]).passed; // => true   (∂/∂a = b = 2, ∂/∂b = a = 1)
 * @see notebooks/02-why-the-negative-gradient.ipynb, notebooks/04-backpropagation-tanh-network.ipynb
 */
export function gradcheck(f: (w: number[]) => number, analyticGradient: number[], w: number[], options: GradcheckOptions = {}): GradcheckReport {
  const caller = "gradcheck";
  requireFunction(caller, "f", f);
  rejectUnknownOptions(caller, options, ["method", "h", "tolerance", "floor", "names"]);
  const analytic = requireFiniteVector(caller, "analyticGradient", analyticGradient);
  const point = requireFiniteVector(caller, "w", w);
  if (analytic.length !== point.length) {
    throw new ShapeError(`${caller}: analyticGradient has length ${analytic.length}; expected ${point.length} (one entry per parameter in w)`);
  }
  const tolerance = options.tolerance === undefined ? 1e-7 : requirePositive(caller, "tolerance", options.tolerance);
  const floor = options.floor === undefined ? 1 : requirePositive(caller, "floor", options.floor);
  const names = options.names ?? point.map((_, i) => `w[${i}]`);
  if (names.length !== point.length) {
    throw new InvalidArgumentError(`${caller}: names has length ${names.length}; expected ${point.length}`);
  }
  const numeric = numericalGradient(f, point, { method: options.method, h: options.h });
  const rows = analytic.map((a, i) => ({ name: names[i], analytic: a, numeric: numeric[i], relativeError: relativeError(a, numeric[i], floor) }));
  let worstIndex = 0;
  rows.forEach((row, i) => { if (row.relativeError > rows[worstIndex].relativeError) worstIndex = i; });
  const maxRelativeError = rows[worstIndex].relativeError;
  return { passed: maxRelativeError <= tolerance, maxRelativeError, worstIndex, tolerance, rows };
}

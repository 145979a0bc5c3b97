import { InvalidArgumentError } from "../errors/errors";
import { requireFiniteVector, requireLength } from "../errors/validate";

/**
 * The slope p of the least-squares line through (log₁₀ xᵢ, log₁₀ yᵢ): the power in y ≈ c·xᵖ.
 * An error that shrinks like h² has slope 2 on log-log axes; one that shrinks like h has slope 1.
 *
 *   p = Σ (uᵢ − ū)(vᵢ − v̄) / Σ (uᵢ − ū)²,   uᵢ = log₁₀ xᵢ, vᵢ = log₁₀ yᵢ
 *
 * @throws InvalidArgumentError for non-positive values (no logarithm) or fewer than two distinct x
 * @throws ShapeError when xs and ys differ in length
 * @example
 * logLogSlope([0.1, 0.01, 0.001], [0.02, 0.0002, 0.000002]); // => 2
 * @see notebooks/01-derivative-as-linear-approximation.ipynb §1.3, §1.4
 * @see notebooks/02-why-the-negative-gradient.ipynb §2.7, eq. (12)
 */
export function logLogSlope(xs: number[], ys: number[]): number {
  const caller = "logLogSlope";
  requireFiniteVector(caller, "xs", xs);
  requireFiniteVector(caller, "ys", ys);
  requireLength(caller, "ys", ys.length, xs.length);
  const positive = (name: string, values: number[]) =>
    values.map((v, i) => {
      if (v <= 0)
        throw new InvalidArgumentError(
          `${caller}: ${name}[${i}] is ${v}; expected a number > 0 (it is taken the logarithm of)`,
        );
      return Math.log10(v);
    });
  const u = positive("xs", xs);
  const v = positive("ys", ys);
  const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
  const uBar = mean(u);
  const vBar = mean(v);
  let covariance = 0;
  let variance = 0;
  u.forEach((ui, i) => {
    covariance += (ui - uBar) * (v[i] - vBar);
    variance += (ui - uBar) ** 2;
  });
  if (variance === 0)
    throw new InvalidArgumentError(
      `${caller}: xs has fewer than two distinct values; a slope needs at least two`,
    );
  return covariance / variance;
}

/**
 * How fast descent converges on a quadratic E(w) = ½ (w − ŵ)ᵀ H (w − ŵ) whose Hessian H has eigenvalues
 * λ_min … λ_max, κ = λ_max/λ_min: the per-step factor by which the distance to the minimum ŵ shrinks,
 * for plain descent and for heavy-ball momentum, at given settings and at the best ones; and the same
 * factor measured along a run.
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb §6.1, eqs. (1)–(5)
 */
import {
  requireAtLeast,
  requireFiniteVector,
  requireInRange,
  requireInteger,
  requirePositive,
} from "../errors/validate";

function requireSpectrum(caller: string, lambdaMin: unknown, lambdaMax: unknown): void {
  const lo = requirePositive(caller, "lambdaMin", lambdaMin);
  requireAtLeast(caller, "lambdaMax", lambdaMax, lo, "lambdaMin");
}

/**
 * Plain descent's per-step factor at its best learning rate, (κ − 1)/(κ + 1).
 * @throws InvalidArgumentError for κ < 1 or not finite
 * @example plainDescentFactor(9); // => 0.8
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb §6.1, eq. (1)
 */
export function plainDescentFactor(kappa: number): number {
  const k = requireAtLeast("plainDescentFactor", "kappa", kappa, 1);
  return (k - 1) / (k + 1);
}

/**
 * Heavy ball's per-step factor at its best settings, (√κ − 1)/(√κ + 1): plain descent's with κ
 * replaced by √κ.
 * @throws InvalidArgumentError for κ < 1 or not finite
 * @example momentumFactor(9); // => 0.5
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb §6.1, eq. (5)
 */
export function momentumFactor(kappa: number): number {
  const r = Math.sqrt(requireAtLeast("momentumFactor", "kappa", kappa, 1));
  return (r - 1) / (r + 1);
}

/**
 * Plain descent's best learning rate η* = 2/(λ_min + λ_max): it makes |1 − ηλ_min| = |1 − ηλ_max|.
 * @throws InvalidArgumentError unless 0 < lambdaMin ≤ lambdaMax, finite
 * @example bestPlainSettings(1, 9); // => { learningRate: 0.2 }
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb §6.1, eq. (1)
 */
export function bestPlainSettings(lambdaMin: number, lambdaMax: number): { learningRate: number } {
  requireSpectrum("bestPlainSettings", lambdaMin, lambdaMax);
  return { learningRate: 2 / (lambdaMin + lambdaMax) };
}

/**
 * Heavy ball's best settings (Polyak): η = (2/(√λ_min + √λ_max))², β = ((√κ − 1)/(√κ + 1))². Both
 * roots of the iteration then have modulus √β = (√κ − 1)/(√κ + 1) for every eigenvalue.
 * @throws InvalidArgumentError unless 0 < lambdaMin ≤ lambdaMax, finite
 * @example bestMomentumSettings(1, 9); // => { learningRate: 0.25, beta: 0.25 }
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb §6.1, eq. (5)
 */
export function bestMomentumSettings(
  lambdaMin: number,
  lambdaMax: number,
): { learningRate: number; beta: number } {
  requireSpectrum("bestMomentumSettings", lambdaMin, lambdaMax);
  const [a, b] = [Math.sqrt(lambdaMin), Math.sqrt(lambdaMax)];
  return { learningRate: (2 / (a + b)) ** 2, beta: ((b - a) / (b + a)) ** 2 };
}

/**
 * Heavy ball's worst per-step factor over the eigenvalues: for each λ, the spectral radius of its 2×2
 * iteration matrix [[1 + β − ηλ, −β], [1, 0]], the larger |z| of z² − (1 + β − ηλ) z + β = 0. ≥ 1
 * means it does not converge; β = 0 gives plain descent's max |1 − ηλ|. Near a double root (the best
 * settings) round-off ε moves the roots by about √ε ≈ 1e-8.
 * @throws InvalidArgumentError for η ≤ 0, β outside [0, 1), a non-finite or empty list of eigenvalues
 * @example momentumRateAt(0.25, 0.25, [1, 9]); // => 0.5
 * @example momentumRateAt(0.2, 0, [1, 9]);     // => 0.8 (plain descent)
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb §6.1, eq. (4); §6.2, eq. (6)
 */
export function momentumRateAt(learningRate: number, beta: number, eigenvalues: number[]): number {
  const caller = "momentumRateAt";
  const eta = requirePositive(caller, "learningRate", learningRate);
  requireInRange(caller, "beta", beta, 0, 1);
  return Math.max(
    ...requireFiniteVector(caller, "eigenvalues", eigenvalues).map((lambda) => {
      const b = 1 + beta - eta * lambda; // z² − b z + β = 0
      const disc = b * b - 4 * beta;
      if (disc < 0) return Math.sqrt(beta); // complex pair: |z|² = z z̄ = β
      return (Math.abs(b) + Math.sqrt(disc)) / 2;
    }),
  );
}

/**
 * The per-step factor measured along a run: the geometric mean (d_to/d_from)^(1/(to − from)) of the
 * ratios of successive distances d_k to the minimum.
 * @throws InvalidArgumentError unless 0 ≤ from < to < distances.length and d_from, d_to are finite > 0
 * @example measuredFactor([8, 4, 2, 1], { from: 0, to: 3 }); // => 0.5
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb §6.1
 */
export function measuredFactor(distances: number[], range: { from: number; to: number }): number {
  const caller = "measuredFactor";
  const d = requireFiniteVector(caller, "distances", distances);
  const from = requireInteger(caller, "from", range?.from, 0, d.length - 2);
  const to = requireInteger(caller, "to", range?.to, from + 1, d.length - 1);
  const [a, b] = [
    requirePositive(caller, `distances[${from}]`, d[from]),
    requirePositive(caller, `distances[${to}]`, d[to]),
  ];
  return (b / a) ** (1 / (to - from));
}

/**
 * The Hessian ∇²E of a function from its gradient, by central differences, and the eigenvalues of a
 * symmetric matrix (mathjs `eigs`). Lesson 3 showed that gradient descent on a quadratic converges only
 * when η < 2/λ_max, λ_max the Hessian's largest eigenvalue; these two helpers measure λ_max of any
 * model whose gradient we can compute, such as the tanh network during training.
 * @see notebooks/04-backpropagation-tanh-network.ipynb §4.7, eq. (18)
 */
import { eigs } from "mathjs";
import { InvalidArgumentError, ShapeError } from "../errors/errors";
import {
  evaluateFinite,
  rejectUnknownOptions,
  requireFiniteVector,
  requireFunction,
  requirePositive,
} from "../errors/validate";
import { centralStep } from "./steps";

export interface NumericalHessianOptions {
  /** One step for every component; default ∛ε·max(1, |wⱼ|), as for a central difference. */
  h?: number;
}

/**
 * The Hessian of E at w from central differences of its gradient g = ∇E, one column per parameter,
 * then symmetrised (the exact Hessian is symmetric; the differences are not, to rounding):
 *
 *   Hᵢⱼ ≈ (gᵢ(w + h·eⱼ) − gᵢ(w − h·eⱼ)) / 2h,      H ← (H + Hᵀ)/2
 *
 * It costs 2W gradient evaluations for W parameters: cheap for the W = 10 of a 1-3-1 network.
 * @throws InvalidArgumentError for a non-finite wⱼ, an empty w, a bad h or an unknown option
 * @throws ShapeError when the gradient does not have one entry per parameter
 * @example
 * numericalHessian(([a, b]) => [2 * a + b, a + 6 * b], [1, 2]); // => [[2, 1], [1, 6]] (to about 1e-10)
 * @see notebooks/04-backpropagation-tanh-network.ipynb §4.7, eq. (18)
 */
export function numericalHessian(
  gradient: (w: number[]) => ArrayLike<number>,
  w: number[],
  options: NumericalHessianOptions = {},
): number[][] {
  const caller = "numericalHessian";
  requireFunction(caller, "gradient", gradient);
  const point = requireFiniteVector(caller, "w", w);
  rejectUnknownOptions(caller, options, ["h"]);
  if (options.h !== undefined) requirePositive(caller, "h", options.h);
  const W = point.length;
  const at = (j: number, delta: number): number[] => {
    const shifted = point.slice();
    shifted[j] += delta;
    const g = gradient(shifted);
    if (g === null || typeof g !== "object" || g.length !== W) {
      throw new ShapeError(
        `${caller}: gradient returned ${g?.length ?? String(g)} entries at w + ${delta}·e${j}; expected ${W}`,
      );
    }
    return Array.from({ length: W }, (_, i) =>
      evaluateFinite(
        caller,
        "gradient",
        () => g[i],
        `[${i}] at w[${j}] ${delta > 0 ? "+" : "−"} h`,
      ),
    );
  };
  const columns = point.map((wj, j) => {
    const h = options.h ?? centralStep(wj);
    const plus = at(j, h),
      minus = at(j, -h);
    return plus.map((gi, i) => (gi - minus[i]) / (2 * h)); // ∂gᵢ/∂wⱼ
  });
  return point.map((_, i) => point.map((__, j) => (columns[j][i] + columns[i][j]) / 2));
}

/**
 * The eigenvalues of a symmetric matrix, in ascending order (so λ_max is the last one).
 * @throws InvalidArgumentError for a matrix that is empty, not square, not symmetric or not finite
 * @example symmetricEigenvalues([[2, 1], [1, 2]]); // => [1, 3]
 * @see notebooks/04-backpropagation-tanh-network.ipynb §4.7, eq. (18)
 */
export function symmetricEigenvalues(H: number[][]): number[] {
  const caller = "symmetricEigenvalues";
  if (!Array.isArray(H) || H.length === 0)
    throw new InvalidArgumentError(
      `${caller}: H is empty or not an array; expected a square matrix`,
    );
  const rows = H.map((row, i) => {
    const values = requireFiniteVector(caller, `H[${i}]`, row);
    if (values.length !== H.length)
      throw new ShapeError(
        `${caller}: H[${i}] has length ${values.length}; expected ${H.length} (a square matrix)`,
      );
    return values;
  });
  const scale = Math.max(1, ...rows.flat().map(Math.abs));
  rows.forEach((row, i) =>
    row.forEach((v, j) => {
      if (Math.abs(v - rows[j][i]) > 1e-12 * scale)
        throw new InvalidArgumentError(
          `${caller}: H[${i}][${j}] = ${v} but H[${j}][${i}] = ${rows[j][i]}; expected a symmetric matrix`,
        );
    }),
  );
  const values = eigs(rows).values as unknown as number[] | { toArray(): number[] };
  const list = Array.isArray(values) ? values : values.toArray();
  return list.map(Number).sort((a, b) => a - b);
}

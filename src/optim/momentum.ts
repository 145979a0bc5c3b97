/**
 * Heavy-ball momentum (Polyak): the step remembers the last one, so steps that agree add up and steps
 * that zig-zag cancel.
 *
 *   v ← β v − η g,   w ← w + v      (v₀ = 0; β = 0 is plain descent)
 *
 * On a quadratic it converges when 0 ≤ β < 1 and 0 < ηλ < 2(1 + β) for every eigenvalue λ of the
 * Hessian (`momentumRateAt`).
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb §6.1, eq. (2)
 */
import { rejectUnknownOptions, requireInRange } from "../errors/validate";
import type { Optimizer } from "./optimizer";

/**
 * Heavy-ball momentum with momentum coefficient β ∈ [0, 1): v ← β v − η g; w ← w + v.
 * @throws InvalidArgumentError for β outside [0, 1) or an unknown option, e.g. `momentum: beta is 1; expected a number in [0, 1)`
 * @example
 * const run = gradientDescent(new LinearNeuron(1), { X: [[1]], t: [2] }, [0],
 *   { learningRate: 0.5, steps: 2, optimizer: momentum({ beta: 0.5 }) });
 * run.path; // => [[0], [1], [2]]   (v = 1, then 0.5·1 + 0.5 = 1)
 */
export function momentum(options: { beta: number }): Optimizer {
  rejectUnknownOptions("momentum", options, ["beta"]);
  const beta = requireInRange("momentum", "beta", options?.beta, 0, 1);
  return {
    label: `momentum (β = ${beta})`,
    divergenceHint: `A smaller learning rate (below 2(1 + β)/λ_max = ${Number((2 * (1 + beta)).toPrecision(4))}/λ_max of the Hessian) would converge.`,
    begin(W) {
      const v = new Array<number>(W).fill(0);
      return (w, g, learningRate) => {
        for (let i = 0; i < W; i++) {
          v[i] = beta * v[i] - learningRate * g[i];
          w[i] += v[i];
        }
      };
    },
  };
}

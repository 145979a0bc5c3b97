/**
 * Nesterov's momentum in the form that needs only the gradient at w (Sutskever et al. 2013, Bengio et
 * al. 2013): the step takes the velocity's next move in advance.
 *
 *   v ← β v − η g,   w ← w + β v − η g      (v₀ = 0; β = 0 is plain descent)
 *
 * On a quadratic it converges when 0 ≤ β < 1 and 0 < ηλ < 2(1 + β)/(1 + 2β) for every eigenvalue λ.
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb §6.3, eq. (7)
 */
import { rejectUnknownOptions, requireInRange } from "../errors/validate";
import type { Optimizer } from "./optimizer";

/**
 * Nesterov momentum with coefficient β ∈ [0, 1): v ← β v − η g; w ← w + β v − η g.
 * @throws InvalidArgumentError for β outside [0, 1) or an unknown option, e.g. `nesterov: beta is -0.5; expected a number in [0, 1)`
 * @example
 * const run = gradientDescent(new LinearNeuron(1), { X: [[1]], t: [2] }, [0],
 *   { learningRate: 0.5, steps: 1, optimizer: nesterov({ beta: 0.5 }) });
 * run.path; // => [[0], [1.5]]   (v = 1; w = 0 + 0.5·1 + 1)
 */
export function nesterov(options: { beta: number }): Optimizer {
  rejectUnknownOptions("nesterov", options, ["beta"]);
  const beta = requireInRange("nesterov", "beta", options?.beta, 0, 1);
  return {
    label: `Nesterov (β = ${beta})`,
    divergenceHint: `A smaller learning rate (below 2(1 + β)/((1 + 2β) λ_max) = ${Number(((2 * (1 + beta)) / (1 + 2 * beta)).toPrecision(4))}/λ_max of the Hessian) would converge.`,
    begin(W) {
      const v = new Array<number>(W).fill(0);
      return (w, g, learningRate) => {
        for (let i = 0; i < W; i++) {
          v[i] = beta * v[i] - learningRate * g[i];
          w[i] += beta * v[i] - learningRate * g[i];
        }
      };
    },
  };
}

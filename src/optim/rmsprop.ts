/**
 * RMSProp (Tieleman and Hinton 2012): each weight's step is divided by a running root mean square of
 * its own gradients, so steep and shallow directions move at similar speeds.
 *
 *   s ← ρ s + (1 − ρ) g²,   w ← w − η g / (√s + ε)      (s₀ = 0, elementwise)
 *
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb §6.4, eq. (8)
 */
import { rejectUnknownOptions, requireInRange, requirePositive } from "../errors/validate";
import type { Optimizer } from "./optimizer";

/**
 * RMSProp with decay ρ ∈ [0, 1) (default 0.9) and ε > 0 (default 1e-8).
 * @throws InvalidArgumentError for ρ outside [0, 1), ε ≤ 0 or an unknown option, e.g. `rmsprop: epsilon is 0; expected a finite number > 0`
 * @example
 * const run = gradientDescent(new LinearNeuron(1), { X: [[1]], t: [2] }, [0],
 *   { learningRate: 0.1, steps: 1, optimizer: rmsprop({ rho: 0.75 }) });
 * run.w; // => [0.2]   (g = −2, s = 0.25·4 = 1, w = 0 + 0.1·2/(1 + 1e-8))  (to 1e-8)
 */
export function rmsprop(options: { rho?: number; epsilon?: number } = {}): Optimizer {
  rejectUnknownOptions("rmsprop", options, ["rho", "epsilon"]);
  const rho = requireInRange("rmsprop", "rho", options?.rho ?? 0.9, 0, 1);
  const epsilon = requirePositive("rmsprop", "epsilon", options?.epsilon ?? 1e-8);
  return {
    label: `RMSProp (ρ = ${rho}, ε = ${epsilon})`,
    begin(W) {
      const s = new Array<number>(W).fill(0);
      return (w, g, learningRate) => {
        for (let i = 0; i < W; i++) {
          s[i] = rho * s[i] + (1 - rho) * g[i] * g[i];
          w[i] -= (learningRate * g[i]) / (Math.sqrt(s[i]) + epsilon);
        }
      };
    },
  };
}

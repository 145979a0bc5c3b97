/**
 * Adam (Kingma and Ba 2015): momentum on the gradient and RMSProp's scale, both bias-corrected for
 * their start at 0.
 *
 *   m ← β₁ m + (1 − β₁) g,   s ← β₂ s + (1 − β₂) g²,
 *   m̂ = m / (1 − β₁ᵗ),   ŝ = s / (1 − β₂ᵗ),   w ← w − η m̂ / (√ŝ + ε)      (m₀ = s₀ = 0, elementwise)
 *
 * With β₁ = 0 it is RMSProp (ρ = β₂) with bias-corrected s.
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb §6.4, eqs. (9)–(10)
 */
import { rejectUnknownOptions, requireInRange, requirePositive } from "../errors/validate";
import type { Optimizer } from "./optimizer";

/**
 * Adam with β₁, β₂ ∈ [0, 1) (defaults 0.9 and 0.999) and ε > 0 (default 1e-8).
 * @throws InvalidArgumentError for β₁ or β₂ outside [0, 1), ε ≤ 0 or an unknown option, e.g. `adam: beta2 is 1; expected a number in [0, 1)`
 * @example
 * const run = gradientDescent(new LinearNeuron(1), { X: [[1]], t: [2] }, [0],
 *   { learningRate: 0.1, steps: 1, optimizer: adam() });
 * run.w; // => [0.1]   (the first step is η·g/|g| whatever β₁, β₂: m̂ = g, ŝ = g²)  (to 1e-8)
 */
export function adam(
  options: { beta1?: number; beta2?: number; epsilon?: number } = {},
): Optimizer {
  rejectUnknownOptions("adam", options, ["beta1", "beta2", "epsilon"]);
  const beta1 = requireInRange("adam", "beta1", options?.beta1 ?? 0.9, 0, 1);
  const beta2 = requireInRange("adam", "beta2", options?.beta2 ?? 0.999, 0, 1);
  const epsilon = requirePositive("adam", "epsilon", options?.epsilon ?? 1e-8);
  return {
    label: `Adam (β₁ = ${beta1}, β₂ = ${beta2}, ε = ${epsilon})`,
    begin(W) {
      const m = new Array<number>(W).fill(0);
      const s = new Array<number>(W).fill(0);
      return (w, g, learningRate, t) => {
        for (let i = 0; i < W; i++) {
          m[i] = beta1 * m[i] + (1 - beta1) * g[i];
          s[i] = beta2 * s[i] + (1 - beta2) * g[i] * g[i];
          const mHat = m[i] / (1 - beta1 ** t);
          const sHat = s[i] / (1 - beta2 ** t);
          w[i] -= (learningRate * mHat) / (Math.sqrt(sHat) + epsilon);
        }
      };
    },
  };
}

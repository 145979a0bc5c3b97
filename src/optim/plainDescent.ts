/**
 * Plain gradient descent as an `Optimizer`: w ← w − η g. The default of `gradientDescent`.
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb §3.4, eq. (4)
 */
import type { Optimizer } from "./optimizer";

const plain: Optimizer = Object.freeze({
  label: "plain descent",
  divergenceHint: "A smaller learning rate (below 2/λ_max of the Hessian) would converge.",
  begin: (W: number) => (w: number[], g: ArrayLike<number>, learningRate: number) => {
    for (let i = 0; i < W; i++) w[i] -= learningRate * g[i];
  },
});

/**
 * Plain gradient descent, w ← w − η g (no state): what `gradientDescent` does without an `optimizer`.
 * @example
 * plainDescent().label; // => "plain descent"
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb §3.4, eq. (4)
 */
export function plainDescent(): Optimizer {
  return plain;
}

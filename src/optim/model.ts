/**
 * The optimiser's contract: what `gradientDescent` / `descentSteps` can train.
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb §3.4 (the rule), §3.9 (batches)
 */

/**
 * Training examples for the linear neuron: row n of X is the input xₙ, t[n] its target tₙ.
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb §3.1
 */
export interface Dataset {
  X: number[][];
  t: number[];
}

/**
 * Anything gradient descent can train: an error E(w) over a data set (or a batch of it) and its
 * gradient ∇E(w). The data is the linear neuron's `Dataset` unless the model says otherwise; it needs
 * one row of `X` per example, because batches are lists of example indices.
 *
 * **E and ∇E are means over the batch's examples**, E(w) = 1/|B| Σₙ∈B Eₙ(w), never sums. So the
 * update w ← w − η ∇E(w) moves w by the same amount for a batch of 1, of 10 or of all N examples when
 * the examples agree, a mini-batch gradient estimates the full-batch one, and one learning rate η
 * serves every batch size. Were E a sum, the step would grow with the batch (a step of η on Σ is a step
 * of η·|B| on the mean) and a rate that converges for one batch size could diverge for another. A model
 * whose own error is a sum (lesson 4's E = ½ Σₙ Σₖ (yₙₖ − tₙₖ)²) divides it and its gradient by the
 * batch size before giving them to the optimiser (`tanhNetworkModel`).
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb §3.4, §3.9
 */
export interface Model<D extends { X: ArrayLike<unknown> } = Dataset> {
  /** E, the mean error over the examples in `batch` (all of them when omitted). */
  loss(w: ArrayLike<number>, data: D, batch?: ArrayLike<number>): number;
  /** ∇E = ∂E/∂w, the mean gradient over the examples in `batch`, written into `out` when given. */
  gradient(w: ArrayLike<number>, data: D, batch?: ArrayLike<number>, out?: number[]): number[];
  /**
   * Optional, full batch only: writes ∇E(w) (the mean over all examples) into `g` and returns E(w), from
   * one forward and one backward pass. The numbers must be exactly those of `gradient(w, data)` and
   * `loss(w, data)`. When E(w) is not finite it returns it (∞ or NaN) rather than throwing, and g may
   * then hold anything. `gradientDescent` uses it for full-batch runs, so a step costs one forward and
   * backward pass instead of a gradient plus a separate forward pass for the loss.
   */
  lossAndGradient?(w: ArrayLike<number>, data: D, g: number[]): number;
}

/**
 * A single linear neuron, y = w·x = Σᵢ wᵢ xᵢ (no bias, no activation), with its squared error
 *
 *   E(w) = 1/(2N) Σₙ (yₙ − tₙ)²
 *
 * and the gradient and Hessian of that error. The ½ cancels the 2 of the square's derivative and the
 * 1/N makes E (and its gradient) an average, so a mini-batch gradient estimates the full-batch one and
 * one learning rate serves every batch size.
 *
 * The neuron holds no weights: w is passed to every method, so E can be drawn as a surface over w.
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb §3.1, eq. (1); §3.2, eq. (2)
 */
import { InvalidArgumentError, NonFiniteValueError, ShapeError } from "../errors/errors";
import {
  describeValue,
  requireFinite,
  requireInteger,
  requireVectorOfLength,
} from "../errors/validate";
import type { Dataset, Model } from "../optim/model";
export type { Dataset, Model } from "../optim/model";

/**
 * A linear neuron with `inputs` weights.
 * @example
 * const neuron = new LinearNeuron(2);
 * neuron.predict([1, 2], [3, 4]); // => 11
 */
export class LinearNeuron implements Model {
  readonly inputs: number;

  constructor(inputs: number) {
    this.inputs = requireInteger("LinearNeuron", "inputs", inputs, 1);
  }

  /**
   * The neuron's output y = Σᵢ wᵢ xᵢ.
   * @throws ShapeError when w or x has the wrong length; InvalidArgumentError for NaN or ∞
   * @example new LinearNeuron(2).predict([1, 2], [3, 4]); // => 11
   * @see notebooks/03-gradient-descent-linear-neuron.ipynb §3.1, eq. (1)
   */
  predict(w: ArrayLike<number>, x: ArrayLike<number>): number {
    this.checkWeights("predict", w);
    requireVectorOfLength("predict", "x", x, this.inputs, "one per input");
    return dot(w, x);
  }

  /**
   * The mean squared error E(w) = 1/(2N) Σₙ (w·xₙ − tₙ)² over the batch (N = its size). Returns
   * Infinity when the weights are so large that the sum overflows (how divergence shows).
   * @param batch indices of the examples to use; all of them when omitted
   * @throws ShapeError, InvalidArgumentError naming the bad row or index, e.g. `loss: data.X[3][1] is NaN`
   * @example new LinearNeuron(2).loss([1, 1], { X: [[1, 0], [0, 1]], t: [0, 3] }); // => 1.25
   * @see notebooks/03-gradient-descent-linear-neuron.ipynb §3.2, eq. (2)
   */
  loss(w: ArrayLike<number>, data: Dataset, batch?: ArrayLike<number>): number {
    this.checkWeights("loss", w);
    const size = this.checkData("loss", data, batch);
    let sum = 0;
    for (let k = 0; k < size; k++) {
      const n = batch === undefined ? k : batch[k];
      const error = dot(w, data.X[n]) - data.t[n];
      sum += error * error;
    }
    // A sum that is not finite comes from a NaN or ∞ in the data (named) or from overflow (returned as ∞).
    if (!Number.isFinite(sum)) {
      this.requireFiniteData("loss", data, batch);
      return Infinity;
    }
    return sum / (2 * size);
  }

  /**
   * The gradient ∂E/∂wᵢ = 1/N Σₙ (yₙ − tₙ) xₙᵢ over the batch: each example pushes wᵢ in proportion to
   * its error times its input. Written into `out` (no allocation) when given.
   * @throws as `loss`
   * @example new LinearNeuron(2).gradient([1, 1], { X: [[1, 0], [0, 1]], t: [0, 3] }); // => [0.5, -1]
   * @see notebooks/03-gradient-descent-linear-neuron.ipynb §3.5, eq. (5); over a batch, §3.9, eq. (10)
   */
  gradient(
    w: ArrayLike<number>,
    data: Dataset,
    batch?: ArrayLike<number>,
    out?: number[],
  ): number[] {
    this.checkWeights("gradient", w);
    const size = this.checkData("gradient", data, batch);
    const g = out ?? new Array<number>(this.inputs);
    g.fill(0, 0, this.inputs);
    for (let k = 0; k < size; k++) {
      const n = batch === undefined ? k : batch[k];
      const x = data.X[n];
      const error = dot(w, x) - data.t[n];
      // dE/dwᵢ for one example = (y − t) · dy/dwᵢ = (y − t) · xᵢ
      for (let i = 0; i < this.inputs; i++) g[i] += error * x[i];
    }
    for (let i = 0; i < this.inputs; i++) {
      g[i] /= size;
      if (!Number.isFinite(g[i])) this.overflow("gradient", data, batch);
    }
    return g;
  }

  /**
   * The Hessian H = 1/N Σₙ xₙ xₙᵀ of E: constant, because E is quadratic in w. Its eigenvalues set how
   * large a learning rate can be (η < 2/λ_max) and how fast gradient descent converges.
   * @example new LinearNeuron(2).hessian({ X: [[1, 0], [1, 2]], t: [0, 0] }); // => [[1, 1], [1, 2]]
   * @see notebooks/03-gradient-descent-linear-neuron.ipynb §3.6, eq. (7); its eigenvalues in §3.8, eqs. (8)–(9)
   */
  hessian(data: Dataset, batch?: ArrayLike<number>): number[][] {
    const size = this.checkData("hessian", data, batch);
    const H = Array.from({ length: this.inputs }, () => new Array<number>(this.inputs).fill(0));
    for (let k = 0; k < size; k++) {
      const x = data.X[batch === undefined ? k : batch[k]];
      for (let i = 0; i < this.inputs; i++)
        for (let j = 0; j < this.inputs; j++) H[i][j] += x[i] * x[j];
    }
    for (const row of H) {
      for (let j = 0; j < this.inputs; j++) {
        row[j] /= size;
        if (!Number.isFinite(row[j])) this.overflow("hessian", data, batch);
      }
    }
    return H;
  }

  private checkWeights(caller: string, w: ArrayLike<number>): void {
    requireVectorOfLength(caller, "w", w, this.inputs, "one per input");
  }

  /** Checks shapes and batch indices (cheap); finiteness of the values is checked only if a result is not finite. */
  private checkData(caller: string, data: Dataset, batch?: ArrayLike<number>): number {
    if (
      data === null ||
      typeof data !== "object" ||
      !Array.isArray(data.X) ||
      !Array.isArray(data.t)
    ) {
      throw new InvalidArgumentError(
        `${caller}: data is ${describeValue(data)}; expected { X: number[][], t: number[] }`,
      );
    }
    const N = data.X.length;
    if (N === 0)
      throw new InvalidArgumentError(`${caller}: data.X is empty; expected at least one example`);
    if (data.t.length !== N)
      throw new ShapeError(
        `${caller}: data.t has length ${data.t.length}; expected ${N} (one target per row of data.X)`,
      );
    for (let n = 0; n < N; n++) {
      const row = data.X[n];
      if (!Array.isArray(row) && !ArrayBuffer.isView(row))
        throw new InvalidArgumentError(
          `${caller}: data.X[${n}] is ${describeValue(row)}; expected an array of ${this.inputs} numbers`,
        );
      if (row.length !== this.inputs)
        throw new ShapeError(
          `${caller}: data.X[${n}] has length ${row.length}; expected ${this.inputs} (one per input)`,
        );
    }
    if (batch === undefined) return N;
    if (batch.length === 0)
      throw new InvalidArgumentError(`${caller}: batch is empty; expected at least one index`);
    for (let k = 0; k < batch.length; k++) {
      const n = batch[k];
      if (!Number.isInteger(n) || n < 0 || n >= N) {
        throw new InvalidArgumentError(
          `${caller}: batch[${k}] is ${describeValue(n)}; expected an integer from 0 to ${N - 1}`,
        );
      }
    }
    return batch.length;
  }

  /** Names the first NaN or ∞ in the examples of the batch. */
  private requireFiniteData(caller: string, data: Dataset, batch?: ArrayLike<number>): void {
    const size = batch === undefined ? data.X.length : batch.length;
    for (let k = 0; k < size; k++) {
      const n = batch === undefined ? k : batch[k];
      for (let i = 0; i < this.inputs; i++)
        requireFinite(caller, `data.X[${n}][${i}]`, data.X[n][i]);
      requireFinite(caller, `data.t[${n}]`, data.t[n]);
    }
  }

  /** Called when a result came out NaN or ∞: names the bad value in the data, or reports the overflow. */
  private overflow(caller: string, data: Dataset, batch?: ArrayLike<number>): never {
    this.requireFiniteData(caller, data, batch);
    throw new NonFiniteValueError(
      `${caller}: the result overflowed to ±Infinity; the weights or the data are too large`,
    );
  }
}

function dot(w: ArrayLike<number>, x: ArrayLike<number>): number {
  let y = 0;
  for (let i = 0; i < w.length; i++) y += w[i] * x[i];
  return y;
}

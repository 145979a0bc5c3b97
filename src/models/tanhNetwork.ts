/**
 * A two-layer network with tanh hidden units and linear outputs (Bishop, PRML §5.3), and its gradient
 * by back-propagation, written as lesson 4 derives it: one example at a time, one loop per sum, each
 * line beside the equation it computes. Forward pass, for an input x with x₀ = 1 (the bias input) and
 * z₀ = 1 (the bias unit):
 *
 *   hⱼ = Σᵢ w⁽¹⁾ⱼᵢ xᵢ        (i = 0 … D)                              eq. (4)
 *   zⱼ = tanh(hⱼ)                                                     eq. (5)
 *   yₖ = Σⱼ w⁽²⁾ₖⱼ zⱼ        (j = 0 … M)                              eq. (6)
 *
 * Error over a batch: E(w) = ½ Σₙ Σₖ (yₙₖ − tₙₖ)² (eq. (9), summed over the examples n). Backward pass,
 * with δ = ∂E/∂(a unit's input), each example's derivatives added up over the batch:
 *
 *   δₖ = yₖ − tₖ                          ∂E/∂w⁽²⁾ₖⱼ = δₖ zⱼ          eqs. (14), (15)
 *   δⱼ = (1 − zⱼ²) Σₖ w⁽²⁾ₖⱼ δₖ             ∂E/∂w⁽¹⁾ⱼᵢ = δⱼ xᵢ          eqs. (14), (15)
 *
 * Parameter layout (one flat vector, row after row):
 *   w⁽¹⁾ⱼᵢ at index j·(D + 1) + i                   (i = 0 is the bias)
 *   w⁽²⁾ₖⱼ at index M·(D + 1) + k·(M + 1) + j       (j = 0 is the bias)
 *
 * In code, as in lesson 4's worked example, hidden unit j is `h[j]`, `z[j]` for j = 0 … M − 1 (row j of
 * w⁽¹⁾), and z̃ = (1, z₁, …, z_M) puts the bias first, so the weight from hidden unit j to output k is
 * `w2[k][j + 1]`.
 *
 * This is the reference: plain arrays and `Math.tanh`, nothing tuned. The same network, fast (the matrix
 * form (16) over blocks of 64 examples, its own tanh), is `TanhNetworkFast` (./tanhNetworkFast.ts); it
 * is what `trainTanhNetwork` and `tanhNetworkModel` (./trainTanhNetwork.ts) compute with, and what
 * `npm run bench` times. Both take every sum in the same order; they differ only in tanh, by a few
 * units in the last place, so their E and ∂E/∂w agree to 1e-14 (tanhNetworkFast.test.ts).
 * @see notebooks/04-backpropagation-tanh-network.ipynb §4.2–4.4, eqs. (4)–(6), (9), (14) and (15)
 */
import { InvalidArgumentError } from "../errors/errors";
import {
  rejectUnknownOptions,
  requireBatch,
  requireInteger,
  requireLength,
  requireVectorOfLength,
} from "../errors/validate";
import { createRandom } from "../random/createRandom";

export interface TanhNetworkOptions {
  /** D: the size of an input x. */
  inputs: number;
  /** M: the number of tanh hidden units. */
  hiddenUnits: number;
  /** K: the size of an output y. */
  outputs: number;
  /** Seed of the initial weights (drawn uniformly from ±1/√(fan-in), biases included). */
  seed: string | number;
}

/** The values one forward pass computes: hidden pre-activations h, hidden outputs z, outputs y. */
export interface ForwardPass {
  h: number[];
  z: number[];
  y: number[];
}

/** How many single-example passes the network has made (for counting the cost of a gradient). */
export interface PassCounts {
  forward: number;
  backward: number;
}

/** Rows of numbers, one per example: a batch's inputs X or its targets T. */
export type Rows = readonly (readonly number[])[];

/** A batch of examples for a network: row n of X is the input xₙ, row n of T its target vector tₙ. */
export interface NetworkData {
  X: Rows;
  T: Rows;
}

/**
 * A two-layer tanh network: `new TanhNetwork({ inputs: 1, hiddenUnits: 3, outputs: 1, seed: 1 })`.
 * Its weights start uniform on ±1/√(fan-in), where the fan-in counts the bias: ±1/√(D + 1) into a
 * hidden unit, ±1/√(M + 1) into an output, drawn from `createRandom(seed)` in the layout's order.
 *
 * @example
 * new TanhNetwork({ inputs: 1, hiddenUnits: 3, outputs: 1, seed: 1 }).parameterCount; // => 10 (= 3·2 + 1·4)
 * const net = new TanhNetwork({ inputs: 1, hiddenUnits: 1, outputs: 1, seed: 1 });
 * net.setParameters([0.5, 2, -1, 3]);   // h = 0.5 + 2x, y = −1 + 3·tanh(h)
 * net.forward([0.25]).h;                // => [1]
 * net.loss([[0.25]], [[1]]);            // => 0.04055… (½(−1 + 3·tanh 1 − 1)²)
 * net.gradient([[0.25]], [[1]]);        // => [0.35880…, 0.08970…, 0.28478…, 0.21689…]
 * @see notebooks/04-backpropagation-tanh-network.ipynb §4.2, eqs. (4)–(6); §4.3, eqs. (14)–(15)
 */
export class TanhNetwork {
  readonly inputs: number;
  readonly hiddenUnits: number;
  readonly outputs: number;
  /** Passes made so far over single examples; reset it with `passes.forward = passes.backward = 0`. */
  readonly passes: PassCounts = { forward: 0, backward: 0 };
  /** w⁽¹⁾ⱼᵢ = w1[j][i]: M rows of D + 1 weights, i = 0 the bias. */
  private readonly w1: number[][];
  /** w⁽²⁾ₖⱼ = w2[k][j]: K rows of M + 1 weights, j = 0 the bias. */
  private readonly w2: number[][];

  constructor(options: TanhNetworkOptions) {
    const caller = "TanhNetwork";
    if (options === null || typeof options !== "object") {
      throw new InvalidArgumentError(
        `${caller}: options is ${String(options)}; expected { inputs, hiddenUnits, outputs, seed }`,
      );
    }
    rejectUnknownOptions(caller, options, ["inputs", "hiddenUnits", "outputs", "seed"]);
    const D = requireInteger(caller, "inputs", options.inputs, 1);
    const M = requireInteger(caller, "hiddenUnits", options.hiddenUnits, 1);
    const K = requireInteger(caller, "outputs", options.outputs, 1);
    if (options.seed === undefined)
      throw new InvalidArgumentError(`${caller}: seed is undefined; expected a string or a number`);
    this.inputs = D;
    this.hiddenUnits = M;
    this.outputs = K;
    const random = createRandom(options.seed);
    const uniform = (a: number) => () => random.uniform(-a, a);
    this.w1 = rows(M, D + 1, uniform(1 / Math.sqrt(D + 1))); // fan-in D + 1: the inputs and the bias
    this.w2 = rows(K, M + 1, uniform(1 / Math.sqrt(M + 1))); // fan-in M + 1: the hidden units and the bias
  }

  /** W: the number of weights, M(D + 1) + K(M + 1). */
  get parameterCount(): number {
    return this.hiddenUnits * (this.inputs + 1) + this.outputs * (this.hiddenUnits + 1);
  }

  /** A copy of all weights as one flat vector, in the layout documented at the top of this module. */
  get parameters(): number[] {
    return [...this.w1.flat(), ...this.w2.flat()];
  }

  /** The name of each entry of `parameters`: `w1[j=0,i=1]`, …, `w2[k=0,j=3]` (index 0 is the bias). */
  get parameterNames(): string[] {
    const names: string[] = [];
    for (let j = 0; j < this.hiddenUnits; j++)
      for (let i = 0; i <= this.inputs; i++) names.push(`w1[j=${j},i=${i}]`);
    for (let k = 0; k < this.outputs; k++)
      for (let j = 0; j <= this.hiddenUnits; j++) names.push(`w2[k=${k},j=${j}]`);
    return names;
  }

  /**
   * Multiply-adds of one single-example pass, read off the loops below (a bias counts as a weight times
   * the constant input 1): the forward pass uses every weight once, W; the backward pass uses every
   * weight once for its own derivative (15) and each non-bias w⁽²⁾ₖⱼ once more to send δₖ back (14),
   * W + K·M. Left out: the M + K element-wise products (1 − zⱼ²)·… and yₖ − tₖ, and the M tanh.
   * So a back-propagated gradient costs (2W + KM)/W ≤ 3 forward passes; finite differences cost 2W.
   * @example new TanhNetwork({ inputs: 1, hiddenUnits: 3, outputs: 1, seed: 1 }).multiplyAddsPerPass; // => { forward: 10, backward: 13 }
   * @see notebooks/04-backpropagation-tanh-network.ipynb §4.5
   */
  get multiplyAddsPerPass(): { forward: number; backward: number } {
    const W = this.parameterCount;
    return { forward: W, backward: W + this.outputs * this.hiddenUnits };
  }

  /**
   * Replaces all weights. @throws ShapeError when w has the wrong length; InvalidArgumentError naming
   * the first non-finite entry.
   */
  setParameters(w: ArrayLike<number>): void {
    const D = this.inputs,
      M = this.hiddenUnits,
      K = this.outputs;
    requireWeights("TanhNetwork.setParameters", w, this);
    for (let j = 0; j < M; j++) for (let i = 0; i <= D; i++) this.w1[j][i] = w[j * (D + 1) + i];
    for (let k = 0; k < K; k++)
      for (let j = 0; j <= M; j++) this.w2[k][j] = w[M * (D + 1) + k * (M + 1) + j];
  }

  /**
   * One forward pass: h = W⁽¹⁾[1; x], z = tanh(h), y = W⁽²⁾[1; z].
   * @throws ShapeError when x does not have `inputs` entries
   * @see notebooks/04-backpropagation-tanh-network.ipynb §4.2, eqs. (4)–(6)
   */
  forward(x: readonly number[]): ForwardPass {
    requireVectorOfLength("TanhNetwork.forward", "x", x, this.inputs);
    return this.pass(x);
  }

  /** The outputs y for every row of X (a convenience for plotting; one forward pass per row). */
  predict(X: Rows): number[][] {
    requireBatch("TanhNetwork.predict", X, undefined, this.inputs, this.outputs);
    return X.map((x) => this.pass(x).y);
  }

  /**
   * The sum-of-squares error over a batch, E = ½ Σₙ Σₖ (yₙₖ − tₙₖ)² (Bishop's sum, not the mean).
   * @throws ShapeError when X and T have different numbers of rows, or rows of the wrong size
   * @see notebooks/04-backpropagation-tanh-network.ipynb §4.3, eq. (9)
   */
  loss(X: Rows, T: Rows): number {
    requireBatch("TanhNetwork.loss", X, T, this.inputs, this.outputs);
    let E = 0;
    for (let n = 0; n < X.length; n++) {
      const { y } = this.pass(X[n]);
      for (let k = 0; k < this.outputs; k++) {
        const deltaK = y[k] - T[n][k];
        E += 0.5 * deltaK * deltaK; // E = ½ Σₙ Σₖ (yₖ − tₖ)², eq. (9)
      }
    }
    return E;
  }

  /**
   * ∂E/∂w for every weight, by back-propagation, in the layout of `parameters` (of the sum E).
   * @throws ShapeError as `loss` does
   * @see notebooks/04-backpropagation-tanh-network.ipynb §4.3, eqs. (14)–(15)
   */
  gradient(X: Rows, T: Rows): number[] {
    requireBatch("TanhNetwork.gradient", X, T, this.inputs, this.outputs);
    return this.backpropagate(X, T).gradient;
  }

  /** E and ∂E/∂w from the same forward passes (what a training step needs). */
  lossAndGradient(X: Rows, T: Rows): { loss: number; gradient: number[] } {
    requireBatch("TanhNetwork.gradient", X, T, this.inputs, this.outputs);
    const { E, gradient } = this.backpropagate(X, T);
    return { loss: E, gradient };
  }

  /**
   * `lossAndGradient` into a given array: writes ∂E/∂w ÷ `divisor` into `out` (W entries, the layout
   * of `parameters`) and returns E. (`TanhNetworkFast` has the same method, without allocating.)
   * @throws ShapeError as `loss` does, and when out does not have W entries
   */
  lossAndGradientInto(X: Rows, T: Rows, out: number[] | Float64Array, divisor = 1): number {
    const caller = "TanhNetwork.gradient";
    requireBatch(caller, X, T, this.inputs, this.outputs);
    requireLength(caller, "out", out.length, this.parameterCount);
    const { E, gradient } = this.backpropagate(X, T);
    gradient.forEach((g, n) => (out[n] = g / divisor));
    return E;
  }

  /** The forward pass (4)–(6) for one input x. */
  private pass(x: readonly number[]): ForwardPass {
    const D = this.inputs,
      M = this.hiddenUnits,
      K = this.outputs;
    const { w1, w2 } = this;
    this.passes.forward++;
    const xt = [1, ...x]; // x̃ = (1, x₁, …, x_D): x₀ = 1 is the bias input
    const h: number[] = [],
      z: number[] = [];
    for (let j = 0; j < M; j++) {
      h[j] = 0;
      for (let i = 0; i <= D; i++) h[j] += w1[j][i] * xt[i]; // hⱼ = Σᵢ w⁽¹⁾ⱼᵢ xᵢ, eq. (4)
      z[j] = Math.tanh(h[j]); // zⱼ = tanh(hⱼ), eq. (5): saturates to ±1, never NaN
    }
    const zt = [1, ...z]; // z̃ = (1, z₁, …, z_M): z₀ = 1 is the bias unit
    const y: number[] = [];
    for (let k = 0; k < K; k++) {
      y[k] = 0;
      for (let j = 0; j <= M; j++) y[k] += w2[k][j] * zt[j]; // yₖ = Σⱼ w⁽²⁾ₖⱼ zⱼ, eq. (6)
    }
    return { h, z, y };
  }

  /**
   * Back-propagation over the batch, one example at a time: its forward pass (4)–(6), its δs (14) and
   * every weight's derivative (15), added into g1 (∂E/∂w⁽¹⁾) and g2 (∂E/∂w⁽²⁾); and E (9). Returns E
   * and the gradient in the layout of `parameters`.
   */
  private backpropagate(X: Rows, T: Rows): { E: number; gradient: number[] } {
    const D = this.inputs,
      M = this.hiddenUnits,
      K = this.outputs;
    const { w2 } = this;
    const g1 = rows(M, D + 1, () => 0),
      g2 = rows(K, M + 1, () => 0);
    let E = 0;
    for (let n = 0; n < X.length; n++) {
      const { z, y } = this.pass(X[n]);
      this.passes.backward++;
      const xt = [1, ...X[n]], // x₀ = 1
        zt = [1, ...z]; // z₀ = 1
      const deltaK: number[] = [];
      for (let k = 0; k < K; k++) {
        deltaK[k] = y[k] - T[n][k]; // δₖ = yₖ − tₖ, eq. (14): d ½(yₖ − tₖ)²/dyₖ
        E += 0.5 * deltaK[k] * deltaK[k]; // E = ½ Σₙ Σₖ (yₖ − tₖ)², eq. (9)
        for (let j = 0; j <= M; j++) g2[k][j] += deltaK[k] * zt[j]; // ∂E/∂w⁽²⁾ₖⱼ = δₖ zⱼ, eq. (15)
      }
      for (let j = 0; j < M; j++) {
        let sum = 0;
        for (let k = 0; k < K; k++) sum += w2[k][j + 1] * deltaK[k]; // Σₖ w⁽²⁾ₖⱼ δₖ, eq. (12)
        // d tanh(h)/dh = 1 − tanh(h)² = 1 − zⱼ², eq. (8)
        const deltaJ = (1 - z[j] * z[j]) * sum; // δⱼ = (1 − zⱼ²) Σₖ w⁽²⁾ₖⱼ δₖ, eq. (14)
        for (let i = 0; i <= D; i++) g1[j][i] += deltaJ * xt[i]; // ∂E/∂w⁽¹⁾ⱼᵢ = δⱼ xᵢ, eq. (15)
      }
    }
    return { E, gradient: [...g1.flat(), ...g2.flat()] };
  }
}

/**
 * Requires W = M(D + 1) + K(M + 1) finite weights for a network of D inputs, M hidden units and K
 * outputs: what `setParameters` of `TanhNetwork` and of `TanhNetworkFast` check.
 * @throws ShapeError for another length (the message shows how W is made up); InvalidArgumentError
 *   naming the first non-finite weight
 * @example requireWeights("TanhNetwork.setParameters", [1, 2, 3], { inputs: 1, hiddenUnits: 1, outputs: 1 }); // throws ShapeError: TanhNetwork.setParameters: w has length 3; expected 4 (= 1·(1 + 1) + 1·(1 + 1))
 */
export function requireWeights(
  caller: string,
  w: ArrayLike<number>,
  sizes: { inputs: number; hiddenUnits: number; outputs: number },
): void {
  const { inputs: D, hiddenUnits: M, outputs: K } = sizes;
  const why = `= ${M}·(${D} + 1) + ${K}·(${M} + 1)`;
  requireVectorOfLength(caller, "w", w, M * (D + 1) + K * (M + 1), why);
}

/** `count` rows of `length` numbers, each from `value()` in order, row after row. */
function rows(count: number, length: number, value: () => number): number[][] {
  return Array.from({ length: count }, () => Array.from({ length: length }, value));
}

/**
 * Bishop's error as a function of the flat weight vector alone, w ↦ E(w) over the examples X, T (eq. (9)
 * summed over n): what `gradcheck` and `numericalGradient` differentiate. Each call loads w into the
 * network, evaluates E and puts the network's own weights back, so checking a gradient leaves the
 * network as it was.
 * @throws InvalidArgumentError when net is not a TanhNetwork; the returned function throws what
 *   `setParameters` and `loss` throw for a bad w, X or T
 * @example
 * const net = new TanhNetwork({ inputs: 1, hiddenUnits: 3, outputs: 1, seed: 1 });
 * const E = errorAt(net, [[0], [1]], [[0], [1]]);
 * E(net.parameters) === net.loss([[0], [1]], [[0], [1]]); // => true
 * @see notebooks/04-backpropagation-tanh-network.ipynb §4.4, eq. (9)
 */
export function errorAt(net: TanhNetwork, X: Rows, T: Rows): (w: ArrayLike<number>) => number {
  if (!(net instanceof TanhNetwork))
    throw new InvalidArgumentError(`errorAt: net is not a TanhNetwork`);
  return (w) => {
    const saved = net.parameters;
    net.setParameters(w);
    try {
      return net.loss(X, T);
    } finally {
      net.setParameters(saved);
    }
  };
}

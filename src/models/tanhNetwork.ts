/**
 * A two-layer network with tanh hidden units and linear outputs (Bishop, PRML §5.3), trained by
 * back-propagation. Forward pass, for an input x with x₀ = 1 (the bias input) and z₀ = 1 (the bias unit):
 *
 *   hⱼ = Σᵢ w⁽¹⁾ⱼᵢ xᵢ        (i = 0 … inputs)
 *   zⱼ = tanh(hⱼ)
 *   yₖ = Σⱼ w⁽²⁾ₖⱼ zⱼ        (j = 0 … hiddenUnits)
 *
 * Error over a batch: E(w) = ½ Σₙ Σₖ (yₙₖ − tₙₖ)². Backward pass, with δ = ∂E/∂(a unit's input):
 *
 *   δₖ = yₖ − tₖ                          ∂E/∂w⁽²⁾ₖⱼ = δₖ zⱼ
 *   δⱼ = (1 − zⱼ²) Σₖ w⁽²⁾ₖⱼ δₖ             ∂E/∂w⁽¹⁾ⱼᵢ = δⱼ xᵢ
 *
 * Parameter layout (one flat vector, row after row):
 *   w⁽¹⁾ⱼᵢ at index j·(inputs + 1) + i                         (i = 0 is the bias)
 *   w⁽²⁾ₖⱼ at index hiddenUnits·(inputs + 1) + k·(hiddenUnits + 1) + j   (j = 0 is the bias)
 *
 * E is Bishop's sum (the derivation and the gradient checks use it); the optimiser trains the mean E/N
 * through `tanhNetworkModel`.
 * @see notebooks/04-backpropagation-tanh-network.ipynb §4.2–4.4, eqs. (4)–(6), (9) and (14)–(16)
 */
import { DivergenceError, InvalidArgumentError, ShapeError } from "../errors/errors";
import {
  rejectUnknownOptions,
  requireFiniteRows,
  requireFunction,
  requireInteger,
  requirePositive,
  requireVectorOfLength,
} from "../errors/validate";
import { createRandom } from "../random/createRandom";
import { namedDescentSteps } from "../optim/gradientDescent";
import type { Model } from "../optim/model";

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

/**
 * A two-layer tanh network: `new TanhNetwork({ inputs: 1, hiddenUnits: 3, outputs: 1, seed: 1 })`.
 * Float64 throughout; batches run through preallocated Float64Array buffers, no allocation per example.
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
  /** All weights, in the documented layout; w1 and w2 are views into it. */
  private readonly w: Float64Array;
  private readonly w1: Float64Array;
  private readonly w2: Float64Array;
  // Scratch for one example: reused by every pass, so a batch allocates nothing per example.
  private readonly h: Float64Array;
  private readonly z: Float64Array;
  private readonly y: Float64Array;
  /** δₖ of the output units for the current example. */
  private readonly deltaOut: Float64Array;
  /** ∂E/∂w summed over the batch, in the layout of `parameters` (reused by every call). */
  private readonly g: Float64Array;

  constructor(options: TanhNetworkOptions) {
    const caller = "TanhNetwork";
    if (options === null || typeof options !== "object") {
      throw new InvalidArgumentError(
        `${caller}: options is ${String(options)}; expected { inputs, hiddenUnits, outputs, seed }`,
      );
    }
    rejectUnknownOptions(caller, options, ["inputs", "hiddenUnits", "outputs", "seed"]);
    this.inputs = requireInteger(caller, "inputs", options.inputs, 1);
    this.hiddenUnits = requireInteger(caller, "hiddenUnits", options.hiddenUnits, 1);
    this.outputs = requireInteger(caller, "outputs", options.outputs, 1);
    if (options.seed === undefined)
      throw new InvalidArgumentError(`${caller}: seed is undefined; expected a string or a number`);
    const D = this.inputs,
      M = this.hiddenUnits,
      K = this.outputs;
    this.w = new Float64Array(M * (D + 1) + K * (M + 1));
    this.w1 = this.w.subarray(0, M * (D + 1));
    this.w2 = this.w.subarray(M * (D + 1));
    this.h = new Float64Array(M);
    this.z = new Float64Array(M);
    this.y = new Float64Array(K);
    this.deltaOut = new Float64Array(K);
    this.g = new Float64Array(this.w.length);
    const random = createRandom(options.seed);
    const a1 = 1 / Math.sqrt(D + 1),
      a2 = 1 / Math.sqrt(M + 1);
    for (let n = 0; n < this.w1.length; n++) this.w1[n] = random.uniform(-a1, a1);
    for (let n = 0; n < this.w2.length; n++) this.w2[n] = random.uniform(-a2, a2);
  }

  /** W: the number of weights, M(D + 1) + K(M + 1). */
  get parameterCount(): number {
    return this.w.length;
  }

  /** A copy of all weights as one flat vector, in the layout documented at the top of this module. */
  get parameters(): number[] {
    return Array.from(this.w);
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
    const W = this.w.length;
    return { forward: W, backward: W + this.outputs * this.hiddenUnits };
  }

  /**
   * Replaces all weights. @throws ShapeError when w has the wrong length; InvalidArgumentError naming
   * the first non-finite entry.
   */
  setParameters(w: ArrayLike<number>): void {
    const caller = "TanhNetwork.setParameters";
    if (w === null || typeof w !== "object" || typeof w.length !== "number") {
      throw new InvalidArgumentError(
        `${caller}: w is ${String(w)}; expected an array of ${this.w.length} numbers`,
      );
    }
    if (w.length !== this.w.length) {
      throw new ShapeError(
        `${caller}: w has length ${w.length}; expected ${this.w.length} (= ${this.hiddenUnits}·(${this.inputs} + 1) + ${this.outputs}·(${this.hiddenUnits} + 1))`,
      );
    }
    requireVectorOfLength(caller, "w", w, w.length);
    this.w.set(w);
  }

  /**
   * One forward pass: h = W⁽¹⁾[1; x], z = tanh(h), y = W⁽²⁾[1; z].
   * @throws ShapeError when x does not have `inputs` entries
   * @see notebooks/04-backpropagation-tanh-network.ipynb §4.2, eqs. (4)–(6)
   */
  forward(x: readonly number[]): ForwardPass {
    requireVectorOfLength("TanhNetwork.forward", "x", x, this.inputs);
    this.forwardOne(x);
    return { h: Array.from(this.h), z: Array.from(this.z), y: Array.from(this.y) };
  }

  /** The outputs y for every row of X (a convenience for plotting; one forward pass per row). */
  predict(X: readonly (readonly number[])[]): number[][] {
    this.checkBatch("TanhNetwork.predict", X);
    return X.map((x) => (this.forwardOne(x), Array.from(this.y)));
  }

  /**
   * The sum-of-squares error over a batch, E = ½ Σₙ Σₖ (yₙₖ − tₙₖ)² (Bishop's sum, not the mean).
   * @throws ShapeError when X and T have different numbers of rows, or rows of the wrong size
   * @see notebooks/04-backpropagation-tanh-network.ipynb §4.3, eq. (9)
   */
  loss(X: readonly (readonly number[])[], T: readonly (readonly number[])[]): number {
    this.checkBatch("TanhNetwork.loss", X, T);
    let E = 0;
    for (let n = 0; n < X.length; n++) {
      this.forwardOne(X[n]);
      const t = T[n];
      for (let k = 0; k < this.outputs; k++) E += 0.5 * (this.y[k] - t[k]) ** 2;
    }
    return E;
  }

  /**
   * ∂E/∂w for every weight, by back-propagation, in the layout of `parameters` (of the sum E).
   * @throws ShapeError as `loss` does
   * @see notebooks/04-backpropagation-tanh-network.ipynb §4.3, eqs. (14)–(16)
   */
  gradient(X: readonly (readonly number[])[], T: readonly (readonly number[])[]): number[] {
    return this.lossAndGradient(X, T).gradient;
  }

  /** E and ∂E/∂w from the same forward passes (what a training step needs). */
  lossAndGradient(
    X: readonly (readonly number[])[],
    T: readonly (readonly number[])[],
  ): { loss: number; gradient: number[] } {
    this.checkBatch("TanhNetwork.gradient", X, T);
    const D = this.inputs,
      M = this.hiddenUnits,
      K = this.outputs;
    const { w2, z, y, deltaOut, g } = this;
    g.fill(0);
    const g1 = g.subarray(0, M * (D + 1)),
      g2 = g.subarray(M * (D + 1));
    let E = 0;
    for (let n = 0; n < X.length; n++) {
      const x = X[n],
        t = T[n];
      this.forwardOne(x);
      this.passes.backward += 1;
      for (let k = 0; k < K; k++) {
        // d ½(y − t)²/dy = y − t: the output unit's δₖ
        const deltaK = y[k] - t[k];
        deltaOut[k] = deltaK;
        E += 0.5 * deltaK * deltaK;
        const row = k * (M + 1);
        g2[row] += deltaK; // bias: z₀ = 1
        for (let j = 0; j < M; j++) g2[row + j + 1] += deltaK * z[j]; // dyₖ/dw⁽²⁾ₖⱼ = zⱼ
      }
      for (let j = 0; j < M; j++) {
        // dyₖ/dzⱼ = w⁽²⁾ₖⱼ; zⱼ feeds every yₖ, so sum over k
        let back = 0;
        for (let k = 0; k < K; k++) back += w2[k * (M + 1) + j + 1] * deltaOut[k];
        // d tanh(h)/dh = 1 − tanh(h)²: the hidden unit's δⱼ
        const deltaJ = (1 - z[j] * z[j]) * back;
        const row = j * (D + 1);
        g1[row] += deltaJ; // bias: x₀ = 1
        for (let i = 0; i < D; i++) g1[row + i + 1] += deltaJ * x[i]; // dhⱼ/dw⁽¹⁾ⱼᵢ = xᵢ
      }
    }
    return { loss: E, gradient: Array.from(g) };
  }

  /** The forward pass for one example into the scratch buffers h, z, y. */
  private forwardOne(x: readonly number[]): void {
    const D = this.inputs,
      M = this.hiddenUnits,
      K = this.outputs;
    const { w1, w2, h, z, y } = this;
    this.passes.forward += 1;
    for (let j = 0; j < M; j++) {
      const row = j * (D + 1);
      let a = w1[row]; // bias: x₀ = 1
      for (let i = 0; i < D; i++) a += w1[row + i + 1] * x[i];
      h[j] = a;
      // Math.tanh saturates to ±1 for large |h|; (eʰ − e⁻ʰ)/(eʰ + e⁻ʰ) would be ∞/∞ = NaN past |h| ≈ 710.
      z[j] = Math.tanh(a);
    }
    for (let k = 0; k < K; k++) {
      const row = k * (M + 1);
      let a = w2[row]; // bias: z₀ = 1
      for (let j = 0; j < M; j++) a += w2[row + j + 1] * z[j];
      y[k] = a;
    }
  }

  // Every row is checked on every call; the message (and its strings) is built only for a bad row.
  private checkBatch(caller: string, X: unknown, T?: unknown): void {
    if (!Array.isArray(X))
      throw new InvalidArgumentError(
        `${caller}: X is ${X === null ? "null" : typeof X}; expected an array of input rows`,
      );
    if (X.length === 0) throw new ShapeError(`${caller}: X has 0 rows; expected at least 1`);
    requireFiniteRows(caller, "X", X, this.inputs);
    if (T === undefined) return;
    if (!Array.isArray(T))
      throw new InvalidArgumentError(
        `${caller}: T is ${T === null ? "null" : typeof T}; expected an array of target rows`,
      );
    if (T.length !== X.length)
      throw new ShapeError(
        `${caller}: T has ${T.length} rows; expected ${X.length} (one per row of X)`,
      );
    requireFiniteRows(caller, "T", T, this.outputs);
  }
}

/** A batch of examples for a network: row n of X is the input xₙ, row n of T its target vector tₙ. */
export interface NetworkData {
  X: readonly (readonly number[])[];
  T: readonly (readonly number[])[];
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
export function errorAt(
  net: TanhNetwork,
  X: readonly (readonly number[])[],
  T: readonly (readonly number[])[],
): (w: ArrayLike<number>) => number {
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

/**
 * The network as a `Model` for the course's optimiser (`gradientDescent`, notebook 3): the **mean**
 * error E(w)/N and its gradient ∇E(w)/N at any flat weight vector w, over all N examples or over a
 * batch of them (then N is the batch's size). Bishop's E (`TanhNetwork.loss`) is a sum, so its
 * gradient grows with the number of examples; the mean does not, so a learning rate η means the same
 * step for every batch size (a step of η on E/N is a step of η/N on E). Each call loads w into the
 * network.
 * @example
 * const net = new TanhNetwork({ inputs: 1, hiddenUnits: 3, outputs: 1, seed: 1 });
 * const model = tanhNetworkModel(net), w = net.parameters;
 * model.loss(w, { X: [[0], [1]], T: [[0], [1]] }) === net.loss([[0], [1]], [[0], [1]]) / 2; // => true
 * gradientDescent(model, { X: [[0], [1]], T: [[0], [1]] }, w, { learningRate: 0.2, steps: 10 }).losses.length; // => 11
 * @see notebooks/04-backpropagation-tanh-network.ipynb §4.6, eq. (17)
 */
export function tanhNetworkModel(net: TanhNetwork): Model<NetworkData> {
  if (!(net instanceof TanhNetwork))
    throw new InvalidArgumentError(`tanhNetworkModel: net is not a TanhNetwork`);
  const rows = <R>(all: readonly R[], batch?: ArrayLike<number>): readonly R[] =>
    batch === undefined ? all : Array.from(batch, (n) => all[n]);
  return {
    loss(w, data, batch) {
      net.setParameters(w);
      const X = rows(data.X, batch);
      return net.loss(X, rows(data.T, batch)) / X.length; // E/N
    },
    gradient(w, data, batch, out) {
      net.setParameters(w);
      const X = rows(data.X, batch);
      const g = net.gradient(X, rows(data.T, batch));
      const target = out ?? g;
      for (let n = 0; n < g.length; n++) target[n] = g[n] / X.length; // ∇E/N
      return target;
    },
  };
}

export interface TrainOptions {
  /** η: the step size on the mean error E/N (a step of η on E/N is a step of η/N on Bishop's E). */
  learningRate: number;
  /** How many full-batch steps to take. */
  steps: number;
  /** Called after every step with the step number (1, 2, …) and the mean error E/N before that step. */
  onStep?: (step: number, loss: number) => void;
}

/**
 * Full-batch gradient descent on the network's mean error, w ← w − η ∇E(w)/N, `steps` times, with the
 * course's optimiser (`descentSteps`, notebook 3) on `tanhNetworkModel`. Leaves the final weights in
 * `net` and returns the mean error E/N before each step and after the last one (length steps + 1).
 * @throws DivergenceError naming the step, the learning rate and the last finite loss when E becomes NaN or ∞
 * @example
 * const net = new TanhNetwork({ inputs: 1, hiddenUnits: 3, outputs: 1, seed: 1 });
 * const losses = trainTanhNetwork(net, [[0], [1]], [[0], [1]], { learningRate: 0.2, steps: 500 });
 * losses[500] < losses[0]; // => true
 * losses[500] === net.loss([[0], [1]], [[0], [1]]) / 2; // => true (E/N)
 * @see notebooks/04-backpropagation-tanh-network.ipynb §4.6, eq. (17)
 */
export function trainTanhNetwork(
  net: TanhNetwork,
  X: readonly (readonly number[])[],
  T: readonly (readonly number[])[],
  options: TrainOptions,
): number[] {
  const caller = "trainTanhNetwork";
  if (!(net instanceof TanhNetwork))
    throw new InvalidArgumentError(`${caller}: net is not a TanhNetwork`);
  rejectUnknownOptions(caller, options, ["learningRate", "steps", "onStep"]);
  if (options.onStep !== undefined) requireFunction(caller, "onStep", options.onStep);
  const losses: number[] = [];
  const states = namedDescentSteps(
    caller,
    tanhNetworkModel(net),
    { X, T },
    Array.from(net.parameters),
    { learningRate: options.learningRate, steps: options.steps },
  );
  for (const state of states) {
    // descentSteps evaluates E at the new weights last, so `net` already holds them here.
    if (state.step > 0) options.onStep?.(state.step, losses[losses.length - 1]);
    losses.push(state.loss);
  }
  return losses;
}

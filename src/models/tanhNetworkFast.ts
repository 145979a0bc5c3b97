/**
 * The same two-layer tanh network as `TanhNetwork` (./tanhNetwork.ts, lesson 4's equations one example
 * at a time), computed fast: what training (`trainTanhNetwork`, `tanhNetworkModel`) and `npm run bench`
 * run. Same weights, same layout, same E = ½ Σₙ Σₖ (yₙₖ − tₙₖ)² and ∂E/∂w; only the way they are computed
 * differs.
 *
 * How a batch is computed: the matrix form (16) with the examples as columns, `BLOCK` examples at a
 * time. Column c of X̃ is (1, xₙ) and of Z̃ is (1, zₙ), so the biases are the rows of ones x₀ = z₀ = 1:
 *
 *   H = W⁽¹⁾X̃      Z = tanh(H)      Y = W⁽²⁾Z̃
 *   Δ⁽²⁾ = Y − T    ∇W⁽²⁾ += Δ⁽²⁾Z̃ᵀ    Δ⁽¹⁾ = (1 − Z⊙Z) ⊙ (W̄⁽²⁾ᵀΔ⁽²⁾)    ∇W⁽¹⁾ += Δ⁽¹⁾X̃ᵀ
 *
 * The products are `multiply` and `addProducts` (./blockProducts.ts: eight running sums side by side),
 * and tanh is `applyTanh` (./tanh.ts: `Math.tanh` to 3 parts in 2⁵², inlined). Every inner loop runs
 * along a row of a Float64Array (one unit's values over the block's examples), the block's matrices
 * stay in the cache, and nothing is allocated after the constructor.
 *
 * Each sum is taken in the same order as `TanhNetwork`'s (over i, j or k in order, over n in order),
 * so the two differ only where tanh does: by a few units in the last place, which leaves E and ∂E/∂w
 * equal to 1e-14 (tanhNetworkFast.test.ts).
 * @see notebooks/04-backpropagation-tanh-network.ipynb §4.3, eq. (16)
 */
import { InvalidArgumentError } from "../errors/errors";
import { requireBatch, requireLength, requireVectorOfLength } from "../errors/validate";
import { addProducts, BLOCK, multiply } from "./blockProducts";
import { applyTanh } from "./tanh";
import {
  requireWeights,
  TanhNetwork,
  type ForwardPass,
  type PassCounts,
  type Rows,
} from "./tanhNetwork";

/**
 * `TanhNetwork`'s fast twin: `new TanhNetworkFast(net)` has net's shape and (a copy of) its current
 * weights; from then on the two are independent. Float64 throughout; batches run through preallocated
 * Float64Array blocks, no allocation per example.
 * @throws InvalidArgumentError when net is not a TanhNetwork
 * @example
 * const net = new TanhNetwork({ inputs: 1, hiddenUnits: 3, outputs: 1, seed: 1 });
 * const fast = new TanhNetworkFast(net);
 * fast.parameters.every((w, n) => w === net.parameters[n]); // => true
 * Math.abs(fast.loss([[0.5]], [[1]]) - net.loss([[0.5]], [[1]])) < 1e-15; // => true
 * @see notebooks/04-backpropagation-tanh-network.ipynb §4.3, eq. (16)
 */
export class TanhNetworkFast {
  readonly inputs: number;
  readonly hiddenUnits: number;
  readonly outputs: number;
  /** Passes made so far over single examples; reset it with `passes.forward = passes.backward = 0`. */
  readonly passes: PassCounts = { forward: 0, backward: 0 };
  /** All weights, in `TanhNetwork`'s layout; w1 and w2 are views into it. */
  private readonly w: Float64Array;
  private readonly w1: Float64Array;
  private readonly w2: Float64Array;
  // The block: BLOCK columns, one per example, each matrix row after row (row stride BLOCK).
  /** X̃: (D + 1) × BLOCK, row 0 all ones (x₀ = 1), row i the inputs xᵢ. */
  private readonly Xb: Float64Array;
  /** H: M × BLOCK, the hidden units' inputs. */
  private readonly Hb: Float64Array;
  /** Z̃: (M + 1) × BLOCK, row 0 all ones (z₀ = 1), row j + 1 the hidden outputs zⱼ = tanh(hⱼ). */
  private readonly Zb: Float64Array;
  /** Y: K × BLOCK, the outputs. */
  private readonly Yb: Float64Array;
  /** Δ⁽²⁾: K × BLOCK, the output units' δₖ = yₖ − tₖ. */
  private readonly delta2: Float64Array;
  /** Δ⁽¹⁾: M × BLOCK, first W̄⁽²⁾ᵀΔ⁽²⁾ = Σₖ w⁽²⁾ₖⱼ δₖ, then the hidden units' δⱼ. */
  private readonly delta1: Float64Array;
  /** ∂E/∂w summed over the batch, in the layout of `parameters` (reused by every call). */
  private readonly g: Float64Array;

  constructor(net: TanhNetwork) {
    if (!(net instanceof TanhNetwork))
      throw new InvalidArgumentError(`TanhNetworkFast: net is not a TanhNetwork`);
    const D = (this.inputs = net.inputs),
      M = (this.hiddenUnits = net.hiddenUnits),
      K = (this.outputs = net.outputs);
    this.w = Float64Array.from(net.parameters);
    this.w1 = this.w.subarray(0, M * (D + 1));
    this.w2 = this.w.subarray(M * (D + 1));
    this.Xb = new Float64Array((D + 1) * BLOCK).fill(1, 0, BLOCK);
    this.Hb = new Float64Array(M * BLOCK);
    this.Zb = new Float64Array((M + 1) * BLOCK).fill(1, 0, BLOCK);
    this.Yb = new Float64Array(K * BLOCK);
    this.delta2 = new Float64Array(K * BLOCK);
    this.delta1 = new Float64Array(M * BLOCK);
    this.g = new Float64Array(this.w.length);
  }

  /** W: the number of weights, M(D + 1) + K(M + 1). */
  get parameterCount(): number {
    return this.w.length;
  }

  /** A copy of all weights as one flat vector, in `TanhNetwork`'s layout. */
  get parameters(): number[] {
    return Array.from(this.w);
  }

  /**
   * Replaces all weights. @throws ShapeError when w has the wrong length; InvalidArgumentError naming
   * the first non-finite entry.
   */
  setParameters(w: ArrayLike<number>): void {
    requireWeights("TanhNetworkFast.setParameters", w, this);
    this.w.set(w);
  }

  /**
   * One forward pass: h = W⁽¹⁾[1; x], z = tanh(h), y = W⁽²⁾[1; z].
   * @throws ShapeError when x does not have `inputs` entries
   */
  forward(x: readonly number[]): ForwardPass {
    requireVectorOfLength("TanhNetworkFast.forward", "x", x, this.inputs);
    this.forwardBlock([x], 0, 1);
    const M = this.hiddenUnits,
      K = this.outputs;
    const { Hb, Zb, Yb } = this;
    return {
      h: Array.from({ length: M }, (_, j) => Hb[j * BLOCK]),
      z: Array.from({ length: M }, (_, j) => Zb[(j + 1) * BLOCK]),
      y: Array.from({ length: K }, (_, k) => Yb[k * BLOCK]),
    };
  }

  /** The outputs y for every row of X. */
  predict(X: Rows): number[][] {
    requireBatch("TanhNetworkFast.predict", X, undefined, this.inputs, this.outputs);
    const K = this.outputs;
    const out: number[][] = [];
    for (let n0 = 0; n0 < X.length; n0 += BLOCK) {
      const cols = Math.min(BLOCK, X.length - n0);
      this.forwardBlock(X, n0, cols);
      for (let c = 0; c < cols; c++)
        out.push(Array.from({ length: K }, (_, k) => this.Yb[k * BLOCK + c]));
    }
    return out;
  }

  /**
   * The sum-of-squares error over a batch, E = ½ Σₙ Σₖ (yₙₖ − tₙₖ)² (Bishop's sum, not the mean).
   * @throws ShapeError when X and T have different numbers of rows, or rows of the wrong size
   */
  loss(X: Rows, T: Rows): number {
    requireBatch("TanhNetworkFast.loss", X, T, this.inputs, this.outputs);
    let E = 0;
    for (let n0 = 0; n0 < X.length; n0 += BLOCK) {
      const cols = Math.min(BLOCK, X.length - n0);
      this.forwardBlock(X, n0, cols);
      E = this.outputDeltas(T, n0, cols, E);
    }
    return E;
  }

  /**
   * ∂E/∂w for every weight, by back-propagation, in the layout of `parameters` (of the sum E).
   * @throws ShapeError as `loss` does
   */
  gradient(X: Rows, T: Rows): number[] {
    requireBatch("TanhNetworkFast.gradient", X, T, this.inputs, this.outputs);
    this.backpropagate(X, T);
    return Array.from(this.g);
  }

  /** E and ∂E/∂w from the same forward passes (what a training step needs). */
  lossAndGradient(X: Rows, T: Rows): { loss: number; gradient: number[] } {
    requireBatch("TanhNetworkFast.gradient", X, T, this.inputs, this.outputs);
    const loss = this.backpropagate(X, T);
    return { loss, gradient: Array.from(this.g) };
  }

  /**
   * `lossAndGradient` without allocating: writes ∂E/∂w ÷ `divisor` into `out` (W entries, the layout of
   * `parameters`) and returns E. A training loop calls it every step (`tanhNetworkModel` with
   * divisor N, for the mean error's gradient ∇E/N).
   * @throws ShapeError as `loss` does, and when out does not have W entries
   */
  lossAndGradientInto(X: Rows, T: Rows, out: number[] | Float64Array, divisor = 1): number {
    const caller = "TanhNetworkFast.gradient";
    requireBatch(caller, X, T, this.inputs, this.outputs);
    requireLength(caller, "out", out.length, this.w.length);
    const E = this.backpropagate(X, T);
    const { g } = this;
    for (let n = 0; n < g.length; n++) out[n] = g[n] / divisor;
    return E;
  }

  /**
   * Back-propagation over the batch, `BLOCK` examples at a time: the forward pass (4)–(6), the δs (14),
   * and every weight's derivative (15) summed into `g`, as the matrix form (16). Returns E.
   */
  private backpropagate(X: Rows, T: Rows): number {
    const D = this.inputs,
      M = this.hiddenUnits,
      K = this.outputs;
    const { w2, g, Xb, Zb, delta1, delta2 } = this;
    g.fill(0);
    const g2 = M * (D + 1); // where ∂E/∂w⁽²⁾ starts in g
    let E = 0;
    for (let n0 = 0; n0 < X.length; n0 += BLOCK) {
      const cols = Math.min(BLOCK, X.length - n0);
      this.forwardBlock(X, n0, cols);
      E = this.outputDeltas(T, n0, cols, E); // Δ⁽²⁾ = Y − T: δₖ = yₖ − tₖ
      this.passes.backward += cols;
      // ∂E/∂w⁽²⁾ₖⱼ = Σₙ δₖ zⱼ: ∇W⁽²⁾ += Δ⁽²⁾Z̃ᵀ (j = 0: the bias, z₀ = 1)
      addProducts(g, g2, M + 1, 1, K, M + 1, delta2, Zb, cols);
      // Σₖ w⁽²⁾ₖⱼ δₖ: W̄⁽²⁾ᵀΔ⁽²⁾, where W̄⁽²⁾ᵀ's entry (j, k) is w⁽²⁾ₖⱼ₊₁ (column j + 1 of row k)
      multiply(w2, 1, 1, M + 1, M, K, delta2, cols, delta1);
      // d tanh(h)/dh = 1 − tanh(h)²: the hidden units' δⱼ = (1 − zⱼ²) Σₖ w⁽²⁾ₖⱼ δₖ
      for (let j = 0; j < M; j++) {
        const row = j * BLOCK,
          zRow = (j + 1) * BLOCK;
        for (let c = 0; c < cols; c++) {
          const z = Zb[zRow + c];
          delta1[row + c] = (1 - z * z) * delta1[row + c];
        }
      }
      // ∂E/∂w⁽¹⁾ⱼᵢ = Σₙ δⱼ xᵢ: ∇W⁽¹⁾ += Δ⁽¹⁾X̃ᵀ (i = 0: the bias, x₀ = 1), summed as its transpose
      // X̃Δ⁽¹⁾ᵀ (entry (i, j) at j·(D + 1) + i), so that the four side-by-side sums run over j
      addProducts(g, 0, 1, D + 1, D + 1, M, Xb, delta1, cols);
    }
    return E;
  }

  /**
   * The forward pass (4)–(6) for examples n0 … n0 + cols − 1 of X: H = W⁽¹⁾X̃, Z = tanh(H), Y = W⁽²⁾Z̃,
   * into the block's columns 0 … cols − 1.
   */
  private forwardBlock(X: Rows, n0: number, cols: number): void {
    const D = this.inputs,
      M = this.hiddenUnits,
      K = this.outputs;
    const { Xb, Hb, Zb, Yb } = this;
    this.passes.forward += cols;
    for (let c = 0; c < cols; c++) {
      const x = X[n0 + c];
      for (let i = 0; i < D; i++) Xb[(i + 1) * BLOCK + c] = x[i]; // row 0 stays 1: x₀ = 1
    }
    multiply(this.w1, 0, D + 1, 1, M, D + 1, Xb, cols, Hb); // hⱼ = Σᵢ w⁽¹⁾ⱼᵢ xᵢ
    for (let j = 0; j < M; j++) {
      const row = j * BLOCK,
        zRow = (j + 1) * BLOCK; // row 0 of Z̃ stays 1: z₀ = 1
      // tanh (./tanh.ts) saturates to ±1, where (eʰ − e⁻ʰ)/(eʰ + e⁻ʰ) is NaN.
      applyTanh(Hb, row, Zb, zRow, cols); // zⱼ = tanh(hⱼ) for the block's examples
    }
    multiply(this.w2, 0, M + 1, 1, K, M + 1, Zb, cols, Yb); // yₖ = Σⱼ w⁽²⁾ₖⱼ zⱼ
  }

  /**
   * Δ⁽²⁾ = Y − T for the block (δₖ = yₖ − tₖ, targets n0 … n0 + cols − 1 of T); returns E plus the
   * block's part of E = ½ Σₙ Σₖ δₖ², added example by example.
   */
  private outputDeltas(T: Rows, n0: number, cols: number, E: number): number {
    const K = this.outputs;
    const { Yb, delta2 } = this;
    for (let c = 0; c < cols; c++) {
      const t = T[n0 + c];
      for (let k = 0; k < K; k++) {
        // d ½(y − t)²/dy = y − t: the output unit's δₖ
        const deltaK = Yb[k * BLOCK + c] - t[k];
        delta2[k * BLOCK + c] = deltaK;
        E += 0.5 * deltaK * deltaK;
      }
    }
    return E;
  }
}

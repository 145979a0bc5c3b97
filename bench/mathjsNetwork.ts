/**
 * The course's tanh network written with mathjs matrices, straight from the matrix form of the
 * equations (float64, so it must agree with TanhNetwork to rounding). Only for the benchmark: it is the
 * "obvious" implementation with a general-purpose matrix library, to compare TanhNetwork's loops with.
 *
 *   Xa = [1 X]          H = Xa·W1ᵀ      Z = tanh(H)      Za = [1 Z]      Y = Za·W2ᵀ
 *   Δ2 = Y − T          ∂E/∂W2 = Δ2ᵀ·Za
 *   Δ1 = (1 − Z∘Z) ∘ (Δ2·W2[:, 1:])      ∂E/∂W1 = Δ1ᵀ·Xa
 *
 * It trains the mean error E/N, as the course's optimiser does: w ← w − (η/N)·∂E/∂w.
 */
import * as math from "mathjs";
import type { Problem } from "./problems";

type M = math.Matrix;

/** Full-batch gradient descent with mathjs matrices, from weights in the layout of `TanhNetwork.parameters`. */
export class MathjsNetwork {
  private readonly Xa: M;
  private readonly T: M;
  private W1: M; // M × (D + 1), column 0 the bias
  private W2: M; // K × (M + 1), column 0 the bias
  private readonly ones: M;
  private readonly learningRate: number;
  private readonly hiddenUnits: number;
  private readonly outputs: number;

  constructor(p: Problem, w: readonly number[]) {
    const D = p.inputs,
      Mh = p.hiddenUnits,
      K = p.outputs;
    const rows = (offset: number, count: number, width: number) =>
      Array.from({ length: count }, (_, r) =>
        w.slice(offset + r * width, offset + (r + 1) * width),
      );
    this.W1 = math.matrix(rows(0, Mh, D + 1));
    this.W2 = math.matrix(rows(Mh * (D + 1), K, Mh + 1));
    this.ones = math.ones(p.X.length, 1) as M;
    this.Xa = math.concat(this.ones, math.matrix(p.X), 1) as M;
    this.T = math.matrix(p.T);
    this.learningRate = p.learningRate;
    this.hiddenUnits = Mh;
    this.outputs = K;
  }

  private forward(): { Z: M; Za: M; Y: M } {
    const H = math.multiply(this.Xa, math.transpose(this.W1));
    const Z = math.map(H, Math.tanh);
    const Za = math.concat(this.ones, Z, 1) as M;
    return { Z, Za, Y: math.multiply(Za, math.transpose(this.W2)) };
  }

  /** E/N = ½ ΣΣ (y − t)² / N. */
  loss(): number {
    const D2 = math.subtract(this.forward().Y, this.T);
    return (0.5 * (math.sum(math.dotMultiply(D2, D2)) as number)) / this.ones.size()[0];
  }

  /** `epochs` gradient-descent steps w ← w − η∇E/N. */
  train(epochs: number): void {
    const K = this.outputs,
      Mh = this.hiddenUnits;
    for (let e = 0; e < epochs; e++) {
      const { Z, Za, Y } = this.forward();
      const D2 = math.subtract(Y, this.T);
      const G2 = math.multiply(math.transpose(D2), Za);
      const W2noBias = math.subset(this.W2, math.index(math.range(0, K), math.range(1, Mh + 1)));
      const D1 = math.dotMultiply(
        math.subtract(1, math.dotMultiply(Z, Z)),
        math.multiply(D2, W2noBias),
      );
      const G1 = math.multiply(math.transpose(D1), this.Xa);
      const rate = this.learningRate / this.ones.size()[0]; // a step of η on E/N is η/N on E
      this.W1 = math.subtract(this.W1, math.multiply(rate, G1));
      this.W2 = math.subtract(this.W2, math.multiply(rate, G2));
    }
  }
}

/**
 * Backpropagation for Bishop's tanh network written out with plain arrays, with an optional classic
 * mistake switched on: the gradients lesson 5 shows failing their gradient checks.
 * @see notebooks/05-backprop-bugs-and-autodiff.ipynb §5.1
 */
import { InvalidArgumentError, ShapeError } from "../errors/errors";
import type { TanhNetwork } from "../models/tanhNetwork";

/** The mistakes `backpropWithBug` can make ("none" is the correct backward pass). */
export const backpropBugs = [
  "none",
  "no sum over k",
  "1 − h² for 1 − z²",
  "forgotten output bias",
  "mean in one layer only",
  "δₖ = t − y",
  "w⁽²⁾ transposed",
] as const;
export type BackpropBug = (typeof backpropBugs)[number];

/**
 * ∂E/∂w in `TanhNetwork`'s layout by δⱼ = (1 − zⱼ²) Σₖ w⁽²⁾ₖⱼ δₖ and ∂E/∂w = δ × input (lesson 4,
 * eqs. (14)–(15)), with one mistake:
 * - "no sum over k": δⱼ = (1 − zⱼ²) w⁽²⁾₁ⱼ δ₁, only the first output's share;
 * - "1 − h² for 1 − z²": the tanh derivative applied to the wrong quantity;
 * - "forgotten output bias": ∂E/∂w⁽²⁾ₖ₀ left at 0;
 * - "mean in one layer only": the output-layer gradient divided by N, the hidden layer's not;
 * - "δₖ = t − y": the output error with the wrong sign;
 * - "w⁽²⁾ transposed": δⱼ = (1 − zⱼ²) Σₖ w⁽²⁾ⱼₖ δₖ, the weight matrix read the wrong way round (the
 *   matrix form's W⁽²⁾ for W⁽²⁾ᵀ); it fits only when M = K, and it is right when w⁽²⁾ is symmetric.
 * @throws InvalidArgumentError for an unknown bug; ShapeError for "w⁽²⁾ transposed" when M ≠ K
 * @example
 * const net = new TanhNetwork({ inputs: 1, hiddenUnits: 1, outputs: 1, seed: 1 });
 * net.setParameters([0.5, 2, -1, 3]);
 * backpropWithBug(net, [[0.25]], [[1]], "none");         // => [0.35880…, 0.08970…, 0.28478…, 0.21689…]
 * backpropWithBug(net, [[0.25]], [[1]], "δₖ = t − y");   // => [−0.35880…, −0.08970…, −0.28478…, −0.21689…]
 * @see notebooks/05-backprop-bugs-and-autodiff.ipynb §5.1
 */
export function backpropWithBug(
  net: TanhNetwork,
  X: number[][],
  T: number[][],
  bug: BackpropBug,
): number[] {
  if (!backpropBugs.includes(bug)) {
    throw new InvalidArgumentError(
      `backpropWithBug: bug is ${JSON.stringify(bug)}; expected one of ${backpropBugs.map((b) => JSON.stringify(b)).join(", ")}`,
    );
  }
  const D = net.inputs,
    M = net.hiddenUnits,
    K = net.outputs,
    w = net.parameters;
  const at2 = M * (D + 1);
  if (bug === "w⁽²⁾ transposed" && M !== K)
    throw new ShapeError(
      `backpropWithBug: "w⁽²⁾ transposed" needs as many hidden units as outputs; got M = ${M}, K = ${K}`,
    );
  /** Where w⁽²⁾ₖⱼ is in w (j ≥ 1 a hidden unit, j = 0 the bias); with the bug, w⁽²⁾ⱼₖ's place. */
  const w2At = (k: number, j: number) =>
    bug === "w⁽²⁾ transposed" ? at2 + (j - 1) * (M + 1) + k + 1 : at2 + k * (M + 1) + j;
  const g = new Array<number>(w.length).fill(0);
  X.forEach((x, n) => {
    const { h, z, y } = net.forward(x);
    const deltaK = y.map((yk, k) => (bug === "δₖ = t − y" ? T[n][k] - yk : yk - T[n][k]));
    const scale2 = bug === "mean in one layer only" ? 1 / X.length : 1;
    deltaK.forEach((dk, k) => {
      if (bug !== "forgotten output bias") g[at2 + k * (M + 1)] += scale2 * dk;
      z.forEach((zj, j) => (g[at2 + k * (M + 1) + j + 1] += scale2 * dk * zj));
    });
    z.forEach((zj, j) => {
      const ks = bug === "no sum over k" ? [0] : deltaK.map((_, k) => k);
      const back = ks.reduce((s, k) => s + w[w2At(k, j + 1)] * deltaK[k], 0);
      const slope = bug === "1 − h² for 1 − z²" ? 1 - h[j] * h[j] : 1 - zj * zj;
      const deltaJ = slope * back;
      g[j * (D + 1)] += deltaJ;
      x.forEach((xi, i) => (g[j * (D + 1) + i + 1] += deltaJ * xi));
    });
  });
  return g;
}

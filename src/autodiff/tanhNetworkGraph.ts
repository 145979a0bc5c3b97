/**
 * Bishop's two-layer tanh network (lesson 4) written as a graph of engine operations, so the engine's
 * gradient can be compared with the hand-derived backpropagation of `TanhNetwork`.
 * @see notebooks/05-backprop-bugs-and-autodiff.ipynb §5.4
 */
import { InvalidArgumentError, ShapeError } from "../errors/errors";
import { requireFiniteVector } from "../errors/validate";
import type { TanhNetwork } from "../models/tanhNetwork";
import { backward } from "./backward";
import { mul, pow, sub, sum, tanh } from "./operations";
import { value, type Value } from "./value";

/** The sizes of the network: D inputs, M hidden units, K outputs. */
export interface NetworkShape {
  inputs: number;
  hiddenUnits: number;
  outputs: number;
}

/**
 * E = ½ Σₙ Σₖ (yₙₖ − tₙₖ)² as a graph, with hⱼ = Σᵢ w⁽¹⁾ⱼᵢ xᵢ, zⱼ = tanh(hⱼ), yₖ = Σⱼ w⁽²⁾ₖⱼ zⱼ
 * (x₀ = z₀ = 1), from the weights `w` in `TanhNetwork`'s layout.
 * @throws ShapeError when w, a row of X or a row of T has the wrong length, or X and T differ in rows
 * @example
 * const w = [0.5, 2, -1, 3].map((n) => value(n));
 * networkLossGraph(w, { inputs: 1, hiddenUnits: 1, outputs: 1 }, [[0.25]], [[1]]).data; // => 0.04055…
 * @see notebooks/04-backpropagation-tanh-network.ipynb §4.2, eqs. (4)–(6), (9)
 */
export function networkLossGraph(
  w: readonly Value[],
  shape: NetworkShape,
  X: readonly (readonly number[])[],
  T: readonly (readonly number[])[],
): Value {
  const caller = "networkLossGraph";
  const { inputs: D, hiddenUnits: M, outputs: K } = shape;
  if (w.length !== M * (D + 1) + K * (M + 1))
    throw new ShapeError(
      `${caller}: w has length ${w.length}; expected ${M * (D + 1) + K * (M + 1)}`,
    );
  if (!Array.isArray(X) || !Array.isArray(T) || X.length !== T.length || X.length === 0) {
    throw new ShapeError(
      `${caller}: X and T must be non-empty arrays with the same number of rows`,
    );
  }
  const w1 = (j: number, i: number) => w[j * (D + 1) + i];
  const w2 = (k: number, j: number) => w[M * (D + 1) + k * (M + 1) + j];
  const errors: Value[] = [];
  X.forEach((xRow, n) => {
    const x = requireFiniteVector(caller, `X[${n}]`, xRow),
      t = requireFiniteVector(caller, `T[${n}]`, T[n]);
    if (x.length !== D || t.length !== K)
      throw new ShapeError(
        `${caller}: row ${n} has ${x.length} inputs and ${t.length} targets; expected ${D} and ${K}`,
      );
    const z = Array.from({ length: M }, (_, j) =>
      tanh(sum([w1(j, 0), ...x.map((xi, i) => mul(w1(j, i + 1), xi))])),
    );
    for (let k = 0; k < K; k++) {
      const y = sum([w2(k, 0), ...z.map((zj, j) => mul(w2(k, j + 1), zj))]);
      errors.push(mul(0.5, pow(sub(y, t[k]), 2)));
    }
  });
  return sum(errors);
}

/**
 * The engine's E and ∂E/∂w for a `TanhNetwork` at its current weights, and the number of graph nodes
 * the backward pass visited.
 * @throws InvalidArgumentError when net is not a network; ShapeError as `networkLossGraph`
 * @example
 * const net = new TanhNetwork({ inputs: 1, hiddenUnits: 1, outputs: 1, seed: 1 });
 * net.setParameters([0.5, 2, -1, 3]);
 * engineGradient(net, [[0.25]], [[1]]).gradient; // => [0.35880…, 0.08970…, 0.28478…, 0.21689…]
 * @see notebooks/05-backprop-bugs-and-autodiff.ipynb §5.4
 */
export function engineGradient(
  net: TanhNetwork,
  X: readonly (readonly number[])[],
  T: readonly (readonly number[])[],
): { loss: number; gradient: number[]; nodes: number } {
  if (net === null || typeof net !== "object" || !Array.isArray(net.parameters)) {
    throw new InvalidArgumentError("engineGradient: net is not a TanhNetwork");
  }
  const w = net.parameters.map((wn) => value(wn));
  const E = networkLossGraph(w, net, X, T);
  const order = backward(E);
  return { loss: E.data, gradient: w.map((v) => v.grad), nodes: order.length };
}

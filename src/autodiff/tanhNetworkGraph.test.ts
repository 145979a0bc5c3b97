import { test } from "node:test";
import assert from "node:assert/strict";
import { gradcheck } from "../calculus/gradcheck";
import { createRandom } from "../random/createRandom";
import { errorAt, TanhNetwork } from "../models/tanhNetwork";
import { engineGradient, networkLossGraph } from "./tanhNetworkGraph";
import { value } from "./value";

function batch(seed: string, N: number, D: number, K: number) {
  const r = createRandom(seed);
  const X = Array.from({ length: N }, () => Array.from({ length: D }, () => r.uniform(-2, 2)));
  const T = Array.from({ length: N }, () => Array.from({ length: K }, () => r.uniform(-1, 1)));
  return { X, T };
}

test("the engine's gradient of Bishop's network equals TanhNetwork.gradient to 1e-12 and passes the gradient check", () => {
  for (const [D, M, K, N, seed] of [
    [1, 1, 1, 1, 1],
    [1, 3, 1, 5, 2],
    [2, 4, 2, 7, 3],
    [3, 5, 2, 10, 4],
    [4, 2, 3, 3, 5],
  ]) {
    const net = new TanhNetwork({ inputs: D, hiddenUnits: M, outputs: K, seed });
    const { X, T } = batch(`data-${seed}`, N, D, K);
    const engine = engineGradient(net, X, T);
    const reference = net.gradient(X, T);
    const scale = Math.max(...reference.map(Math.abs));
    const gap = Math.max(...engine.gradient.map((g, n) => Math.abs(g - reference[n])));
    assert.ok(gap <= 1e-12 * scale, `D=${D} M=${M} K=${K}: ${gap} vs scale ${scale}`);
    assert.ok(Math.abs(engine.loss - net.loss(X, T)) <= 1e-12 * net.loss(X, T));
    assert.ok(gradcheck(errorAt(net, X, T), engine.gradient, net.parameters).passed);
  }
});

test("the doc example: a 1-1-1 network", () => {
  const w = [0.5, 2, -1, 3].map((n) => value(n));
  const E = networkLossGraph(w, { inputs: 1, hiddenUnits: 1, outputs: 1 }, [[0.25]], [[1]]);
  assert.ok(Math.abs(E.data - 0.5 * (-1 + 3 * Math.tanh(1) - 1) ** 2) < 1e-15);
});

test("bad shapes are rejected", () => {
  const w = [0.5, 2, -1, 3].map((n) => value(n));
  const shape = { inputs: 1, hiddenUnits: 1, outputs: 1 };
  assert.throws(
    () => networkLossGraph(w.slice(1), shape, [[0]], [[0]]),
    /networkLossGraph: w has length 3; expected 4/,
  );
  assert.throws(() => networkLossGraph(w, shape, [[0, 1]], [[0]]), /row 0 has 2 inputs/);
  assert.throws(
    () => networkLossGraph(w, shape, [[NaN]], [[0]]),
    /networkLossGraph: X\[0\]\[0\] is NaN/,
  );
  assert.throws(
    () => engineGradient(null as unknown as TanhNetwork, [[0]], [[0]]),
    /engineGradient: net is not a TanhNetwork/,
  );
});

test("the engineGradient doc example matches TanhNetwork's", () => {
  const net = new TanhNetwork({ inputs: 1, hiddenUnits: 1, outputs: 1, seed: 1 });
  net.setParameters([0.5, 2, -1, 3]);
  const expected = [0.3588, 0.0897, 0.28478, 0.21689];
  engineGradient(net, [[0.25]], [[1]]).gradient.forEach((g, n) =>
    assert.ok(Math.abs(g - expected[n]) < 1e-5, `${n}: ${g}`),
  );
});

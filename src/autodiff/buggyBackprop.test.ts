import { test } from "node:test";
import assert from "node:assert/strict";
import { gradcheck } from "../calculus/gradcheck";
import { errorAt, TanhNetwork } from "../models/tanhNetwork";
import { backpropBugs, backpropWithBug, type BackpropBug } from "./buggyBackprop";

const net = new TanhNetwork({ inputs: 2, hiddenUnits: 3, outputs: 2, seed: 7 });
const X = [
    [0.5, -1],
    [1.2, 0.3],
    [-0.7, 0.9],
  ],
  T = [
    [1, 0],
    [0, 1],
    [0.5, -0.5],
  ];
const E = errorAt(net, X, T);

test("without a bug it is lesson 4's backpropagation", () => {
  const g = backpropWithBug(net, X, T, "none"),
    reference = net.gradient(X, T);
  g.forEach((gn, n) => assert.ok(Math.abs(gn - reference[n]) < 1e-15));
});

test("every bug fails the gradient check", () => {
  for (const bug of backpropBugs.filter((b) => b !== "none" && b !== "w⁽²⁾ transposed")) {
    assert.equal(gradcheck(E, backpropWithBug(net, X, T, bug), net.parameters).passed, false, bug);
  }
});

// The transposed-weights bug needs M = K: a 2-2-2 network on the same batch.
const square = new TanhNetwork({ inputs: 2, hiddenUnits: 2, outputs: 2, seed: 7 });
const squareE = (w: number[]) => {
  const saved = square.parameters;
  square.setParameters(w);
  const e = square.loss(X, T);
  square.setParameters(saved);
  return e;
};

test("w⁽²⁾ transposed: only the hidden layer is wrong, and it equals δⱼ with w⁽²⁾ⱼₖ", () => {
  const g = backpropWithBug(square, X, T, "w⁽²⁾ transposed"),
    right = square.gradient(X, T);
  const report = gradcheck(squareE, g, square.parameters);
  assert.equal(report.passed, false);
  // Output layer (w⁽²⁾, indices 6…11) untouched; the hidden layer (0…5) differs.
  for (let n = 6; n < 12; n++) assert.ok(Math.abs(g[n] - right[n]) < 1e-15, `w2 index ${n}`);
  assert.ok(g.slice(0, 6).some((gn, n) => Math.abs(gn - right[n]) > 1e-6));
  // By hand for unit j = 0 and one example: δ₀ = (1 − z₀²)(w⁽²⁾₀₀ δ₀ + w⁽²⁾₀₁ δ₁), i.e. w2[j=0][k].
  const one = backpropWithBug(square, [X[0]], [T[0]], "w⁽²⁾ transposed");
  const { z, y } = square.forward(X[0]);
  const w = square.parameters,
    dK = [y[0] - T[0][0], y[1] - T[0][1]];
  const delta0 = (1 - z[0] * z[0]) * (w[6 + 1] * dK[0] + w[6 + 2] * dK[1]);
  assert.ok(Math.abs(one[0] - delta0) < 1e-15, `${one[0]} vs ${delta0}`);
});

test("w⁽²⁾ transposed is right when w⁽²⁾ is symmetric, and refused when M ≠ K", () => {
  const w = square.parameters;
  // w⁽²⁾ layout: row k = [bias, w⁽²⁾ₖ₁, w⁽²⁾ₖ₂] at 6 + 3k; make w⁽²⁾₁₂ = w⁽²⁾₂₁.
  const symmetric = new TanhNetwork({ inputs: 2, hiddenUnits: 2, outputs: 2, seed: 7 });
  symmetric.setParameters(w.map((v, n) => (n === 6 + 3 + 1 ? w[6 + 2] : v)));
  const g = backpropWithBug(symmetric, X, T, "w⁽²⁾ transposed"),
    right = symmetric.gradient(X, T);
  g.forEach((gn, n) => assert.ok(Math.abs(gn - right[n]) < 1e-15, `index ${n}`));
  assert.throws(
    () => backpropWithBug(net, X, T, "w⁽²⁾ transposed"),
    /backpropWithBug: "w⁽²⁾ transposed" needs as many hidden units as outputs; got M = 3, K = 2/,
  );
});

test("an unknown bug is rejected with the list of known ones", () => {
  assert.throws(
    () => backpropWithBug(net, X, T, "typo" as BackpropBug),
    /backpropWithBug: bug is "typo"; expected one of "none"/,
  );
});

test("the doc example: the sign bug negates every derivative", () => {
  const small = new TanhNetwork({ inputs: 1, hiddenUnits: 1, outputs: 1, seed: 1 });
  small.setParameters([0.5, 2, -1, 3]);
  const right = backpropWithBug(small, [[0.25]], [[1]], "none");
  const wrong = backpropWithBug(small, [[0.25]], [[1]], "δₖ = t − y");
  assert.ok(Math.abs(right[0] - 0.3588) < 1e-4);
  wrong.forEach((g, n) => assert.equal(g, -right[n]));
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { gradcheck } from "../calculus/gradcheck";
import { TanhNetwork } from "../models/tanhNetwork";
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
const E = (w: number[]) => {
  const saved = net.parameters;
  net.setParameters(w);
  const e = net.loss(X, T);
  net.setParameters(saved);
  return e;
};

test("without a bug it is lesson 4's backpropagation", () => {
  const g = backpropWithBug(net, X, T, "none"),
    reference = net.gradient(X, T);
  g.forEach((gn, n) => assert.ok(Math.abs(gn - reference[n]) < 1e-15));
});

test("every bug fails the gradient check", () => {
  for (const bug of backpropBugs.filter((b) => b !== "none")) {
    assert.equal(gradcheck(E, backpropWithBug(net, X, T, bug), net.parameters).passed, false, bug);
  }
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

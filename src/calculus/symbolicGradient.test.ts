import assert from "node:assert/strict";
import { test } from "node:test";
import { numericalGradient } from "./numericalGradient";
import { symbolicGradient } from "./symbolicGradient";

test("the doc example: partials of x²y", () => {
  const g = symbolicGradient("x^2 * y", ["x", "y"]);
  assert.deepEqual(g.texts, ["2 * y * x", "x ^ 2"]);
  assert.deepEqual(g.evaluate([3, 2]), [12, 9]);
  assert.equal(g.tex.length, 2);
});

test("it agrees with central differences on a function of three variables", () => {
  const g = symbolicGradient("x * exp(-x^2 - y^2) + sin(z) * y", ["x", "y", "z"]);
  const f = ([x, y, z]: number[]) => x * Math.exp(-x * x - y * y) + Math.sin(z) * y;
  for (const p of [
    [0.3, -0.2, 1],
    [-1, 0.5, 2],
    [1.2, 1.1, -0.7],
  ]) {
    const numeric = numericalGradient(f, p);
    g.evaluate(p).forEach((v, i) => assert.ok(Math.abs(v - numeric[i]) < 1e-9));
  }
});

test("bad input is rejected with the function and argument named", () => {
  assert.throws(() => symbolicGradient("", ["x"]), /symbolicGradient: expression is ""/);
  assert.throws(
    () => symbolicGradient("x +", ["x"]),
    /symbolicGradient: cannot differentiate "x \+"/,
  );
  assert.throws(() => symbolicGradient("x", []), /symbolicGradient: variables is \[\]/);
  assert.throws(() => symbolicGradient("x*y", ["x", "x"]), /repeat a name/);
  assert.throws(
    () => symbolicGradient("x*y", ["x", "y"]).evaluate([1]),
    /symbolicGradient: values has length 1; expected 2/,
  );
  assert.throws(
    () => symbolicGradient("log(x)", ["x"]).evaluate([0]),
    /symbolicGradient: ∂\/∂x is Infinity/,
  );
});

test("without simplification a long expression is still differentiated exactly", () => {
  const terms = Array.from({ length: 20 }, (_, n) => `(w * (${n / 7}) + b - (${Math.sin(n)}))^2`);
  const g = symbolicGradient(`(${terms.join(" + ")}) / 40`, ["w", "b"], { simplify: false });
  const f = ([w, b]: number[]) =>
    terms.reduce((s, _, n) => s + (w * (n / 7) + b - Math.sin(n)) ** 2, 0) / 40;
  const numeric = numericalGradient(f, [0.4, -1.2]);
  g.evaluate([0.4, -1.2]).forEach((v, i) => assert.ok(Math.abs(v - numeric[i]) < 1e-8));
  assert.throws(
    () => symbolicGradient("x", ["x"], { simple: true } as never),
    /symbolicGradient: unknown option "simple"/,
  );
});

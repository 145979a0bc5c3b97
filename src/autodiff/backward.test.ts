import { test } from "node:test";
import assert from "node:assert/strict";
import { backward } from "./backward";
import { add, mul, pow, sub, tanh } from "./operations";
import { value, type Value } from "./value";

test("L = ½(tanh(w·x + b) − t)² gets the chain-rule gradient", () => {
  const w = value(0.8),
    x = value(1.5),
    b = value(-0.3),
    t = 0.2;
  const z = tanh(add(mul(w, x), b));
  backward(mul(0.5, pow(sub(z, t), 2)));
  const dh = (z.data - t) * (1 - z.data ** 2); // ∂L/∂h = (z − t)(1 − z²)
  assert.ok(Math.abs(w.grad - dh * 1.5) < 1e-15);
  assert.ok(Math.abs(x.grad - dh * 0.8) < 1e-15);
  assert.ok(Math.abs(b.grad - dh) < 1e-15);
});

test("a second backward pass gives the same gradients (they are reset, not added up)", () => {
  const x = value(3);
  const L = mul(x, add(x, 1));
  backward(L);
  const first = x.grad;
  backward(L);
  assert.equal(x.grad, first);
  assert.equal(first, 7); // d(x² + x)/dx = 2x + 1
});

test("it returns the nodes it visited", () => {
  const x = value(1);
  assert.equal(backward(add(x, x)).length, 2);
});

test("a backward pass needs one scalar loss", () => {
  const outputs = [value(1), value(2)];
  assert.throws(
    () => backward(outputs as unknown as Value),
    /backward: L is an array of 2 values; expected one Value, a scalar loss/,
  );
  assert.throws(() => backward(2 as unknown as Value), /backward: L is 2/);
});

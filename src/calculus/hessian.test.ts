import assert from "node:assert/strict";
import { test } from "node:test";
import { LinearNeuron } from "../models/linearNeuron";
import { createRandom } from "../random/createRandom";
import { numericalHessian, symmetricEigenvalues } from "./hessian";

const close = (a: number, b: number, tolerance: number, what: string) =>
  assert.ok(Math.abs(a - b) <= tolerance, `${what}: ${a} vs ${b}`);

test("the examples in the doc comments hold", () => {
  const H = numericalHessian(([a, b]) => [2 * a + b, a + 6 * b], [1, 2]);
  [
    [2, 1],
    [1, 6],
  ].forEach((row, i) => row.forEach((v, j) => close(H[i][j], v, 1e-9, `H[${i}][${j}]`)));
  assert.deepEqual(
    symmetricEigenvalues([
      [2, 1],
      [1, 2],
    ]).map((v) => Math.round(v * 1e12) / 1e12),
    [1, 3],
  );
});

test("the Hessian of a quadratic ½wᵀAw + bᵀw is A, and its eigenvalues are A's", () => {
  const random = createRandom("hessian-quadratic");
  const n = 6;
  const B = Array.from({ length: n }, () => Array.from({ length: n }, () => random.uniform(-1, 1)));
  // A = BᵀB + I: symmetric positive definite, eigenvalues known through A's construction below
  const A = B.map((_, i) =>
    B.map((__, j) => B.reduce((s, row) => s + row[i] * row[j], 0) + (i === j ? 1 : 0)),
  );
  const b = Array.from({ length: n }, () => random.uniform(-1, 1));
  const gradient = (w: number[]) =>
    A.map((row, i) => row.reduce((s, a, j) => s + a * w[j], 0) + b[i]); // ∇ = Aw + b
  const w = Array.from({ length: n }, () => random.uniform(-2, 2));
  const H = numericalHessian(gradient, w);
  H.forEach((row, i) => row.forEach((v, j) => close(v, A[i][j], 1e-8, `H[${i}][${j}]`)));
  H.forEach((row, i) => row.forEach((v, j) => assert.equal(v, H[j][i])));
  const values = symmetricEigenvalues(H);
  assert.deepEqual(
    values,
    [...values].sort((p, q) => p - q),
  );
  // trace = Σλ and every λ ≥ 1 (A = BᵀB + I)
  close(
    values.reduce((s, v) => s + v, 0),
    A.reduce((s, row, i) => s + row[i], 0),
    1e-8,
    "trace",
  );
  assert.ok(values[0] >= 1 - 1e-9, `λ_min ${values[0]}`);
});

test("the Hessian from the linear neuron's gradient is its exact Hessian 1/N Σ xxᵀ (lesson 3)", () => {
  const neuron = new LinearNeuron(2);
  const data = {
    X: [
      [1, 0.5],
      [1, -1],
      [1, 2],
    ],
    t: [1, 0, 2],
  };
  const H = numericalHessian((w) => neuron.gradient(w, data), [0.3, -0.2]);
  const exact = neuron.hessian(data);
  H.forEach((row, i) => row.forEach((v, j) => close(v, exact[i][j], 1e-9, `H[${i}][${j}]`)));
});

test("bad input throws a typed error naming the function and the argument", () => {
  assert.throws(() => numericalHessian(() => [1], [1, 2]), {
    name: "ShapeError",
    message: /numericalHessian: gradient returned 1 entries at w \+ .*·e0; expected 2/,
  });
  assert.throws(() => numericalHessian((w) => w, [1, NaN]), /numericalHessian: w\[1\] is NaN/);
  assert.throws(() => numericalHessian((w) => [NaN, w[1]], [1, 2]), /numericalHessian: gradient/);
  assert.throws(
    () => numericalHessian((w) => w, [1], { step: 1 } as never),
    /unknown option "step"/,
  );
  assert.throws(
    () =>
      symmetricEigenvalues([
        [1, 2],
        [0, 1],
      ]),
    /symmetricEigenvalues: H\[0\]\[1\] = 2 but H\[1\]\[0\] = 0; expected a symmetric matrix/,
  );
  assert.throws(() => symmetricEigenvalues([[1, 2]]), {
    name: "ShapeError",
    message: /H\[0\] has length 2; expected 1/,
  });
  assert.throws(() => symmetricEigenvalues([]), /symmetricEigenvalues: H is empty/);
});

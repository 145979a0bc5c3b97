import assert from "node:assert/strict";
import { test } from "node:test";
import { gradcheck } from "../calculus/gradcheck";
import { createRandom } from "../random/createRandom";
import { type Dataset, LinearNeuron } from "./linearNeuron";

const neuron = new LinearNeuron(2);
const data: Dataset = {
  X: [
    [1, 0],
    [0, 1],
    [2, -1],
  ],
  t: [1, 2, 0],
};

test("the output is the weighted sum of the inputs", () => {
  assert.equal(neuron.predict([1, 2], [3, 4]), 11);
  assert.equal(new LinearNeuron(3).predict([1, -1, 2], [5, 5, 1]), 2);
});

test("the loss is half the mean squared error", () => {
  // errors: 1·1 − 1 = 0, 1 − 2 = −1, 2 − 1 − 0 = 1  →  (0 + 1 + 1) / (2·3)
  assert.equal(neuron.loss([1, 1], data), 1 / 3);
  assert.equal(neuron.loss([1, 1], data, [1]), 0.5);
  assert.equal(
    neuron.loss([1, 1], {
      X: [
        [1, 0],
        [0, 1],
      ],
      t: [0, 3],
    }),
    1.25,
  );
});

test("the gradient is the mean of error times input, as the doc example says", () => {
  assert.deepEqual(
    neuron.gradient([1, 1], {
      X: [
        [1, 0],
        [0, 1],
      ],
      t: [0, 3],
    }),
    [0.5, -1],
  );
});

test("the gradient agrees with central differences for every weight, at random points and batches", () => {
  const random = createRandom("gradient");
  const X = Array.from({ length: 25 }, () => [random.normal(), random.normal(), random.normal()]);
  const big: Dataset = { X, t: X.map(() => random.normal()) };
  const model = new LinearNeuron(3);
  for (let trial = 0; trial < 20; trial++) {
    const w = [random.normal(0, 3), random.normal(0, 3), random.normal(0, 3)];
    const batch = trial % 2 === 0 ? undefined : random.shuffle(X.map((_, n) => n)).slice(0, 5);
    const report = gradcheck((v) => model.loss(v, big, batch), model.gradient(w, big, batch), w);
    assert.ok(report.passed, `trial ${trial}: max scaled error ${report.maxScaledError}`);
  }
});

test("the gradient is written into out without a new array", () => {
  const out = [9, 9];
  const g = neuron.gradient([0.5, -0.25], data, undefined, out);
  assert.equal(g, out);
  assert.deepEqual(out, neuron.gradient([0.5, -0.25], data));
});

test("the Hessian is the mean outer product of the inputs and the gradient is linear in it", () => {
  const H = neuron.hessian(data);
  assert.deepEqual(H, [
    [5 / 3, -2 / 3],
    [-2 / 3, 2 / 3],
  ]);
  // ∇E(w) − ∇E(0) = H w for a quadratic error
  const w = [0.3, -1.7];
  const g = neuron.gradient(w, data),
    g0 = neuron.gradient([0, 0], data);
  for (let i = 0; i < 2; i++)
    assert.ok(Math.abs(g[i] - g0[i] - (H[i][0] * w[0] + H[i][1] * w[1])) < 1e-12);
});

test("huge weights make the loss Infinity rather than NaN", () => {
  assert.equal(neuron.loss([1e200, 1e200], data), Infinity);
  assert.throws(() => neuron.gradient([1e300, 1e300], { X: [[1e10, 1e10]], t: [0] }), {
    name: "NonFiniteValueError",
    message: /gradient: the result overflowed/,
  });
});

test("bad weights, inputs and batches are named in the error", () => {
  assert.throws(() => new LinearNeuron(0), {
    name: "InvalidArgumentError",
    message: /LinearNeuron: inputs is 0; expected an integer ≥ 1/,
  });
  assert.throws(() => neuron.predict([1, NaN], [1, 2]), {
    name: "InvalidArgumentError",
    message: /predict: w\[1\] is NaN/,
  });
  assert.throws(() => neuron.predict([1, 2, 3], [1, 2]), {
    name: "ShapeError",
    message: /predict: w has length 3; expected 2/,
  });
  assert.throws(() => neuron.loss([1, 1], { X: [[1, 0], [0]], t: [1, 2] }), {
    name: "ShapeError",
    message: /loss: data.X\[1\] has length 1; expected 2/,
  });
  assert.throws(() => neuron.loss([1, 1], { X: [[1, 0]], t: [1, 2] }), {
    name: "ShapeError",
    message: /loss: data.t has length 2; expected 1/,
  });
  assert.throws(
    () =>
      neuron.loss([1, 1], {
        X: [
          [1, 0],
          [Infinity, 1],
        ],
        t: [1, 2],
      }),
    { name: "InvalidArgumentError", message: /loss: data.X\[1\]\[0\] is Infinity/ },
  );
  assert.throws(() => neuron.gradient([1, 1], { X: [[1, 0]], t: [NaN] }), {
    name: "InvalidArgumentError",
    message: /gradient: data.t\[0\] is NaN/,
  });
  assert.throws(() => neuron.gradient([1, 1], data, [0, 3]), {
    name: "InvalidArgumentError",
    message: /gradient: batch\[1\] is 3; expected an integer from 0 to 2/,
  });
  assert.throws(() => neuron.loss([1, 1], { X: [], t: [] }), /loss: data.X is empty/);
  assert.throws(() => neuron.hessian(null as unknown as Dataset), /hessian: data is null/);
});

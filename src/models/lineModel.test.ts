import assert from "node:assert/strict";
import { test } from "node:test";
import { gradcheck } from "../calculus/gradcheck";
import { numericalGradient } from "../calculus/numericalGradient";
import { createRandom } from "../random/createRandom";
import {
  type LineData,
  lineGradient,
  lineHessian,
  lineLoss,
  lineMinimum,
  linePredict,
} from "./lineModel";

const small: LineData = { x: [1, 2], t: [1, 4] };

test("the line predicts w·x + b, as the doc example says", () => {
  assert.equal(linePredict([2, 1], 3), 7);
});

test("the loss is half the mean squared error", () => {
  assert.equal(lineLoss([1, 0], small), 1);
  assert.equal(lineLoss([1.5, 0], { x: [2], t: [3] }), 0);
});

test("the gradient matches the doc example and central differences at random points", () => {
  assert.deepEqual(lineGradient([1, 0], small), [-2, -1]);
  const random = createRandom("line-model");
  const x = Array.from({ length: 15 }, () => random.uniform(-2, 2));
  const data = { x, t: x.map((xi) => 0.7 * xi - 0.2 + random.normal(0, 0.3)) };
  for (let k = 0; k < 10; k++) {
    const theta = [random.uniform(-3, 3), random.uniform(-3, 3)];
    assert.ok(gradcheck((th) => lineLoss(th, data), lineGradient(theta, data), theta).passed);
  }
});

test("the Hessian matches the doc example and differences of the gradient", () => {
  assert.deepEqual(lineHessian({ x: [1, 3], t: [0, 0] }), [
    [5, 2],
    [2, 1],
  ]);
  const data = { x: [0.5, -1, 2], t: [1, 0, 2] };
  const rows = [0, 1].map((i) => numericalGradient((th) => lineGradient(th, data)[i], [0.3, -0.4]));
  const hessian = lineHessian(data);
  rows.forEach((row, i) => row.forEach((v, j) => assert.ok(Math.abs(v - hessian[i][j]) < 1e-8)));
});

test("bad input names the function and the argument", () => {
  assert.throws(() => lineLoss([1], small), /lineLoss: theta has length 1; expected 2/);
  assert.throws(() => lineGradient([1, NaN], small), /lineGradient: theta\[1\] is NaN/);
  assert.throws(
    () => lineLoss([1, 0], { x: [1, 2], t: [1] }),
    /lineLoss: data.t has length 1; expected 2/,
  );
  assert.throws(
    () => lineHessian({ x: [1, Infinity], t: [0, 0] }),
    /lineHessian: data.x\[1\] is Infinity/,
  );
});

test("lineMinimum is where the gradient vanishes, and it refuses data with one x", () => {
  assert.deepEqual(lineMinimum({ x: [0, 1, 2], t: [1, 3, 5] }), [2, 1]);
  const data = { x: [-1.5, -0.2, 0.4, 1.9], t: [0.3, -0.8, 1.1, 2.4] };
  const g = lineGradient(lineMinimum(data), data);
  assert.ok(Math.abs(g[0]) < 1e-15 && Math.abs(g[1]) < 1e-15, `∇L at the minimum is ${g}`);
  assert.throws(() => lineMinimum({ x: [1, 1], t: [0, 2] }), {
    name: "InvalidArgumentError",
    message: /lineMinimum: all data.x are equal/,
  });
});

import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { angleBetween, directionAtAngle, directionSweep, firstOrderGap } from "./directions";

const close = (a: number, b: number, tol = 1e-12) =>
  assert.ok(Math.abs(a - b) <= tol, `${a} ≉ ${b}`);
const bowl = ([w, b]: number[]) => w * w + b * b;

test("the direction at 180° is the unit vector opposite the gradient", () => {
  const u = directionAtAngle([3, 4], 180);
  close(u[0], -0.6);
  close(u[1], -0.8);
});

test("a direction at β is a unit vector at angle β from the gradient (property)", () => {
  fc.assert(
    fc.property(
      fc.double({ min: -5, max: 5, noNaN: true }),
      fc.double({ min: -5, max: 5, noNaN: true }),
      fc.double({ min: 0, max: 180, noNaN: true }),
      (gx, gy, beta) => {
        fc.pre(Math.hypot(gx, gy) > 1e-3);
        const u = directionAtAngle([gx, gy], beta);
        close(Math.hypot(u[0], u[1]), 1, 1e-12);
        close(angleBetween(u, [gx, gy]), beta, 1e-5);
      },
    ),
    { seed: 2, numRuns: 200 },
  );
});

test("angleBetween gives the doc example and handles parallel vectors", () => {
  close(angleBetween([1, 0], [-1, 1]), 135);
  close(angleBetween([2, 2], [1, 1]), 0, 1e-6);
  close(angleBetween([2, 2], [-1, -1]), 180, 1e-6);
});

test("the sweep's actual change matches the doc example and approaches the first-order one for a short step s", () => {
  const rows = directionSweep(bowl, [1, 0], [2, 0], 0.1, [0, 180]);
  close(rows[0].actual, 0.21);
  close(rows[1].actual, -0.19);
  close(rows[0].firstOrder, 0.2);
  const tiny = directionSweep(bowl, [1, 0.5], [2, 1], 1e-5, [0, 45, 90, 135, 180]);
  tiny.forEach((r) => close(r.actual, r.firstOrder, 1e-9));
});

test("the gap is s²/2 uᵀHu for a quadratic, as the doc example says", () => {
  const rows = firstOrderGap(bowl, [1, 0], [2, 0], [-1, 0], [0.1, 0.2]);
  close(rows[0].gap, 0.01);
  close(rows[1].gap, 0.04);
  assert.deepEqual(
    rows.map((r) => r.stepLength),
    [0.1, 0.2],
  );
});

test("bad input names the function and the argument", () => {
  assert.throws(
    () => directionAtAngle([0, 0], 10),
    /directionAtAngle: gradient is \[0, 0\]; expected a non-zero vector/,
  );
  assert.throws(
    () => directionAtAngle([1, 2, 3], 10),
    /directionAtAngle: gradient has length 3; expected 2/,
  );
  assert.throws(() => angleBetween([0, 0], [1, 0]), /angleBetween: u is a zero vector/);
  assert.throws(
    () => directionSweep(bowl, [1, 0], [2, 0], -1, [0]),
    /directionSweep: stepLength is -1/,
  );
  assert.throws(
    () => directionSweep(() => NaN, [1, 0], [2, 0], 0.1, [0]),
    /directionSweep: f returned NaN at theta/,
  );
  assert.throws(
    () => firstOrderGap(bowl, [1, 0], [2, 0], [-1, 0], [0.1, 0]),
    /firstOrderGap: stepLengths\[1\] is 0/,
  );
  assert.throws(
    () => firstOrderGap(bowl, [1, 0], [2, 0], [-1], [0.1]),
    /firstOrderGap: u has length 1; expected 2/,
  );
});

import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { logLogSlope } from "./logLogSlope";

test("a power law c·xᵖ has log-log slope p", () => {
  fc.assert(
    fc.property(
      fc.double({ min: -3, max: 3, noNaN: true }),
      fc.double({ min: 0.1, max: 10, noNaN: true }),
      (p, c) => {
        const xs = [1e-3, 1e-2, 0.05, 0.1, 1];
        return (
          Math.abs(
            logLogSlope(
              xs,
              xs.map((x) => c * x ** p),
            ) - p,
          ) < 1e-9
        );
      },
    ),
    { seed: 1 },
  );
  assert.ok(Math.abs(logLogSlope([0.1, 0.01, 0.001], [0.02, 0.0002, 0.000002]) - 2) < 1e-12);
});

test("values that have no logarithm and degenerate inputs are named", () => {
  assert.throws(() => logLogSlope([1, 2], [1, 0]), {
    name: "InvalidArgumentError",
    message: /logLogSlope: ys\[1\] is 0; expected a number > 0/,
  });
  assert.throws(() => logLogSlope([1, 1], [1, 2]), /fewer than two distinct values/);
  assert.throws(() => logLogSlope([1, 2], [1]), {
    name: "ShapeError",
    message: /ys has length 1; expected 2/,
  });
});

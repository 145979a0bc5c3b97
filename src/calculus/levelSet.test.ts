import assert from "node:assert/strict";
import { test } from "node:test";
import { levelSetTangent } from "./levelSet";

test("the tangent of a circle's level set is perpendicular to the radius (doc example)", () => {
  const { tangent, crossings } = levelSetTangent(([x, y]) => x * x + y * y, [1, 0]);
  assert.ok(Math.abs(tangent[0]) < 1e-9);
  assert.ok(Math.abs(Math.abs(tangent[1]) - 1) < 1e-12);
  assert.equal(crossings.length, 2);
});

test("the tangent is perpendicular to the analytic gradient of a curved function", () => {
  const F = ([x, y]: number[]) => x * Math.exp(-x * x - y * y);
  const grad = (x: number, y: number) => [
    (1 - 2 * x * x) * Math.exp(-x * x - y * y),
    -2 * x * y * Math.exp(-x * x - y * y),
  ];
  for (const p of [
    [0.2, 0.5],
    [-1, 0.3],
    [1.5, -1],
    [0.1, -1.5],
  ]) {
    const t = levelSetTangent(F, p).tangent;
    const g = grad(p[0], p[1]);
    // the chord is parallel to the level curve up to O(r²): about 1e-6 at the default r = 1e-3
    assert.ok(Math.abs(g[0] * t[0] + g[1] * t[1]) / Math.hypot(g[0], g[1]) < 1e-5);
  }
});

test("a point where the gradient vanishes has no level-set direction, and bad input is named", () => {
  assert.throws(
    () => levelSetTangent(([x, y]) => x * x + y * y, [0, 0]),
    /levelSetTangent: the level set through point \[0, 0\] crosses the circle .* 0 times; expected 2/,
  );
  assert.throws(
    () => levelSetTangent(([x]) => x, [1]),
    /levelSetTangent: point has length 1; expected 2/,
  );
  assert.throws(
    () => levelSetTangent(([x]) => x, [1, 0], { radius: -1 }),
    /levelSetTangent: radius is -1/,
  );
  assert.throws(
    () => levelSetTangent(([x]) => x, [1, 0], { step: 1 } as never),
    /unknown option "step"/,
  );
});

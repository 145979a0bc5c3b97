import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { contourLines } from "./marchingSquares";

test("every point of a contour line lies on a grid edge where the edge's linear interpolation equals the level", () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }),
        {
          minLength: 4,
          maxLength: 4,
        },
      ),
      fc.double({ min: -0.9, max: 0.9, noNaN: true }),
      (z, level) => {
        const x = [0, 1, 2, 3, 4];
        const y = [0, 1, 2, 3];
        for (const line of contourLines(x, y, z, level))
          for (const [px, py] of line) {
            const onVertical = Number.isInteger(px);
            const [i, j] = [Math.floor(px), Math.floor(py)];
            const value = onVertical
              ? z[j][px] + (py - j) * ((z[Math.min(j + 1, 3)][px] ?? 0) - z[j][px])
              : z[py][i] + (px - i) * (z[py][i + 1] - z[py][i]);
            assert.ok(Number.isInteger(px) || Number.isInteger(py), `(${px}, ${py}) is on no edge`);
            assert.ok(
              Math.abs(value - level) < 1e-9,
              `z = ${value} at (${px}, ${py}), level ${level}`,
            );
          }
      },
    ),
    { seed: 29, numRuns: 200 },
  );
});

test("a closed level curve comes back as one line that ends where it starts", () => {
  const grid = Array.from({ length: 21 }, (_, i) => -1 + i / 10);
  const lines = contourLines(
    grid,
    grid,
    grid.map((y) => grid.map((x) => x * x + y * y)),
    0.5,
  );
  assert.equal(lines.length, 1);
  assert.deepEqual(lines[0][0], lines[0][lines[0].length - 1]);
  for (const [x, y] of lines[0]) assert.ok(Math.abs(Math.hypot(x, y) - Math.sqrt(0.5)) < 0.02);
});

test("a level outside the values has no line, and gaps (NaN) leave their cells out", () => {
  assert.deepEqual(
    contourLines(
      [0, 1],
      [0, 1],
      [
        [0, 1],
        [1, 2],
      ],
      5,
    ),
    [],
  );
  assert.deepEqual(
    contourLines(
      [0, 1],
      [0, 1],
      [
        [0, NaN],
        [1, 2],
      ],
      0.5,
    ),
    [],
  );
});

import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { createRandom } from "../random/createRandom";
import { addProducts, BLOCK, multiply } from "./blockProducts";

/** Random shapes: odd and even row counts, column counts below, at and off multiples of 4, strides either way. */
const shapes = fc.record({
  rows: fc.integer({ min: 1, max: 9 }),
  inner: fc.integer({ min: 1, max: 11 }),
  cols: fc.integer({ min: 1, max: BLOCK }),
  transposed: fc.boolean(),
  offset: fc.integer({ min: 0, max: 3 }),
  seed: fc.integer(),
});

const filled = (length: number, seed: number) => {
  const random = createRandom(seed);
  return Float64Array.from({ length }, () => random.uniform(-2, 2));
};

test("multiply gives C = A·B exactly as one running sum per entry over p in order", () => {
  fc.assert(
    fc.property(shapes, ({ rows, inner, cols, transposed, offset, seed }) => {
      // A's entry (r, p) at offset + r·rowStride + p·colStride, row after row or column after column
      const [rowStride, colStride] = transposed ? [1, rows] : [inner, 1];
      const A = filled(offset + rows * inner, seed);
      const B = filled(inner * BLOCK, seed + 1);
      const C = new Float64Array(rows * BLOCK).fill(9);
      multiply(A, offset, rowStride, colStride, rows, inner, B, cols, C);
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < BLOCK; c++) {
          let sum = 0;
          for (let p = 0; p < inner; p++)
            sum += A[offset + r * rowStride + p * colStride] * B[p * BLOCK + c];
          assert.equal(C[r * BLOCK + c], c < cols ? sum : 9, `C[${r}][${c}]`);
        }
    }),
  );
});

test("addProducts adds A·Bᵀ exactly as one running sum per entry over the examples in order", () => {
  fc.assert(
    fc.property(shapes, ({ rows, inner, cols, transposed, offset, seed }) => {
      const [rowStride, colStride] = transposed ? [1, rows] : [inner, 1];
      const A = filled(rows * BLOCK, seed);
      const B = filled(inner * BLOCK, seed + 1);
      const G = filled(offset + rows * inner + 2, seed + 2);
      const before = G.slice();
      addProducts(G, offset, rowStride, colStride, rows, inner, A, B, cols);
      const expected = before.slice();
      for (let r = 0; r < rows; r++)
        for (let q = 0; q < inner; q++) {
          const at = offset + r * rowStride + q * colStride;
          for (let c = 0; c < cols; c++) expected[at] += A[r * BLOCK + c] * B[q * BLOCK + c];
        }
      assert.deepEqual(G, expected);
    }),
  );
});

/**
 * The two matrix products TanhNetworkFast's matrix form (16) needs, over a block of examples held as the
 * columns of Float64Arrays (row after row, row stride `BLOCK`):
 *
 *   multiply:     C = A·B        (H = W⁽¹⁾X̃, Y = W⁽²⁾Z̃, and W̄⁽²⁾ᵀΔ⁽²⁾)
 *   addProducts:  G += A·Bᵀ      (∇W⁽²⁾ += Δ⁽²⁾Z̃ᵀ and ∇W⁽¹⁾ += Δ⁽¹⁾X̃ᵀ)
 *
 * Each entry is one running sum, taken over its index in order, so the numbers are exactly those of
 * the per-example equations. Eight sums run side by side, for two rows × four columns (register
 * blocking): each loaded number serves two or four of them, and the eight additions do not wait for one
 * another. That is what makes a scalar JavaScript loop fast. An odd last row (K = 1 outputs, say)
 * runs four sums side by side; the leftover columns go one at a time.
 * @see notebooks/04-backpropagation-tanh-network.ipynb §4.4, eq. (16)
 */

/** Examples per block: the block's matrices (a few rows of BLOCK doubles per unit) stay in the cache. */
export const BLOCK = 64;

/**
 * C = A·B for a block: A is rows × inner, its entry (r, p) at A[offset + r·rowStride + p·colStride]
 * (so a view of W⁽¹⁾, W⁽²⁾ or W̄⁽²⁾ᵀ without copying); B (inner × cols) and C (rows × cols) are block
 * matrices (row stride BLOCK). Entry (r, c) of C is Σₚ A[r][p]·B[p][c], summed over p in order.
 * @example
 * const B = new Float64Array(2 * BLOCK), C = new Float64Array(BLOCK);
 * B[0] = 3; B[BLOCK] = 4;                               // B's one column is (3, 4)
 * multiply(Float64Array.of(1, 2), 0, 2, 1, 1, 2, B, 1, C); // A = [1 2]
 * C[0]; // => 11
 */
export function multiply(
  A: Float64Array,
  offset: number,
  rowStride: number,
  colStride: number,
  rows: number,
  inner: number,
  B: Float64Array,
  cols: number,
  C: Float64Array,
): void {
  let r = 0;
  for (; r + 2 <= rows; r += 2) {
    const a0 = offset + r * rowStride, // rows r and r + 1 of A
      a1 = a0 + rowStride,
      c0 = r * BLOCK, // and of C
      c1 = c0 + BLOCK;
    let c = 0;
    for (; c + 4 <= cols; c += 4) {
      let s00 = 0,
        s01 = 0,
        s02 = 0,
        s03 = 0;
      let s10 = 0,
        s11 = 0,
        s12 = 0,
        s13 = 0;
      for (let p = 0; p < inner; p++) {
        const x0 = A[a0 + p * colStride],
          x1 = A[a1 + p * colStride],
          b = p * BLOCK + c;
        const y0 = B[b],
          y1 = B[b + 1],
          y2 = B[b + 2],
          y3 = B[b + 3];
        s00 += x0 * y0;
        s01 += x0 * y1;
        s02 += x0 * y2;
        s03 += x0 * y3;
        s10 += x1 * y0;
        s11 += x1 * y1;
        s12 += x1 * y2;
        s13 += x1 * y3;
      }
      C[c0 + c] = s00;
      C[c0 + c + 1] = s01;
      C[c0 + c + 2] = s02;
      C[c0 + c + 3] = s03;
      C[c1 + c] = s10;
      C[c1 + c + 1] = s11;
      C[c1 + c + 2] = s12;
      C[c1 + c + 3] = s13;
    }
    for (; c < cols; c++) {
      let s0 = 0,
        s1 = 0;
      for (let p = 0; p < inner; p++) {
        const y = B[p * BLOCK + c];
        s0 += A[a0 + p * colStride] * y;
        s1 += A[a1 + p * colStride] * y;
      }
      C[c0 + c] = s0;
      C[c1 + c] = s1;
    }
  }
  for (; r < rows; r++) {
    // the last row, when rows is odd: four columns side by side, then one at a time
    const a = offset + r * rowStride,
      cRow = r * BLOCK;
    let c = 0;
    for (; c + 4 <= cols; c += 4) {
      let s0 = 0,
        s1 = 0,
        s2 = 0,
        s3 = 0;
      for (let p = 0; p < inner; p++) {
        const x = A[a + p * colStride],
          b = p * BLOCK + c;
        s0 += x * B[b];
        s1 += x * B[b + 1];
        s2 += x * B[b + 2];
        s3 += x * B[b + 3];
      }
      C[cRow + c] = s0;
      C[cRow + c + 1] = s1;
      C[cRow + c + 2] = s2;
      C[cRow + c + 3] = s3;
    }
    for (; c < cols; c++) {
      let sum = 0;
      for (let p = 0; p < inner; p++) sum += A[a + p * colStride] * B[p * BLOCK + c];
      C[cRow + c] = sum;
    }
  }
}

/**
 * G += A·Bᵀ over a block's cols examples: A (rows × cols) and B (inner × cols) are block matrices, and
 * G's entry (r, q) sits at G[offset + r·rowStride + q·colStride] (a slice of the gradient in the layout
 * of TanhNetworkFast's `parameters`, either way round). Entry (r, q) gains Σ_c A[r][c]·B[q][c], the sum
 * over the examples in order, along a row of each.
 * @example
 * const A = new Float64Array(BLOCK), B = new Float64Array(BLOCK), G = Float64Array.of(1);
 * A[0] = 2; A[1] = 3; B[0] = 5; B[1] = 7;   // two examples
 * addProducts(G, 0, 1, 1, 1, 1, A, B, 2);
 * G[0]; // => 32 (= 1 + 2·5 + 3·7)
 */
export function addProducts(
  G: Float64Array,
  offset: number,
  rowStride: number,
  colStride: number,
  rows: number,
  inner: number,
  A: Float64Array,
  B: Float64Array,
  cols: number,
): void {
  let r = 0;
  for (; r + 2 <= rows; r += 2) {
    const a0 = r * BLOCK, // rows r and r + 1 of A
      a1 = a0 + BLOCK,
      g0 = offset + r * rowStride, // and of G
      g1 = g0 + rowStride;
    let q = 0;
    for (; q + 4 <= inner; q += 4) {
      const b0 = q * BLOCK,
        b1 = b0 + BLOCK,
        b2 = b1 + BLOCK,
        b3 = b2 + BLOCK;
      const i0 = q * colStride,
        i1 = i0 + colStride,
        i2 = i1 + colStride,
        i3 = i2 + colStride;
      let s00 = G[g0 + i0],
        s01 = G[g0 + i1],
        s02 = G[g0 + i2],
        s03 = G[g0 + i3];
      let s10 = G[g1 + i0],
        s11 = G[g1 + i1],
        s12 = G[g1 + i2],
        s13 = G[g1 + i3];
      for (let c = 0; c < cols; c++) {
        const x0 = A[a0 + c],
          x1 = A[a1 + c];
        const y0 = B[b0 + c],
          y1 = B[b1 + c],
          y2 = B[b2 + c],
          y3 = B[b3 + c];
        s00 += x0 * y0;
        s01 += x0 * y1;
        s02 += x0 * y2;
        s03 += x0 * y3;
        s10 += x1 * y0;
        s11 += x1 * y1;
        s12 += x1 * y2;
        s13 += x1 * y3;
      }
      G[g0 + i0] = s00;
      G[g0 + i1] = s01;
      G[g0 + i2] = s02;
      G[g0 + i3] = s03;
      G[g1 + i0] = s10;
      G[g1 + i1] = s11;
      G[g1 + i2] = s12;
      G[g1 + i3] = s13;
    }
    for (; q < inner; q++) {
      const b = q * BLOCK,
        i = q * colStride;
      let s0 = G[g0 + i],
        s1 = G[g1 + i];
      for (let c = 0; c < cols; c++) {
        const y = B[b + c];
        s0 += A[a0 + c] * y;
        s1 += A[a1 + c] * y;
      }
      G[g0 + i] = s0;
      G[g1 + i] = s1;
    }
  }
  for (; r < rows; r++) {
    // the last row, when rows is odd: four entries side by side, then one at a time
    const a = r * BLOCK,
      g = offset + r * rowStride;
    let q = 0;
    for (; q + 4 <= inner; q += 4) {
      const b0 = q * BLOCK,
        b1 = b0 + BLOCK,
        b2 = b1 + BLOCK,
        b3 = b2 + BLOCK;
      const i0 = g + q * colStride,
        i1 = i0 + colStride,
        i2 = i1 + colStride,
        i3 = i2 + colStride;
      let s0 = G[i0],
        s1 = G[i1],
        s2 = G[i2],
        s3 = G[i3];
      for (let c = 0; c < cols; c++) {
        const x = A[a + c];
        s0 += x * B[b0 + c];
        s1 += x * B[b1 + c];
        s2 += x * B[b2 + c];
        s3 += x * B[b3 + c];
      }
      G[i0] = s0;
      G[i1] = s1;
      G[i2] = s2;
      G[i3] = s3;
    }
    for (; q < inner; q++) {
      const b = q * BLOCK;
      let sum = G[g + q * colStride];
      for (let c = 0; c < cols; c++) sum += A[a + c] * B[b + c];
      G[g + q * colStride] = sum;
    }
  }
}

/**
 * Default finite-difference steps for float64, from balancing truncation error against round-off.
 * ε = 2⁻⁵² ≈ 2.2e-16 is the spacing of doubles near 1.
 * - forward difference: error ≈ |f''|h/2 + ε|f|/h, smallest at h ≈ √ε ≈ 1.5e-8;
 * - central difference: error ≈ |f'''|h²/6 + ε|f|/h, smallest at h ≈ ∛ε ≈ 6.1e-6.
 * Both are scaled by max(1, |x|) so that x + h differs from x in the same number of digits for large x.
 * @see notebooks/01-derivative-as-linear-approximation.ipynb §1.4 (the step-size study: √ε for forward, ∛ε for central differences)
 */
export const EPSILON = Number.EPSILON;

/** √ε · max(1, |x|): the default forward-difference step. @example forwardStep(0) // => 1.4901161193847656e-8 */
export function forwardStep(x: number): number {
  return Math.sqrt(EPSILON) * Math.max(1, Math.abs(x));
}

/** ∛ε · max(1, |x|): the default central-difference step. @example centralStep(0) // => 6.0554544523933395e-6 */
export function centralStep(x: number): number {
  return Math.cbrt(EPSILON) * Math.max(1, Math.abs(x));
}

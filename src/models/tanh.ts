import { portableExpm1 } from "../calculus/portableMath";

/**
 * tanh for TanhNetworkFast's hidden units: the same function as `Math.tanh` to 3 parts in 2⁵² (most
 * values are identical; checked in tanh.test.ts on millions of arguments), but written in JavaScript so
 * the compiler can inline it into the network's loop. `Math.tanh` is a call into the engine's C++ for every value
 * (11–20 ns here); this one takes about 5 ns, and a forward pass makes M of them per example.
 *
 * The formula, for a = |x| and y = 2a:
 *
 *   tanh a = (eʸ − 1)/(eʸ + 1) = m/(m + 2) = 1 − 2/(m + 2),   m = eʸ − 1
 *
 * m is computed without cancelling digits, for small a too: y = k·L + r with L = ln 2/32, k = ⌊y/L⌋
 * and 0 ≤ r < L ≈ 0.022. Then eʸ = eᵏᴸ·eʳ, so with Eₖ = eᵏᴸ − 1 (a table) and
 * p = eʳ − 1 = r + r²/2! + … + r⁸/8! (the next term is below 10⁻¹⁸ of r),
 *
 *   m = eᵏᴸ·eʳ − 1 = Eₖ + p + Eₖ·p.
 *
 * The last form is used from a = 18 on, where m > 2⁵³ and m + 2 rounds: there it keeps tanh monotonic.
 * Between neighbouring float64 arguments the result can step back by one unit in the last place (for
 * 0.1 % of them; Math.tanh never does): far below anything a gradient can see.
 * tanh is odd, so tanh(−a) = −tanh(a); past a = 22, tanh a rounds to 1 in float64, so it saturates at
 * ±1 (never NaN, as (eʰ − e⁻ʰ)/(eʰ + e⁻ʰ) would be for |h| > 710). NaN gives NaN.
 * @example tanh(0); // => 0
 * @example tanh(1); // => 0.7615941559557649 (Math.tanh(1): the same)
 * @example tanh(-40); // => -1
 * @see notebooks/04-backpropagation-tanh-network.ipynb §4.2, eq. (5)
 */
export function tanh(x: number): number {
  const a = x < 0 ? -x : x;
  if (!(a < saturation)) return a === a ? (x < 0 ? -1 : 1) : x; // ±1, or NaN for NaN
  if (a === 0) return x; // 0 and −0 as they are
  const y = a + a;
  const k = Math.floor(y * inverseStep);
  const r = y - k * stepHigh - k * stepLow; // y − k·L, L split in two so that k·L loses no digits
  // p = eʳ − 1 = r + r²/2! + … + r⁸/8!, by Horner's rule from the r⁸ term down
  let q = 1 / 40320;
  q = 1 / 5040 + r * q;
  q = 1 / 720 + r * q;
  q = 1 / 120 + r * q;
  q = 1 / 24 + r * q;
  q = 1 / 6 + r * q;
  q = 1 / 2 + r * q;
  const p = r + r * r * q;
  const E = expm1Steps[k]; // eᵏᴸ − 1, and E ≥ 0, p ≥ 0: the sum cancels nothing
  const m = E + (p + E * p); // eʸ − 1
  const t = a < 18 ? m / (m + 2) : 1 - 2 / (m + 2); // past 18, m + 2 rounds (m > 2⁵³): use the other form
  return x < 0 ? -t : t;
}

/**
 * zₙ = tanh(hₙ) for `count` entries: h[hStart …] into z[zStart …] (a row of TanhNetworkFast's block). The
 * loop lives here, beside `tanh`, so the engine inlines `tanh` into it wherever this module is imported
 * from (a call into another module's function is not always inlined, and then each value costs ~30 ns).
 * @example const z = new Float64Array(2); applyTanh(Float64Array.of(0, 1), 0, z, 0, 2); z[1] === tanh(1); // => true
 */
export function applyTanh(
  h: Float64Array,
  hStart: number,
  z: Float64Array,
  zStart: number,
  count: number,
): void {
  for (let n = 0; n < count; n++) z[zStart + n] = tanh(h[hStart + n]);
}

/** Past this |x|, tanh x is 1 to float64's precision (1 − tanh 22 ≈ 1.6·10⁻¹⁹). */
const saturation = 22;
/** L = ln 2 / 32 as a 24-bit high part (so k·stepHigh is exact for every k here) plus the rest. */
const stepHigh = Math.fround(Math.LN2 / 32);
const stepLow = Math.LN2 / 32 - stepHigh;
const inverseStep = 32 / Math.LN2;
/** Eₖ = eᵏᴸ − 1 for every k that 2|x| < 44 can reach. */
const expm1Steps = Float64Array.from(
  { length: Math.ceil((2 * saturation) / (Math.LN2 / 32)) + 2 },
  (_, k) => portableExpm1(k * stepHigh + k * stepLow), // Math.expm1's bits, under every engine
);

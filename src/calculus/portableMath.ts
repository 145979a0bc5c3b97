/**
 * ln x, cos x, eˣ − 1 and tanh x that give the same bits under every JavaScript engine. `Math.log`, `Math.cos`
 * and `Math.tanh` are only specified to be close to the true value, and engines differ in the last
 * place: Node's V8 computes them with fdlibm (Sun's freely distributable libm, as ported in V8's
 * base/ieee754.cc), Deno 2.9's V8 with another library. One ulp in a random start or in one hidden
 * unit grows, over thousands of steps of a training run near its edge of stability, into a different
 * result, and a lesson's claim about it could hold under one kernel and not the other. These are
 * fdlibm's own algorithms, line for line, in JavaScript: bit for bit what Node has always returned
 * (checked against `Math.log`, `Math.cos`, `Math.expm1` and `Math.tanh` under Node on millions of arguments in
 * portableMath.test.ts), and the same under Deno, tslab and a browser.
 */

// Reading and writing the two 32-bit words of a float64 (fdlibm's __HI and __LO).
const float = new Float64Array(1);
const words = new Int32Array(float.buffer);
const little = new Uint8Array(Float64Array.of(1).buffer)[7] === 0x3f;
const [LO, HI] = little ? [0, 1] : [1, 0];
const high = (x: number): number => ((float[0] = x), words[HI]);
const low = (x: number): number => ((float[0] = x), words[LO] >>> 0);
const fromWords = (hi: number, lo: number): number => {
  words[HI] = hi;
  words[LO] = lo;
  return float[0];
};

const ln2Hi = 6.9314718036912381649e-1; // 0x3fe62e42 fee00000
const ln2Lo = 1.90821492927058770002e-10; // 0x3dea39ef 35793c76
const two54 = 1.8014398509481984e16; // 0x43500000 00000000
const Lg1 = 6.66666666666673513e-1;
const Lg2 = 3.999999999940941908e-1;
const Lg3 = 2.857142874366239149e-1;
const Lg4 = 2.222219843214978396e-1;
const Lg5 = 1.818357216161805012e-1;
const Lg6 = 1.531383769920937332e-1;
const Lg7 = 1.479819860511658591e-1;

/**
 * The natural logarithm, fdlibm's e_log.c: x = 2ᵏ(1 + f) with √2/2 < 1 + f < √2, then
 * ln(1 + f) = 2s + 2s³/3 + 2s⁵/5 + … with s = f/(2 + f), a minimax polynomial in s².
 * ln x = k·ln 2 + ln(1 + f). Same bits as Node's `Math.log`.
 * @example portableLog(Math.E); // => 1
 * @example portableLog(0.5); // => -0.6931471805599453
 */
export function portableLog(x: number): number {
  let hx = high(x);
  const lx = low(x);
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity; // log(±0) = −∞
    if (hx < 0) return NaN; // log of a negative number
    k -= 54; // subnormal: scale up
    x *= two54;
    hx = high(x);
  }
  if (hx >= 0x7ff00000) return x + x; // ∞ or NaN
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i0 = (hx + 0x95f64) & 0x100000;
  x = fromWords(hx | (i0 ^ 0x3ff00000), low(x)); // normalise x or x/2
  k += i0 >> 20;
  const f = x - 1;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2⁻²⁰
    if (f === 0) return k === 0 ? 0 : dk * ln2Hi + dk * ln2Lo;
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - R : dk * ln2Hi - (R - dk * ln2Lo - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  let i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
  const t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
  i |= j;
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0
      ? f - (hfsq - s * (hfsq + R))
      : dk * ln2Hi - (hfsq - (s * (hfsq + R) + dk * ln2Lo) - f);
  }
  return k === 0 ? f - s * (f - R) : dk * ln2Hi - (s * (f - R) - dk * ln2Lo - f);
}

const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.0875723212981748279e-9;
const C6 = -1.13596475577881948265e-11;

/** cos(x + y) for |x| ≤ π/4 and a tail |y| ≪ |x| (fdlibm's __kernel_cos). */
function kernelCos(x: number, y: number): number {
  const ix = high(x) & 0x7fffffff;
  if (ix < 0x3e400000 && (x | 0) === 0) return 1; // |x| < 2⁻²⁷
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y)); // |x| < 0.3
  const qx = ix > 0x3fe90000 ? 0.28125 : fromWords(ix - 0x00200000, 0); // x/4, rounded down
  const hz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (hz - (z * r - x * y));
}

const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;

/** sin(x + y) for |x| ≤ π/4 and a tail y (fdlibm's __kernel_sin with iy = 1). */
function kernelSin(x: number, y: number): number {
  const ix = high(x) & 0x7fffffff;
  if (ix < 0x3e400000 && (x | 0) === 0) return x; // |x| < 2⁻²⁷
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

const invPio2 = 6.36619772367581382433e-1;
const pio2_1 = 1.57079632673412561417; // the first 33 bits of π/2
const pio2_1t = 6.07710050650619224932e-11; // π/2 − pio2_1
const pio2_2 = 6.0771005063039659766e-11; // the next 33 bits
const pio2_2t = 2.02226624879595063154e-21;
const pio2_3 = 2.0222662487111664558e-21; // the next 33 bits
const pio2_3t = 8.47842766036889956997e-32;
/** The high words of n·π/2, n = 1 … 32: where the reduction may cancel. */
const npio2High = Int32Array.of(
  0x3ff921fb,
  0x400921fb,
  0x4012d97c,
  0x401921fb,
  0x401f6a7a,
  0x4022d97c,
  0x4025fdbb,
  0x402921fb,
  0x402c463a,
  0x402f6a7a,
  0x4031475c,
  0x4032d97c,
  0x40346b9c,
  0x4035fdbb,
  0x40378fdb,
  0x403921fb,
  0x403ab41b,
  0x403c463a,
  0x403dd85a,
  0x403f6a7a,
  0x40407e4c,
  0x4041475c,
  0x4042106c,
  0x4042d97c,
  0x4043a28c,
  0x40446b9c,
  0x404534ac,
  0x4045fdbb,
  0x4046c6cb,
  0x40478fdb,
  0x404858eb,
  0x404921fb,
);

/**
 * x − n·π/2 = y₀ + y₁ with |y₀| ≤ π/4, for π/4 < |x| ≤ 2¹⁹·π/2 (fdlibm's __ieee754_rem_pio2, without
 * its branch for huge arguments); returns n.
 */
function remPio2(x: number, y: Float64Array): number {
  const hx = high(x);
  const ix = hx & 0x7fffffff;
  if (ix < 0x4002d97c) {
    // |x| < 3π/4: n = ±1
    const sign = hx > 0 ? 1 : -1;
    let z = x - sign * pio2_1;
    if (ix !== 0x3ff921fb) {
      y[0] = z - sign * pio2_1t;
      y[1] = z - y[0] - sign * pio2_1t;
    } else {
      // near π/2: 33 + 33 + 53 bits of π/2
      z -= sign * pio2_2;
      y[0] = z - sign * pio2_2t;
      y[1] = z - y[0] - sign * pio2_2t;
    }
    return sign;
  }
  const t0 = Math.abs(x);
  const n = (t0 * invPio2 + 0.5) | 0;
  const fn = n;
  let r = t0 - fn * pio2_1;
  let w = fn * pio2_1t; // good to 85 bits
  if (n < 32 && ix !== npio2High[n - 1]) {
    y[0] = r - w; // no cancellation
  } else {
    const j = ix >> 20;
    y[0] = r - w;
    let i = j - ((high(y[0]) >> 20) & 0x7ff);
    if (i > 16) {
      // a second iteration, good to 118 bits
      let t = r;
      w = fn * pio2_2;
      r = t - w;
      w = fn * pio2_2t - (t - r - w);
      y[0] = r - w;
      i = j - ((high(y[0]) >> 20) & 0x7ff);
      if (i > 49) {
        // a third, 151 bits
        t = r;
        w = fn * pio2_3;
        r = t - w;
        w = fn * pio2_3t - (t - r - w);
        y[0] = r - w;
      }
    }
  }
  y[1] = r - y[0] - w;
  if (hx < 0) {
    y[0] = -y[0];
    y[1] = -y[1];
    return -n;
  }
  return n;
}

const reduced = new Float64Array(2);
/** The engine's own cosine, for the arguments past 2¹⁹·π/2 that the course never meets. */
const engineCos = Math.cos;

/**
 * The cosine, fdlibm's s_cos.c: x reduced to x − n·π/2 in [−π/4, π/4] (in two parts, for the digits
 * the subtraction cancels), then ±cos or ±sin of the rest by a minimax polynomial, by n mod 4. Same
 * bits as Node's `Math.cos` for |x| ≤ 2¹⁹·π/2 (about 823 550); beyond, `Math.cos` itself.
 * @example portableCos(0); // => 1
 * @example portableCos(Math.PI); // => -1
 */
export function portableCos(x: number): number {
  const ix = high(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelCos(x, 0); // |x| ≤ π/4
  if (ix >= 0x7ff00000) return NaN; // ±∞ or NaN
  if (ix > 0x413921fb) return engineCos(x); // huge: fdlibm's long reduction, not needed here
  const n = remPio2(x, reduced);
  switch (n & 3) {
    case 0:
      return kernelCos(reduced[0], reduced[1]);
    case 1:
      return -kernelSin(reduced[0], reduced[1]);
    case 2:
      return -kernelCos(reduced[0], reduced[1]);
    default:
      return kernelSin(reduced[0], reduced[1]);
  }
}

const invLn2 = 1.442695040888963387;
const Q1 = -3.33333333333331316428e-2;
const Q2 = 1.58730158725481460165e-3;
const Q3 = -7.93650757867487942473e-5;
const Q4 = 4.00821782732936239552e-6;
const Q5 = -2.01099218183624371326e-7;

/**
 * eˣ − 1 without cancelling digits near 0, fdlibm's s_expm1.c: x = k·ln 2 + r with |r| ≤ ln 2/2 (r in
 * two parts), eʳ − 1 by a rational approximation in r, then eˣ − 1 = 2ᵏ(eʳ − 1) + (2ᵏ − 1). Same bits
 * as Node's `Math.expm1`.
 * @example portableExpm1(0); // => 0
 * @example portableExpm1(1e-10); // => 1.00000000005e-10
 */
export function portableExpm1(x: number): number {
  let hx = high(x);
  const negative = hx < 0;
  hx &= 0x7fffffff;
  if (hx >= 0x4043687a) {
    // |x| ≥ 56·ln 2
    if (hx >= 0x40862e42) {
      // |x| ≥ 709.78…
      if (hx >= 0x7ff00000) return x !== x ? x : negative ? -1 : x; // NaN, eˣ − 1 at ±∞
      if (x > 7.09782712893383973096e2) return Infinity;
    }
    if (negative) return -1; // x < −56·ln 2: −1 to float64's precision
  }
  let k: number;
  let c = 0;
  if (hx > 0x3fd62e42) {
    // |x| > ln 2/2: reduce
    let hi: number;
    let lo: number;
    if (hx < 0x3ff0a2b2) {
      // and |x| < 3·ln 2/2: k = ±1
      [hi, lo, k] = negative ? [x + ln2Hi, -ln2Lo, -1] : [x - ln2Hi, ln2Lo, 1];
    } else {
      k = (invLn2 * x + (negative ? -0.5 : 0.5)) | 0;
      hi = x - k * ln2Hi; // exact
      lo = k * ln2Lo;
    }
    x = hi - lo;
    c = hi - x - lo;
  } else if (hx < 0x3c900000) {
    return x; // |x| < 2⁻⁵⁴: eˣ − 1 = x to float64's precision
  } else k = 0;
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  const t = 3 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6 - x * t));
  if (k === 0) return x - (x * e - hxs);
  const twopk = fromWords((0x3ff00000 + (k << 20)) | 0, 0); // 2ᵏ
  e = x * (e - c) - c;
  e -= hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) return x < -0.25 ? -2 * (e - (x + 0.5)) : 1 + 2 * (x - e);
  if (k <= -2 || k > 56) {
    // eˣ − 1 = eˣ to float64's precision
    let y = 1 - (e - x);
    y = k === 1024 ? y * 2 * 8.98846567431158e307 : y * twopk;
    return y - 1;
  }
  if (k < 20) {
    const t1 = fromWords(0x3ff00000 - (0x200000 >> k), 0); // 1 − 2⁻ᵏ
    return (t1 - (e - x)) * twopk;
  }
  const t2 = fromWords((0x3ff - k) << 20, 0); // 2⁻ᵏ
  return (x - (e + t2) + 1) * twopk;
}

/**
 * The hyperbolic tangent, fdlibm's s_tanh.c: for a = |x| ≥ 1, tanh a = 1 − 2/(e²ᵃ − 1 + 2); below,
 * tanh a = −(e⁻²ᵃ − 1)/(e⁻²ᵃ − 1 + 2), both with eˣ − 1 from portableExpm1; ±1 past |x| = 22. Same
 * bits as Node's `Math.tanh`.
 * @example portableTanh(0); // => 0
 * @example portableTanh(1); // => 0.7615941559557649
 * @example portableTanh(-30); // => -1
 */
export function portableTanh(x: number): number {
  const jx = high(x);
  const ix = jx & 0x7fffffff;
  if (ix >= 0x7ff00000) return x !== x ? x : jx >= 0 ? 1 : -1; // NaN, tanh(±∞) = ±1
  let z: number;
  if (ix < 0x40360000) {
    // |x| < 22
    if (ix < 0x3e300000) return x; // |x| < 2⁻²⁸: tanh x = x to float64's precision
    if (ix >= 0x3ff00000) {
      const t = portableExpm1(2 * Math.abs(x));
      z = 1 - 2 / (t + 2);
    } else {
      const t = portableExpm1(-2 * Math.abs(x));
      z = -t / (t + 2);
    }
  } else z = 1; // |x| ≥ 22: ±1 to float64's precision
  return jx >= 0 ? z : -z;
}

/**
 * Measure 3b, the scalar limit: the multiply-adds per second that `TanhNetworkFast.gradient` reaches,
 * against the rate of a plain float64 dot-product loop, `s += a[i] * b[i]` over two `Float64Array`s of
 * `dotLength` entries (small enough to stay in the L1 cache), timed in the same process with
 * interleaved samples. That loop is the best a scalar JavaScript loop does here: one multiply and one
 * add per entry, no call, no tanh, nothing to wait for but the floating-point unit. Their ratio says how
 * close the gradient's loops come to the machine's scalar arithmetic, whatever the load.
 *
 * The gradient's multiply-adds are counted, not timed: N·(2W + KM) from `multiplyAddsPerPass` (one
 * forward and one backward pass per example). The M tanh per example are not counted, so they only
 * lower the gradient's rate. The dot product carries one running sum, so each add waits for the one
 * before; the gradient's loops carry eight running sums side by side (two rows × four columns,
 * src/models/blockProducts.ts), which need not wait for one another, so the ratio can exceed 1.
 */
import { fastNetworkFor, networkFor, type Problem } from "./problems";
import { compare, type TimingOptions } from "./timing";

/** Entries of each of the dot product's two vectors: 2 · 8 KiB, inside any L1 data cache. */
export const dotLength = 1024;

export interface ScalarLimitRow {
  size: string;
  N: number;
  W: number;
  /** N·(2W + KM): the multiply-adds of one gradient over the batch. */
  multiplyAdds: number;
  gradientMs: number;
  /** Multiply-adds per second of `gradient(X, T)`. */
  gradientRate: number;
  /** Multiply-adds per second of the dot-product loop, timed beside it. */
  dotRate: number;
  /** gradientRate / dotRate. */
  ratio: number;
}

/** s = Σᵢ aᵢbᵢ, the plain loop. */
function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** The gradient's and the dot product's multiply-add rates, per problem, interleaved. */
export function measureScalarLimit(list: Problem[], timing: TimingOptions): ScalarLimitRow[] {
  const a = Float64Array.from({ length: dotLength }, (_, i) => Math.sin(i + 1));
  const b = Float64Array.from({ length: dotLength }, (_, i) => Math.cos(i + 1));
  return list.map((p) => {
    const net = fastNetworkFor(p);
    const N = p.X.length;
    const perPass = networkFor(p).multiplyAddsPerPass;
    const multiplyAdds = N * (perPass.forward + perPass.backward);
    const t = compare({ gradient: () => net.gradient(p.X, p.T), dot: () => dot(a, b) }, timing);
    const gradientRate = multiplyAdds / (t.gradient.medianMs / 1000);
    const dotRate = dotLength / (t.dot.medianMs / 1000);
    return {
      size: p.name,
      N,
      W: net.parameterCount,
      multiplyAdds,
      gradientMs: t.gradient.medianMs,
      gradientRate,
      dotRate,
      ratio: gradientRate / dotRate,
    };
  });
}

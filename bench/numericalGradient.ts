/**
 * Measure 2, backprop against finite differences: for networks 1-M-1 with W = 3M + 1 weights from about
 * 10 to 10,000, the time of `numericalGradient` (central differences: 2W evaluations of E, each O(W),
 * so O(W²)) over the time of `gradient` (backprop, O(W)). The speed-up should grow like W: the slope of
 * log(speed-up) against log(W) should be about 1. Finite differences at W = 10,000 take seconds, so the
 * large sizes are timed once or twice (numericalGradient is deterministic; one call already lasts long).
 */
import { numericalGradient, TanhNetwork, TanhNetworkFast, logLogSlope } from "../src/internal";
import { compare } from "./timing";

export interface NumericalGradientPoint {
  hiddenUnits: number;
  W: number;
  backpropMs: number;
  numericalMs: number;
  /** numericalMs / backpropMs. */
  speedup: number;
}

export interface NumericalGradientResult {
  /** Batch size of every point. */
  N: number;
  points: NumericalGradientPoint[];
  /** Fitted slope of log(speedup) against log(W): 1 means the speed-up grows linearly in W. */
  slope: number;
}

/** Backprop against central differences over a range of network sizes. */
export function measureNumericalGradient(quick: boolean): NumericalGradientResult {
  const hiddenUnitsList = quick ? [3, 10, 33] : [3, 10, 33, 100, 333, 1000, 3333];
  const N = quick ? 4 : 10;
  const X = Array.from({ length: N }, (_, n) => [-1 + (2 * n) / (N - 1)]);
  const T = X.map(([x]) => [Math.sin(Math.PI * x)]);
  const points = hiddenUnitsList.map((M) => {
    const net = new TanhNetworkFast(
      new TanhNetwork({ inputs: 1, hiddenUnits: M, outputs: 1, seed: `bench-fd-${M}` }),
    );
    const w = net.parameters;
    const E = (v: number[]) => (net.setParameters(v), net.loss(X, T));
    const W = net.parameterCount;
    // Fewer repetitions as one numerical gradient gets longer: about W² work per call.
    const repeats = quick ? 3 : W >= 3000 ? 1 : W >= 1000 ? 3 : 5;
    const t = compare(
      {
        backprop: () => (net.setParameters(w), net.gradient(X, T)),
        numerical: () => numericalGradient(E, w),
      },
      { warmup: W >= 3000 ? 0 : 2, repeats, minSampleMs: W >= 1000 ? 0 : 20 },
    );
    return {
      hiddenUnits: M,
      W,
      backpropMs: t.backprop.medianMs,
      numericalMs: t.numerical.medianMs,
      speedup: t.numerical.medianMs / t.backprop.medianMs,
    };
  });
  return {
    N,
    points,
    slope: logLogSlope(
      points.map((p) => p.W),
      points.map((p) => p.speedup),
    ),
  };
}

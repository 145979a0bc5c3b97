/**
 * Measure 1, the cost of a gradient: the time of `gradient(X, T)` (forward and backward pass) over the
 * time of `loss(X, T)` (forward pass only) for the same batch. The cheap-gradient principle says reverse
 * mode costs a small constant times the function; the target is ≤ 3. Timed on `TanhNetworkFast`, the
 * network training runs (measure 3c prices the readable `TanhNetwork` against it).
 */
import { compare, type TimingOptions } from "./timing";
import { fastNetworkFor, type Problem } from "./problems";

export interface GradientCostRow {
  size: string;
  N: number;
  W: number;
  lossMs: number;
  gradientMs: number;
  /** gradientMs / lossMs. */
  ratio: number;
}

export const gradientCostTarget = 3;

/** The gradient-to-loss time ratio for each problem. */
export function measureGradientCost(list: Problem[], timing: TimingOptions): GradientCostRow[] {
  return list.map((p) => {
    const net = fastNetworkFor(p);
    const t = compare(
      { loss: () => net.loss(p.X, p.T), gradient: () => net.gradient(p.X, p.T) },
      timing,
    );
    return {
      size: p.name,
      N: p.X.length,
      W: net.parameterCount,
      lossMs: t.loss.medianMs,
      gradientMs: t.gradient.medianMs,
      ratio: t.gradient.medianMs / t.loss.medianMs,
    };
  });
}

/**
 * Measure 3c, the price of readability: the time of `TanhNetwork.gradient` (lesson 4's equations, one
 * example at a time, plain arrays and `Math.tanh`: the module a learner opens) over the time of
 * `TanhNetworkFast.gradient` (the matrix form over blocks of 64 examples, eight running sums side by
 * side, its own tanh: what training runs) for the same network, weights and batch, timed in the same
 * process with interleaved samples. Their gradients are compared first: they differ only in tanh's last
 * bits, so they agree to about 1e-15 of the terms summed (src/models/tanhNetworkFast.test.ts).
 */
import { raceFastNetwork, type Problem } from "./problems";
import type { TimingOptions } from "./timing";

export interface ReadabilityRow {
  size: string;
  N: number;
  W: number;
  /** Median ms of one `gradient(X, T)` of the fast network. */
  fastMs: number;
  /** Median ms of one `gradient(X, T)` of the readable network. */
  readableMs: number;
  /** readableMs / fastMs: how many times slower the readable network is. */
  ratio: number;
  /** Largest |readable − fast| / max(|fast|, 1) over the gradient: the two agree. */
  maxScaledDifference: number;
}

/** The readable-to-fast gradient time ratio for each problem. */
export function measureReadability(list: Problem[], timing: TimingOptions): ReadabilityRow[] {
  return list.map((p) => {
    const { row, race } = raceFastNetwork(p, (net) => net.gradient(p.X, p.T), timing);
    const { slowMs, fastMs, ...agreement } = race;
    return { ...row, fastMs, readableMs: slowMs, ...agreement };
  });
}

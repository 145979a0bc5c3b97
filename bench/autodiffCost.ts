/**
 * Measure 6, the cost of the autodiff engine (lesson 5, src/autodiff): the time of `engineGradient`
 * (a graph of one `Value` object, with a closure for its backward step, per scalar; sorted, then walked
 * backwards) over the time of `TanhNetworkFast.gradient` (loops over `Float64Array`s) for the same network,
 * weights and batch. Both give the same gradient; the ratio is what generality costs. The two 1-input
 * problems of `problems.ts` and lesson 5 §5.6's 4-16-2 network on 50 examples (10-100-10 on 1000
 * examples would make a graph of 3 million nodes per call).
 */
import { createRandom, engineGradient, type TanhNetwork } from "../src/internal";
import { raceFastNetwork, type Problem } from "./problems";
import type { TimingOptions } from "./timing";

export interface AutodiffCostRow {
  size: string;
  N: number;
  W: number;
  /** Graph nodes the engine's backward pass visits per gradient. */
  nodes: number;
  engineMs: number;
  tanhNetworkMs: number;
  /** engineMs / tanhNetworkMs. */
  ratio: number;
  /** Largest |engine − TanhNetworkFast| / max(|TanhNetworkFast|, 1) over the gradient: the two agree. */
  maxScaledDifference: number;
}

/** Lesson 5 §5.6's network (4-16-2, N = 50), or a tiny 2-3-2 on 4 examples with --quick. */
function lessonProblem(quick: boolean): Problem {
  const [D, M, K, N] = quick ? [2, 3, 2, 4] : [4, 16, 2, 50];
  const random = createRandom("bench-autodiff");
  const row = (n: number) => Array.from({ length: n }, () => random.uniform(-1, 1));
  const X = Array.from({ length: N }, () => row(D));
  const T = Array.from({ length: N }, () => row(K));
  return { name: `${D}-${M}-${K}`, inputs: D, hiddenUnits: M, outputs: K, X, T, learningRate: 0 };
}

/** The engine-to-TanhNetwork gradient time ratio for the first two problems and lesson 5's network. */
export function measureAutodiffCost(
  list: Problem[],
  timing: TimingOptions,
  quick: boolean,
): AutodiffCostRow[] {
  return [...list.slice(0, 2), lessonProblem(quick)].map((p) => {
    const graph = (net: TanhNetwork) => engineGradient(net, p.X, p.T);
    const { row, net, race } = raceFastNetwork(p, (net) => graph(net).gradient, timing);
    const { slowMs, fastMs, ...agreement } = race;
    return {
      ...row,
      nodes: graph(net).nodes,
      engineMs: slowMs,
      tanhNetworkMs: fastMs,
      ...agreement,
    };
  });
}

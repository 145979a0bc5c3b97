/**
 * The networks and data sets the benchmarks run on, all seeded: Bishop's 1-3-1 on 50 points of x²
 * (PRML fig. 5.3), a wider 1-64-1 on 1000 points of sin(πx), and a 10-100-10 on 1000 points whose
 * targets come from a smaller random "teacher" network. `--quick` uses tiny versions of the same three.
 */
import { createRandom, TanhNetwork, TanhNetworkFast } from "../src/internal";
import { raceGradients, type GradientRace, type TimingOptions } from "./timing";

export interface Problem {
  /** "1-3-1": inputs-hiddenUnits-outputs. */
  name: string;
  inputs: number;
  hiddenUnits: number;
  outputs: number;
  /** The batch: N rows of inputs X and targets T. */
  X: number[][];
  T: number[][];
  /** A stable step size for full-batch gradient descent on the mean error E/N = ½ΣΣ(y − t)²/N. */
  learningRate: number;
}

/** A 1-M-1 problem: N evenly spaced x in [−1, 1] with targets target(x) (one x = 0 when N = 1). */
export function oneInput(
  name: string,
  hiddenUnits: number,
  N: number,
  target: (x: number) => number,
): Problem {
  const X = Array.from({ length: N }, (_, n) => [N === 1 ? 0 : -1 + (2 * n) / (N - 1)]);
  const T = X.map(([x]) => [target(x)]);
  return {
    name,
    inputs: 1,
    hiddenUnits,
    outputs: 1,
    X,
    T,
    learningRate: 0.5 / (hiddenUnits + 1),
  };
}

function teacherProblem(
  name: string,
  inputs: number,
  hiddenUnits: number,
  outputs: number,
  N: number,
): Problem {
  const random = createRandom(`bench-${name}`);
  const X = Array.from({ length: N }, () =>
    Array.from({ length: inputs }, () => random.uniform(-1, 1)),
  );
  const teacher = new TanhNetwork({
    inputs,
    hiddenUnits: Math.max(2, Math.round(hiddenUnits / 5)),
    outputs,
    seed: `teacher-${name}`,
  });
  const T = teacher.predict(X);
  return { name, inputs, hiddenUnits, outputs, X, T, learningRate: 0.5 / (hiddenUnits + 1) };
}

/** The three sizes of the issue, or tiny ones for the smoke test. */
export function problems(quick: boolean): Problem[] {
  if (quick) {
    return [
      oneInput("1-3-1", 3, 5, (x) => x * x),
      oneInput("1-4-1", 4, 8, (x) => Math.sin(Math.PI * x)),
      teacherProblem("2-5-2", 2, 5, 2, 8),
    ];
  }
  return [
    oneInput("1-3-1", 3, 50, (x) => x * x),
    oneInput("1-64-1", 64, 1000, (x) => Math.sin(Math.PI * x)),
    teacherProblem("10-100-10", 10, 100, 10, 1000),
  ];
}

/**
 * A fresh network for a problem, always with the same initial weights: the readable `TanhNetwork`
 * (lesson 4's equations, one example at a time).
 */
export function networkFor(p: Problem): TanhNetwork {
  return new TanhNetwork({
    inputs: p.inputs,
    hiddenUnits: p.hiddenUnits,
    outputs: p.outputs,
    seed: `bench-${p.name}`,
  });
}

/** The same fresh network, fast (`TanhNetworkFast`): what measures 1–3 and 6 time. */
export function fastNetworkFor(p: Problem): TanhNetworkFast {
  return new TanhNetworkFast(networkFor(p));
}

/** A problem's network raced against its fast twin (`raceFastNetwork`). */
export interface NetworkRace {
  /** How the race's row starts: the problem's size, N and W. */
  row: { size: string; N: number; W: number };
  /** The fresh readable network the race ran on. */
  net: TanhNetwork;
  race: GradientRace;
}

/**
 * `raceGradients` on one problem's fresh network (`networkFor`): `slow`, a gradient of the network on
 * the problem's batch, against `TanhNetworkFast.gradient` of the same network, weights and batch
 * (measures 3c and 6).
 */
export function raceFastNetwork(
  p: Problem,
  slow: (net: TanhNetwork) => ArrayLike<number>,
  timing: TimingOptions,
): NetworkRace {
  const net = networkFor(p);
  const fast = new TanhNetworkFast(net);
  const race = raceGradients(
    () => slow(net),
    () => fast.gradient(p.X, p.T),
    timing,
  );
  return { row: { size: p.name, N: p.X.length, W: fast.parameterCount }, net, race };
}

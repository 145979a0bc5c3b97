/**
 * Measure 3, training throughput: samples per second of full-batch gradient descent (one epoch = one
 * step w ← w − η∇E/N on the mean error over all N samples) for TanhNetwork (`trainTanhNetwork`, i.e. the course's
 * `gradientDescent` on `tanhNetworkModel`, which compute with `TanhNetworkFast`), the same network in
 * TensorFlow.js (float32, autodiff) on its CPU backend (pure JS) and on its WASM backend (XNNPACK with
 * SIMD), and with mathjs matrices (float64), at each size. All four start from the same weights with
 * the same data and learning rate, and their losses after `checkEpochs` epochs (the mean error E/N) are
 * compared before anything is timed: a fast wrong answer does not count. The two tfjs backends run in
 * this one process; each tfjs network switches to its own backend (`tf.setBackend`) before it runs.
 *
 * Tolerances: mathjs computes in float64 like TanhNetwork, so only the order of the sums differs and the
 * losses agree to ~1e-13; 1e-9 is asked. TensorFlow.js computes in float32 (unit roundoff u = 6·10⁻⁸),
 * so 1e-9 is out of reach: each sum over N samples carries a relative error of about √N·u (N·u at worst),
 * ~2·10⁻⁶ for N = 1000, and the steps carry it forward. Measured differences are ~1e-8 to 1e-7; 1e-5
 * relative is asked of both backends — 100× above them, and far below the difference a wrong gradient
 * makes in 10 steps.
 */
import { trainTanhNetwork } from "../src/models/trainTanhNetwork";
import { MathjsNetwork } from "./mathjsNetwork";
import { networkFor, type Problem } from "./problems";
import { TfjsNetwork } from "./tfjsNetwork";
import { compare, type TimingOptions } from "./timing";

export const tolerances = { mathjs: 1e-9, tfjs: 1e-5 };
/**
 * TanhNetwork must be at least this many times faster than TensorFlow.js's CPU backend at 1-3-1 and not
 * slower at 10-100-10, and not slower than its WASM backend at any size.
 */
export const trainingTargets = { bishop: 10, largest: 1, wasm: 1 };

export interface Throughput {
  msPerEpoch: number;
  samplesPerSecond: number;
}

export interface TrainingRow {
  size: string;
  N: number;
  W: number;
  learningRate: number;
  checkEpochs: number;
  /** E/N after checkEpochs epochs, from each implementation. */
  losses: { initial: number; ours: number; tfjs: number; tfjsWasm: number; mathjs: number };
  /** |E − E_ours| / E_ours. */
  relativeDifference: { tfjs: number; tfjsWasm: number; mathjs: number };
  agrees: boolean;
  ours: Throughput;
  /** TensorFlow.js, CPU backend. */
  tfjs: Throughput;
  /** TensorFlow.js, WASM backend. */
  tfjsWasm: Throughput;
  mathjs: Throughput;
  /** Our samples/s over theirs. */
  speedupVsTfjs: number;
  speedupVsTfjsWasm: number;
  speedupVsMathjs: number;
}

function throughput(msPerEpoch: number, N: number): Throughput {
  return { msPerEpoch, samplesPerSecond: (N * 1000) / msPerEpoch };
}

/** Throughput of the four implementations at each size, after checking that they agree. */
export function measureTraining(
  list: Problem[],
  timing: TimingOptions,
  quick: boolean,
): TrainingRow[] {
  return list.map((p) => {
    const N = p.X.length;
    const w0 = networkFor(p).parameters;
    const checkEpochs = quick ? 3 : 10;

    // Agreement first, from the same initial weights.
    const ourNet = networkFor(p);
    const ourLosses = trainTanhNetwork(ourNet, p.X, p.T, {
      learningRate: p.learningRate,
      steps: checkEpochs,
    });
    const tfjsNet = new TfjsNetwork(p, w0, "cpu");
    tfjsNet.train(checkEpochs);
    const wasmNet = new TfjsNetwork(p, w0, "wasm");
    wasmNet.train(checkEpochs);
    const mathjsNet = new MathjsNetwork(p, w0);
    mathjsNet.train(checkEpochs);
    const losses = {
      initial: ourLosses[0],
      ours: ourLosses[checkEpochs],
      tfjs: tfjsNet.loss(),
      tfjsWasm: wasmNet.loss(),
      mathjs: mathjsNet.loss(),
    };
    const relative = (other: number) => Math.abs(other - losses.ours) / Math.abs(losses.ours);
    const relativeDifference = {
      tfjs: relative(losses.tfjs),
      tfjsWasm: relative(losses.tfjsWasm),
      mathjs: relative(losses.mathjs),
    };
    const agrees =
      relativeDifference.tfjs <= tolerances.tfjs &&
      relativeDifference.tfjsWasm <= tolerances.tfjs &&
      relativeDifference.mathjs <= tolerances.mathjs &&
      losses.ours < losses.initial;

    // Throughput: each timed call runs several epochs; mathjs gets fewer at large N (it is slow).
    const epochs = quick ? 2 : 20;
    const mathjsEpochs = quick ? 1 : N >= 1000 ? 2 : 20;
    const t = compare(
      {
        ours: () =>
          trainTanhNetwork(ourNet, p.X, p.T, { learningRate: p.learningRate, steps: epochs }),
        tfjs: () => tfjsNet.train(epochs),
        tfjsWasm: () => wasmNet.train(epochs),
        mathjs: () => mathjsNet.train(mathjsEpochs),
      },
      { ...timing, warmup: Math.min(timing.warmup ?? 3, 2) },
    );
    tfjsNet.dispose();
    wasmNet.dispose();
    const ours = throughput(t.ours.medianMs / epochs, N);
    const tfjs = throughput(t.tfjs.medianMs / epochs, N);
    const tfjsWasm = throughput(t.tfjsWasm.medianMs / epochs, N);
    const mathjs = throughput(t.mathjs.medianMs / mathjsEpochs, N);
    return {
      size: p.name,
      N,
      W: ourNet.parameterCount,
      learningRate: p.learningRate,
      checkEpochs,
      losses,
      relativeDifference,
      agrees,
      ours,
      tfjs,
      tfjsWasm,
      mathjs,
      speedupVsTfjs: ours.samplesPerSecond / tfjs.samplesPerSecond,
      speedupVsTfjsWasm: ours.samplesPerSecond / tfjsWasm.samplesPerSecond,
      speedupVsMathjs: ours.samplesPerSecond / mathjs.samplesPerSecond,
    };
  });
}

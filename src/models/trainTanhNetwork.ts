/**
 * Training lesson 4's network with the course's optimiser: `tanhNetworkModel` (the network as a `Model`
 * of the mean error E/N) and `trainTanhNetwork` (full-batch gradient descent on it). Both take a
 * `TanhNetwork` and compute with its fast twin, `TanhNetworkFast` (./tanhNetworkFast.ts): the same E
 * and ∂E/∂w to 1e-14, several times faster.
 * @see notebooks/04-backpropagation-tanh-network.ipynb §4.6, eq. (17)
 */
import { InvalidArgumentError } from "../errors/errors";
import { rejectUnknownOptions, requireFunction } from "../errors/validate";
import { namedDescentSteps } from "../optim/gradientDescent";
import type { Model } from "../optim/model";
import { TanhNetwork, type NetworkData } from "./tanhNetwork";
import { TanhNetworkFast } from "./tanhNetworkFast";

/**
 * The network as a `Model` for the course's optimiser (`gradientDescent`, notebook 3): the **mean**
 * error E(w)/N and its gradient ∇E(w)/N at any flat weight vector w, over all N examples or over a
 * batch of them (then N is the batch's size). Bishop's E (`TanhNetwork.loss`) is a sum, so its
 * gradient grows with the number of examples; the mean does not, so a learning rate η means the same
 * step for every batch size (a step of η on E/N is a step of η/N on E).
 *
 * It computes with a `TanhNetworkFast` made from net (so its numbers equal `net.loss(X, T)/N` and
 * `net.gradient(X, T)/N` to 1e-14, not to the bit); each call loads w into that twin, and net itself is
 * left as it is. `lossAndGradient` (full batch) gives E/N and ∇E/N from the same passes, so a training
 * step costs one forward and one backward pass; its numbers are exactly those of `loss` and `gradient`.
 * @throws InvalidArgumentError when net is not a TanhNetwork
 * @example
 * const net = new TanhNetwork({ inputs: 1, hiddenUnits: 3, outputs: 1, seed: 1 });
 * const model = tanhNetworkModel(net), w = net.parameters, data = { X: [[0], [1]], T: [[0], [1]] };
 * Math.abs(model.loss(w, data) - net.loss(data.X, data.T) / 2) < 1e-15; // => true
 * model.lossAndGradient!(w, data, new Array(10)) === model.loss(w, data); // => true
 * gradientDescent(model, data, w, { learningRate: 0.2, steps: 10 }).losses.length; // => 11
 * @see notebooks/04-backpropagation-tanh-network.ipynb §4.6, eq. (17)
 */
export function tanhNetworkModel(net: TanhNetwork): Model<NetworkData> {
  if (!(net instanceof TanhNetwork))
    throw new InvalidArgumentError(`tanhNetworkModel: net is not a TanhNetwork`);
  return fastModel(new TanhNetworkFast(net));
}

/** The mean-error `Model` of a `TanhNetworkFast`, loading each w into it. */
function fastModel(fast: TanhNetworkFast): Model<NetworkData> {
  const rows = <R>(all: readonly R[], batch?: ArrayLike<number>): readonly R[] =>
    batch === undefined ? all : Array.from(batch, (n) => all[n]);
  return {
    loss(w, data, batch) {
      fast.setParameters(w);
      const X = rows(data.X, batch);
      return fast.loss(X, rows(data.T, batch)) / X.length; // E/N
    },
    gradient(w, data, batch, out) {
      fast.setParameters(w);
      const X = rows(data.X, batch);
      const target = out ?? new Array<number>(fast.parameterCount);
      fast.lossAndGradientInto(X, rows(data.T, batch), target, X.length); // ∇E/N
      return target;
    },
    lossAndGradient(w, data, out) {
      fast.setParameters(w);
      const N = data.X.length;
      return fast.lossAndGradientInto(data.X, data.T, out, N) / N; // E/N, with ∇E/N in out
    },
  };
}

export interface TrainOptions {
  /** η: the step size on the mean error E/N (a step of η on E/N is a step of η/N on Bishop's E). */
  learningRate: number;
  /** How many full-batch steps to take. */
  steps: number;
  /**
   * Called after every step with the step number (1, 2, …) and the mean error E/N before that step;
   * `net` holds the weights after the step when it is called.
   */
  onStep?: (step: number, loss: number) => void;
}

/**
 * Full-batch gradient descent on the network's mean error, w ← w − η ∇E(w)/N, `steps` times, with the
 * course's optimiser (`descentSteps`, notebook 3) on `tanhNetworkModel`, so on the fast twin
 * (`TanhNetworkFast`). Leaves the final weights in `net` (on a DivergenceError, the last finite ones)
 * and returns the mean error E/N before each step and after the last one (length steps + 1).
 *
 * A loop of the same steps written with `TanhNetwork` (or plain arrays and `Math.tanh`), summing in the
 * same order, follows it to about 1e-15 per weight over 1000 steps of lesson 4's x² fit; a run at the
 * edge of stability (the sine at η = 0.5, lesson 4 §4.7) amplifies the last-place differences of tanh
 * until the two runs part (about 5e-3 after 1000 steps).
 * @throws DivergenceError naming the step, the learning rate and the last finite loss when E becomes NaN or ∞
 * @example
 * const net = new TanhNetwork({ inputs: 1, hiddenUnits: 3, outputs: 1, seed: 1 });
 * const losses = trainTanhNetwork(net, [[0], [1]], [[0], [1]], { learningRate: 0.2, steps: 500 });
 * losses[500] < losses[0]; // => true
 * Math.abs(losses[500] - net.loss([[0], [1]], [[0], [1]]) / 2) < 1e-15; // => true (E/N)
 * @see notebooks/04-backpropagation-tanh-network.ipynb §4.6, eq. (17)
 */
export function trainTanhNetwork(
  net: TanhNetwork,
  X: NetworkData["X"],
  T: NetworkData["T"],
  options: TrainOptions,
): number[] {
  const caller = "trainTanhNetwork";
  if (!(net instanceof TanhNetwork))
    throw new InvalidArgumentError(`${caller}: net is not a TanhNetwork`);
  rejectUnknownOptions(caller, options, ["learningRate", "steps", "onStep"]);
  const { onStep } = options;
  if (onStep !== undefined) requireFunction(caller, "onStep", onStep);
  const w0 = net.parameters;
  const states = namedDescentSteps(caller, tanhNetworkModel(net), { X, T }, w0, {
    learningRate: options.learningRate,
    steps: options.steps,
  });
  const losses: number[] = [];
  let w = w0;
  try {
    for (const state of states) {
      w = state.w;
      if (state.step > 0 && onStep !== undefined) {
        net.setParameters(w);
        onStep(state.step, losses[losses.length - 1]);
      }
      losses.push(state.loss);
    }
  } finally {
    net.setParameters(w); // the last weights reached, also when a step diverged
  }
  return losses;
}

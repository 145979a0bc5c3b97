/**
 * Gradient descent: repeat the update
 *
 *   wᵢ ← wᵢ − η ∂E/∂wᵢ
 *
 * with the gradient taken over the whole training set (batch), a random slice of it (mini-batch) or a
 * single example (stochastic). Batches come from a seeded shuffle of the examples each epoch, so a run
 * is the same every time. The `optimizer` option swaps the update for another rule of the same shape
 * (momentum, Nesterov, RMSProp, Adam); this stays the one training loop.
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb
 */
import { DivergenceError, InvalidArgumentError } from "../errors/errors";
import {
  describeValue,
  rejectUnknownOptions,
  requireFiniteVector,
  requireFunction,
  requireInteger,
  requirePositive,
} from "../errors/validate";
import type { Dataset, Model } from "./model";
import { requireOptimizer, type Optimizer } from "./optimizer";
import { plainDescent } from "./plainDescent";
import { createRandom } from "../random/createRandom";

/**
 * How gradient descent runs: η, the number of steps, the batches, when to stop.
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb §3.6
 */
export interface GradientDescentOptions {
  /** η, the step size: each update of plain descent moves w by −η ∇E (η of the chosen optimizer). */
  learningRate: number;
  /** How many updates to make (one update per batch). */
  steps: number;
  /** Examples per gradient: N (the default) is batch descent, 1 is stochastic, anything between is mini-batch. */
  batchSize?: number;
  /** Seed of the shuffle that forms the batches; required when batchSize < N. */
  seed?: string | number;
  /** Called after every update (and once at the start); return true to stop early. */
  stopWhen?: (state: DescentState) => boolean;
  /** The update rule (`momentum({ beta: 0.9 })`, `adam()`, …); default `plainDescent()`, w ← w − η g. */
  optimizer?: Optimizer;
}

/**
 * Where descent is: after `step` updates the weights are `w`, and `loss` is the training error over
 * all examples.
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb §3.6
 */
export interface DescentState {
  step: number;
  w: number[];
  loss: number;
}

/**
 * What `gradientDescent` returns: the final weights, their path and the loss along it.
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb §3.7
 */
export interface DescentResult {
  /** The final weights. */
  w: number[];
  /** w after 0, 1, 2, … updates (path[0] is the start). */
  path: number[][];
  /** The full training error E at each point of the path. */
  losses: number[];
  /** How many updates were made (fewer than asked when stopWhen stopped the run). */
  steps: number;
}

const known = ["learningRate", "steps", "batchSize", "seed", "stopWhen", "optimizer"];

/**
 * The states of gradient descent one by one, starting with step 0 (the start): a generator, so a
 * notebook can show progress (and let the display refresh) between steps. With `stopWhen`, the state it
 * returns true for is the last one yielded.
 * @throws DivergenceError as soon as the weights or the loss stop being finite, naming the step, the
 *   learning rate, the optimizer (unless plain descent) and the last finite loss;
 *   InvalidArgumentError / ShapeError for bad arguments
 * @example
 * for (const state of descentSteps(new LinearNeuron(1), { X: [[1]], t: [2] }, [0], { learningRate: 0.5, steps: 2 })) {
 *   state.w; // => [0], then [1], then [1.5]
 * }
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb §3.6, eq. (4)
 */
export function descentSteps<D extends { X: ArrayLike<unknown> } = Dataset>(
  model: Model<D>,
  data: D,
  w0: number[],
  options: GradientDescentOptions,
): Generator<DescentState, void, undefined> {
  return namedDescentSteps("descentSteps", model, data, w0, options);
}

/**
 * `descentSteps` for a function built on it (`gradientDescent`, `trainTanhNetwork`): its errors start
 * with `caller`, the name of the function the learner called. Internal (src/internal.ts).
 */
export function namedDescentSteps<D extends { X: ArrayLike<unknown> }>(
  caller: string,
  model: Model<D>,
  data: D,
  w0: number[],
  options: GradientDescentOptions,
): Generator<DescentState, void, undefined> {
  // Arguments are checked here, when the generator is made, not later when the first state is asked for.
  return run(caller, model, data, w0, checkArguments(caller, model, data, w0, options));
}

function* run<D extends { X: ArrayLike<unknown> }>(
  caller: string,
  model: Model<D>,
  data: D,
  w0: number[],
  checked: ReturnType<typeof checkArguments>,
): Generator<DescentState, void, undefined> {
  const { learningRate, steps, batchSize, random, stopWhen, optimizer, move } = checked;
  const N = data.X.length;
  const w = w0.slice();
  const g = new Array<number>(w.length);
  // The shuffled example order, refilled every epoch; the batches are fixed views into it.
  const order = Int32Array.from({ length: N }, (_, n) => n);
  const batches: Int32Array[] = [];
  for (let start = 0; start < N; start += batchSize)
    batches.push(order.subarray(start, Math.min(start + batchSize, N)));

  // Full batch with a fused model: E and ∇E at w in one pass, g ready for the next step (same numbers).
  const fused = random === undefined && model.lossAndGradient !== undefined;
  const lossAt = (w: number[]) =>
    fused ? model.lossAndGradient!(w, data, g) : model.loss(w, data);
  const diverged = (step: number, loss: number, last: number | undefined) =>
    divergence(caller, optimizer, step, learningRate, loss, last);

  let loss = lossAt(w);
  if (!Number.isFinite(loss)) throw diverged(0, loss, undefined);
  const start = { step: 0, w: w.slice(), loss };
  yield start;
  if (stopWhen?.(start) === true) return;
  for (let step = 1; step <= steps; step++) {
    const b = (step - 1) % batches.length;
    if (b === 0 && random) order.set(random.shuffle(Array.from(order)));
    if (!fused) model.gradient(w, data, random ? batches[b] : undefined, g);
    move(w, g, learningRate, step);
    const lastLoss = loss;
    loss = w.every(Number.isFinite) ? lossAt(w) : NaN;
    if (!Number.isFinite(loss)) throw diverged(step, loss, lastLoss);
    const state = { step, w: w.slice(), loss };
    yield state;
    if (stopWhen?.(state) === true) return;
  }
}

/**
 * Runs gradient descent from w0 and returns the path of the weights and the training error along it.
 *
 *   w ← w − η ∇E_batch(w),   E_batch = the error over one batch of examples
 *
 * @throws DivergenceError when the loss becomes NaN or ∞ (η too large), e.g.
 *   `gradientDescent: diverged at step 876 with learningRate 2.5: the loss became Infinity; the last finite loss was 7.222e+307 (step 875). …`
 *   With another optimizer the message names it: `gradientDescent: diverged at step 873 with momentum (β = 0.9) and learningRate 4: … (below 2(1 + β)/λ_max = 3.8/λ_max of the Hessian) would converge.`
 * @throws InvalidArgumentError for a non-positive learning rate, NaN in w0, a missing seed, unknown options,
 *   an optimizer that is not an `Optimizer`; ShapeError when w0 does not fit the data
 * @example
 * const run = gradientDescent(new LinearNeuron(1), { X: [[1]], t: [2] }, [0], { learningRate: 0.5, steps: 2 });
 * run.path;   // => [[0], [1], [1.5]]
 * run.losses; // => [2, 0.5, 0.125]
 * gradientDescent(new LinearNeuron(1), { X: [[1]], t: [2] }, [0],
 *   { learningRate: 0.5, steps: 2, optimizer: momentum({ beta: 0.5 }) }).path; // => [[0], [1], [2]]
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb §3.4, eq. (4); §3.7–§3.9
 */
export function gradientDescent<D extends { X: ArrayLike<unknown> } = Dataset>(
  model: Model<D>,
  data: D,
  w0: number[],
  options: GradientDescentOptions,
): DescentResult {
  const path: number[][] = [];
  const losses: number[] = [];
  for (const state of namedDescentSteps("gradientDescent", model, data, w0, options)) {
    path.push(state.w);
    losses.push(state.loss);
  }
  return { w: path[path.length - 1], path, losses, steps: path.length - 1 };
}

function checkArguments<D extends { X: ArrayLike<unknown> }>(
  caller: string,
  model: Model<D>,
  data: D,
  w0: number[],
  options: GradientDescentOptions,
) {
  if (model === null || typeof model !== "object")
    throw new InvalidArgumentError(
      `${caller}: model is ${describeValue(model)}; expected an object with loss and gradient methods`,
    );
  requireFunction(caller, "model.loss", model.loss);
  requireFunction(caller, "model.gradient", model.gradient);
  if (model.lossAndGradient !== undefined)
    requireFunction(caller, "model.lossAndGradient", model.lossAndGradient);
  requireFiniteVector(caller, "w0", w0);
  if (options === null || typeof options !== "object")
    throw new InvalidArgumentError(
      `${caller}: options is ${describeValue(options)}; expected { learningRate, steps, … }`,
    );
  rejectUnknownOptions(caller, options, known);
  const learningRate = requirePositive(caller, "learningRate", options.learningRate);
  const steps = requireInteger(caller, "steps", options.steps, 0);
  if (options.stopWhen !== undefined) requireFunction(caller, "stopWhen", options.stopWhen);
  const stopWhen = options.stopWhen;
  const N = data?.X?.length;
  if (!Number.isInteger(N) || N < 1)
    throw new InvalidArgumentError(
      `${caller}: data.X is ${describeValue(data?.X)}; expected at least one example`,
    );
  const batchSize =
    options.batchSize === undefined
      ? N
      : requireInteger(caller, "batchSize", options.batchSize, 1, N);
  if (batchSize < N && options.seed === undefined) {
    throw new InvalidArgumentError(
      `${caller}: seed is missing; a batchSize (${batchSize}) smaller than the data (${N}) needs a seed for its shuffle`,
    );
  }
  const random = batchSize < N ? createRandom(options.seed as string | number) : undefined;
  const optimizer =
    options.optimizer === undefined
      ? plainDescent()
      : requireOptimizer(caller, "optimizer", options.optimizer);
  // Fresh state for this run (velocities, running averages), made now so a bad optimizer fails here.
  const move = optimizer.begin(w0.length);
  requireFunction(caller, "optimizer.begin(W)", move);
  return { learningRate, steps, batchSize, random, stopWhen, optimizer, move };
}

function divergence(
  caller: string,
  optimizer: Optimizer,
  step: number,
  learningRate: number,
  loss: number,
  lastFiniteLoss: number | undefined,
): DivergenceError {
  const last =
    lastFiniteLoss === undefined
      ? "there was no finite loss before it"
      : `the last finite loss was ${lastFiniteLoss.toPrecision(4)} (step ${step - 1})`;
  const how = optimizer === plainDescent() ? "" : `${optimizer.label} and `;
  const hint = optimizer.divergenceHint ?? "Try a smaller learning rate.";
  return new DivergenceError(
    `${caller}: diverged at step ${step} with ${how}learningRate ${learningRate}: the loss became ${loss}; ${last}. ${hint}`,
    step,
    learningRate,
    lastFiniteLoss,
    optimizer.label,
  );
}

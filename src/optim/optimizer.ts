/**
 * The shape every update rule of the course's training loop takes (`gradientDescent`'s `optimizer`
 * option): plain descent, momentum, Nesterov, RMSProp, Adam. The loop computes the gradient g = ∇E(w);
 * the optimiser decides how w moves.
 */
import { InvalidArgumentError } from "../errors/errors";
import { describeValue } from "../errors/validate";

/**
 * An update rule: its label, and a way to start a run. `begin(W)` makes fresh state for W weights
 * (velocities, running averages, all 0) and returns the function that moves w in place, given the
 * gradient g at w, η and the step number t = 1, 2, … Two runs never share state, so a run is
 * reproducible from its seed alone.
 * @example
 * const halfStep: Optimizer = {
 *   label: "half steps",
 *   begin: (W) => (w, g, learningRate) => { for (let i = 0; i < W; i++) w[i] -= 0.5 * learningRate * g[i]; },
 * };
 * gradientDescent(new LinearNeuron(1), { X: [[1]], t: [2] }, [0], { learningRate: 1, steps: 1, optimizer: halfStep }).w; // => [1]
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb §3.4, eq. (4) (plain descent, the first rule)
 */
export interface Optimizer {
  /** Its name and settings, for legends and error messages: "momentum (β = 0.9)". */
  readonly label: string;
  /** What a `DivergenceError` advises (default: "Try a smaller learning rate."). */
  readonly divergenceHint?: string;
  /** Fresh state for a run over W weights; returns the function that moves w in place. */
  begin(W: number): (w: number[], g: ArrayLike<number>, learningRate: number, t: number) => void;
}

/**
 * Requires an `Optimizer`: an object with a string `label` and a `begin` function (what
 * `momentum({ beta })`, `adam()`, … return). It lives beside the interface it checks, so the argument
 * checks of src/errors never import from the layers above them.
 * @throws InvalidArgumentError `gradientDescent: optimizer is a function; expected an Optimizer …`
 * @example requireOptimizer("gradientDescent", "optimizer", plainDescent()).label; // => "plain descent"
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb §6.1
 */
export function requireOptimizer(caller: string, name: string, value: unknown): Optimizer {
  const o = value as Partial<Optimizer> | null;
  if (
    o === null ||
    typeof o !== "object" ||
    typeof o.label !== "string" ||
    typeof o.begin !== "function"
  )
    throw new InvalidArgumentError(
      `${caller}: ${name} is ${describeValue(value)}; expected an Optimizer { label, begin } such as momentum({ beta: 0.9 }) or adam()`,
    );
  return o as Optimizer;
}

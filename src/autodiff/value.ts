/**
 * The node of a reverse-mode automatic-differentiation engine: one scalar that remembers the values it
 * was computed from (its inputs) and how to send a gradient back to them (its backward step).
 * @see notebooks/05-backprop-bugs-and-autodiff.ipynb §5.3
 */
import { requireFinite } from "../errors/validate";

/**
 * A scalar in a computational graph. `data` is its value (forward pass); `grad` is ∂L/∂(this value),
 * filled in by `backward(L)`; `inputs` are the nodes it was computed from; `backwardStep` adds
 * (local derivative × `grad`) to each input's `grad`. A leaf (a weight, an input) has no inputs.
 *
 * @throws InvalidArgumentError when data is not a finite number
 * @example
 * const w = new Value(3, [], "", "w");
 * w.data;   // => 3
 * w.grad;   // => 0 (until a backward pass reaches it)
 * @see notebooks/05-backprop-bugs-and-autodiff.ipynb §5.3
 */
export class Value {
  readonly data: number;
  /** ∂L/∂(this node) after `backward(L)`; 0 before. */
  grad = 0;
  /** The nodes this one was computed from (empty for a leaf). */
  readonly inputs: readonly Value[];
  /** The operation that made this node ("" for a leaf): "+", "×", "tanh", … */
  readonly op: string;
  /** A name to show in tables ("w", "h"); optional. */
  label: string;
  /** Adds ∂(this)/∂(input) · this.grad to every input's grad (set by the operation that made it). */
  backwardStep: () => void = () => {};

  constructor(data: number, inputs: readonly Value[] = [], op = "", label = "") {
    this.data = requireFinite(op === "" ? "Value" : op, "data", data);
    this.inputs = inputs;
    this.op = op;
    this.label = label;
  }
}

/**
 * A leaf node for a number: `value(3, "w")`.
 * @throws InvalidArgumentError when x is not a finite number
 * @example
 * value(0.5, "x").label; // => "x"
 */
export function value(x: number, label = ""): Value {
  return new Value(requireFinite("value", "x", x), [], "", label);
}

/** A Value, or a number that an operation wraps into a constant leaf. */
export type ValueLike = Value | number;

/**
 * The Value for an operand: a Value as it is, a finite number as a new constant leaf.
 * @throws InvalidArgumentError naming the caller and the argument when it is neither
 */
export function toValue(caller: string, name: string, x: unknown): Value {
  if (x instanceof Value) return x;
  return new Value(requireFinite(caller, name, x), [], "", String(x));
}

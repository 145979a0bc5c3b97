/**
 * The operations of the autodiff engine. Each computes its output (the forward rule) and, right beside
 * it, the backward step: the local derivative times the output's gradient, *added* (+=) to the input's
 * gradient, so that a node used twice receives the sum of both contributions.
 * @see notebooks/05-backprop-bugs-and-autodiff.ipynb §5.2 (the local rules), §5.3 (the engine)
 */
import { portableLog, portableTanh } from "../calculus/portableMath";
import { InvalidArgumentError, NonFiniteValueError } from "../errors/errors";
import { describeValue, requireFinite } from "../errors/validate";
import { toValue, Value, type ValueLike } from "./value";

/**
 * The output node of operation `op` (its label in the graph), or a typed error naming the function
 * `caller` when the forward rule gives NaN or ∞ (log(−1), 1/0, exp(800)).
 */
function output(caller: string, op: string, data: number, inputs: Value[], why: string): Value {
  if (!Number.isFinite(data)) {
    const at = inputs.map((v) => v.data).join(", ");
    throw new NonFiniteValueError(`${caller}: the result is ${data} at input ${at}; ${why}`);
  }
  return new Value(data, inputs, op);
}

/**
 * a + b. Local derivatives ∂/∂a = 1, ∂/∂b = 1: addition passes the gradient on unchanged.
 * @example add(value(2), 3).data; // => 5
 */
export function add(a: ValueLike, b: ValueLike): Value {
  const x = toValue("add", "a", a),
    y = toValue("add", "b", b);
  const out = output("add", "+", x.data + y.data, [x, y], "the sum overflowed");
  out.backwardStep = () => {
    x.grad += out.grad; // d(a + b)/da = 1
    y.grad += out.grad; // d(a + b)/db = 1
  };
  return out;
}

/**
 * a − b. Local derivatives ∂/∂a = 1, ∂/∂b = −1.
 * @example sub(value(2), 3).data; // => -1
 */
export function sub(a: ValueLike, b: ValueLike): Value {
  const x = toValue("sub", "a", a),
    y = toValue("sub", "b", b);
  const out = output("sub", "−", x.data - y.data, [x, y], "the difference overflowed");
  out.backwardStep = () => {
    x.grad += out.grad; // d(a − b)/da = 1
    y.grad -= out.grad; // d(a − b)/db = −1
  };
  return out;
}

/**
 * a · b. Local derivatives ∂/∂a = b, ∂/∂b = a: multiplication swaps its inputs.
 * @example mul(value(2), 3).data; // => 6
 */
export function mul(a: ValueLike, b: ValueLike): Value {
  const x = toValue("mul", "a", a),
    y = toValue("mul", "b", b);
  const out = output("mul", "×", x.data * y.data, [x, y], "the product overflowed");
  out.backwardStep = () => {
    x.grad += y.data * out.grad; // d(ab)/da = b
    y.grad += x.data * out.grad; // d(ab)/db = a
  };
  return out;
}

/**
 * a / b. Local derivatives ∂/∂a = 1/b, ∂/∂b = −a/b².
 * @throws NonFiniteValueError when b = 0
 * @example div(value(3), 2).data; // => 1.5
 */
export function div(a: ValueLike, b: ValueLike): Value {
  const x = toValue("div", "a", a),
    y = toValue("div", "b", b);
  const out = output("div", "÷", x.data / y.data, [x, y], "division needs b ≠ 0");
  out.backwardStep = () => {
    x.grad += out.grad / y.data; // d(a/b)/da = 1/b
    y.grad -= (x.data / (y.data * y.data)) * out.grad; // d(a/b)/db = −a/b²
  };
  return out;
}

/**
 * aᵖ for a constant exponent p. Local derivative p·aᵖ⁻¹.
 * @throws InvalidArgumentError when p is not a finite number; NonFiniteValueError when aᵖ is not
 *   finite (0 to a negative power, a negative base to a fractional power)
 * @example pow(value(3), 2).data; // => 9
 */
export function pow(a: ValueLike, p: number): Value {
  const x = toValue("pow", "a", a);
  requireFinite("pow", "p", p);
  const out = output("pow", `^${p}`, x.data ** p, [x], "aᵖ must be a finite real number");
  out.backwardStep = () => {
    x.grad += p * x.data ** (p - 1) * out.grad; // d(aᵖ)/da = p aᵖ⁻¹
  };
  return out;
}

/**
 * −a. Local derivative −1.
 * @example neg(value(2)).data; // => -2
 */
export function neg(a: ValueLike): Value {
  const x = toValue("neg", "a", a);
  const out = output("neg", "neg", -x.data, [x], "");
  out.backwardStep = () => {
    x.grad -= out.grad; // d(−a)/da = −1
  };
  return out;
}

/**
 * tanh(a). Local derivative 1 − tanh(a)², written with the output z = tanh(a) (lesson 4, eq. (8)).
 * @example tanh(value(0)).data; // => 0
 */
export function tanh(a: ValueLike): Value {
  const x = toValue("tanh", "a", a);
  const out = output("tanh", "tanh", portableTanh(x.data), [x], "");
  out.backwardStep = () => {
    x.grad += (1 - out.data * out.data) * out.grad; // d tanh(a)/da = 1 − tanh(a)²
  };
  return out;
}

/**
 * eᵃ. Local derivative eᵃ (the output itself).
 * @throws NonFiniteValueError when eᵃ overflows (a > 709.78)
 * @example exp(value(0)).data; // => 1
 */
export function exp(a: ValueLike): Value {
  const x = toValue("exp", "a", a);
  const out = output("exp", "exp", Math.exp(x.data), [x], "eᵃ overflows for a > 709.78");
  out.backwardStep = () => {
    x.grad += out.data * out.grad; // d eᵃ/da = eᵃ
  };
  return out;
}

/**
 * ln a. Local derivative 1/a.
 * @throws NonFiniteValueError when a ≤ 0
 * @example log(value(Math.E)).data; // => 1
 */
export function log(a: ValueLike): Value {
  const x = toValue("log", "a", a);
  const out = output("log", "log", portableLog(x.data), [x], "log needs a > 0");
  out.backwardStep = () => {
    x.grad += out.grad / x.data; // d ln(a)/da = 1/a
  };
  return out;
}

/**
 * Σᵢ aᵢ as one node with many inputs. Local derivative ∂/∂aᵢ = 1 for every i.
 * @throws InvalidArgumentError when terms is not a non-empty array of Values and numbers
 * @example sum([value(1), 2, value(3)]).data; // => 6
 */
export function sum(terms: readonly ValueLike[]): Value {
  if (!Array.isArray(terms) || terms.length === 0) {
    const got = Array.isArray(terms) ? "an empty array" : describeValue(terms);
    throw new InvalidArgumentError(`sum: terms is ${got}; expected a non-empty array of Values`);
  }
  const xs = terms.map((t, i) => toValue("sum", `terms[${i}]`, t));
  const out = output(
    "sum",
    "Σ",
    xs.reduce((s, v) => s + v.data, 0),
    xs,
    "the sum overflowed",
  );
  out.backwardStep = () => {
    for (const v of xs) v.grad += out.grad; // d(Σ aᵢ)/daᵢ = 1
  };
  return out;
}

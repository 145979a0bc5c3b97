/**
 * The backward pass of the autodiff engine: reverse-mode differentiation of a scalar loss.
 * @see notebooks/05-backprop-bugs-and-autodiff.ipynb §5.3
 */
import { InvalidArgumentError } from "../errors/errors";
import { describeValue } from "../errors/validate";
import { topologicalOrder } from "./topologicalOrder";
import { Value } from "./value";

/**
 * Fills in `grad` = ∂L/∂v for every node v that the scalar L depends on:
 *
 *   ∂L/∂L = 1;   ∂L/∂v = Σ over the uses u of v of  ∂L/∂u · ∂u/∂v
 *
 * in reverse topological order, so that all uses of v have passed their share back before v passes
 * its gradient on. Gradients are reset to 0 first, so calling it twice gives the same result.
 * Returns the nodes in topological order (their count is the cost of the pass).
 * @throws InvalidArgumentError when L is not a Value (an array of outputs must be summed into one
 *   scalar loss first), or when the graph has a cycle
 * @example
 * const x = value(3, "x");
 * backward(mul(x, x));   // L = x²
 * x.grad;                // => 6 (= 2x: x is used twice, 3 + 3)
 * @see notebooks/05-backprop-bugs-and-autodiff.ipynb §5.3
 */
export function backward(L: Value): Value[] {
  if (!(L instanceof Value)) {
    const what = Array.isArray(L)
      ? `an array of ${(L as unknown[]).length} values`
      : describeValue(L);
    throw new InvalidArgumentError(
      `backward: L is ${what}; expected one Value, a scalar loss (sum several outputs into one first)`,
    );
  }
  const order = topologicalOrder(L);
  for (const v of order) v.grad = 0;
  L.grad = 1; // ∂L/∂L = 1
  for (let n = order.length - 1; n >= 0; n--) order[n].backwardStep();
  return order;
}

/**
 * The order in which a backward pass visits the nodes of a graph.
 * @see notebooks/05-backprop-bugs-and-autodiff.ipynb §5.3
 */
import { InvalidArgumentError } from "../errors/errors";
import { describeValue } from "../errors/validate";
import { Value } from "./value";

/**
 * Every node that `root` depends on, each once, inputs before the nodes computed from them (a
 * topological order); `root` is last. Reversed, it is an order in which each node's gradient is
 * complete before the node passes it on. Depth-first, without recursion (deep graphs do not overflow
 * the stack).
 * @throws InvalidArgumentError when root is not a Value, or when the graph has a cycle (possible only
 *   if someone edits `inputs` by hand: operations always point back at existing nodes)
 * @example
 * const x = value(2, "x"), y = mul(x, x), L = add(y, 1);
 * topologicalOrder(L).map((v) => v.op || v.label); // => ["x", "×", "1", "+"]
 * @see notebooks/05-backprop-bugs-and-autodiff.ipynb §5.3
 */
export function topologicalOrder(root: Value): Value[] {
  if (!(root instanceof Value)) {
    throw new InvalidArgumentError(
      `topologicalOrder: root is ${describeValue(root)}; expected a Value`,
    );
  }
  const order: Value[] = [];
  const done = new Set<Value>();
  const onPath = new Set<Value>();
  const stack: { node: Value; next: number }[] = [{ node: root, next: 0 }];
  onPath.add(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next < top.node.inputs.length) {
      const input = top.node.inputs[top.next++];
      if (done.has(input)) continue;
      if (onPath.has(input)) {
        throw new InvalidArgumentError(
          `topologicalOrder: the graph has a cycle through a "${input.op || input.label}" node; a computational graph must be acyclic`,
        );
      }
      onPath.add(input);
      stack.push({ node: input, next: 0 });
    } else {
      stack.pop();
      onPath.delete(top.node);
      done.add(top.node);
      order.push(top.node);
    }
  }
  return order;
}

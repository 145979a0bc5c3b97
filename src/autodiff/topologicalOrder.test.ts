import { test } from "node:test";
import assert from "node:assert/strict";
import { add, mul, tanh } from "./operations";
import { topologicalOrder } from "./topologicalOrder";
import { value, type Value } from "./value";

test("inputs come before the nodes computed from them, each node once, the root last", () => {
  const x = value(2, "x"),
    y = mul(x, x),
    L = add(y, tanh(y));
  const order = topologicalOrder(L);
  assert.equal(order.length, 4);
  assert.equal(order[order.length - 1], L);
  for (const node of order)
    for (const input of node.inputs) assert.ok(order.indexOf(input) < order.indexOf(node));
});

test("the doc example lists x, ×, the constant and +", () => {
  const x = value(2, "x");
  assert.deepEqual(
    topologicalOrder(add(mul(x, x), 1)).map((v) => v.op || v.label),
    ["x", "×", "1", "+"],
  );
});

test("a deep chain does not overflow the stack", () => {
  let v: Value = value(0.1);
  for (let n = 0; n < 20_000; n++) v = add(v, 1e-6);
  assert.equal(topologicalOrder(v).length, 40_001);
});

test("a cycle made by editing inputs is rejected", () => {
  const x = value(1),
    y = add(x, 1);
  (x as unknown as { inputs: Value[] }).inputs = [y];
  assert.throws(
    () => topologicalOrder(y),
    /topologicalOrder: the graph has a cycle through a "\+" node/,
  );
});

test("a root that is not a Value is rejected", () => {
  assert.throws(
    () => topologicalOrder(3 as unknown as Value),
    /topologicalOrder: root is 3; expected a Value/,
  );
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { InvalidArgumentError } from "../errors/errors";
import { toValue, value, Value } from "./value";

test("a leaf holds its number, its label and a zero gradient", () => {
  const w = value(3, "w");
  assert.equal(w.data, 3);
  assert.equal(w.label, "w");
  assert.equal(w.grad, 0);
  assert.deepEqual(w.inputs, []);
});

test("a number becomes a constant leaf, a Value stays itself", () => {
  const w = value(1);
  assert.equal(toValue("f", "a", w), w);
  assert.equal(toValue("f", "a", 2.5).data, 2.5);
});

test("non-finite numbers are rejected with the argument's name", () => {
  assert.throws(() => value(NaN), InvalidArgumentError);
  assert.throws(() => value(Infinity), /value: x is Infinity; expected a finite number/);
  assert.throws(() => new Value(NaN), /Value: data is NaN/);
  assert.throws(
    () => toValue("mul", "b", "2"),
    /mul: b is "2" \(a string\); expected a finite number/,
  );
});

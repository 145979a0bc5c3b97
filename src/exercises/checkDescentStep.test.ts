import assert from "node:assert/strict";
import { test } from "node:test";
import { numericalGradient } from "../calculus/numericalGradient";
import { evaluateDescentStepAnswer } from "./checkDescentStep";
import { yourTurn } from "./yourTurn";

const E = ([a, b]: number[]) => a * a * b + Math.sin(b);
const gradient = ([a, b]: number[]) => [2 * a * b, a * a + Math.cos(b)];
const step =
  (eta: number, sign = -1, scale = 1) =>
  (w: number[]) =>
    w.map((wi, i) => wi + sign * scale * eta * gradient(w)[i]);
const options = { names: ["a", "b"] };

test("w − η∇E passes", () => {
  assert.equal(evaluateDescentStepAnswer(step(0.1), E, 0.1, options).passed, true);
});

test("a step uphill, a step of the wrong length and a constant step are told which weight and how", () => {
  assert.match(
    evaluateDescentStepAnswer(step(0.1, 1), E, 0.1, options).message,
    /✗ The change of a is off: .*The sign is flipped everywhere: your step goes uphill/,
  );
  assert.match(
    evaluateDescentStepAnswer(step(0.1, -1, 0.25), E, 0.1, options).message,
    /It is 0.25 times the true change everywhere/,
  );
  assert.equal(
    evaluateDescentStepAnswer((w) => [w[0] - 0.1, w[1] - 0.1], E, 0.1, options).passed,
    false,
  );
});

test("the stub, a step computed by numericalGradient and a wrong length are reported, not thrown", () => {
  assert.equal(
    evaluateDescentStepAnswer(() => yourTurn(), E, 0.1, { hint: "w − η∇E." }).message,
    "✗ Not answered yet: w − η∇E.",
  );
  const shortcut = evaluateDescentStepAnswer(
    (w) => numericalGradient(E, w).map((g, i) => w[i] - 0.1 * g),
    E,
    0.1,
  );
  assert.match(shortcut.message, /finite-difference estimate/);
  assert.match(evaluateDescentStepAnswer(() => [1], E, 0.1).message, /expected the 2 new weights/);
});

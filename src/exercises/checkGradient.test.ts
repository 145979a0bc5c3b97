import assert from "node:assert/strict";
import { test } from "node:test";
import { numericalGradient } from "../calculus/numericalGradient";
import { evaluateGradientAnswer } from "./checkGradient";
import { yourTurn } from "./yourTurn";

const f = ([w, b]: number[]) => w * w * b + 3 * b;
const right = ([w, b]: number[]) => [2 * w * b, w * w + 3];
const options = { names: ["w", "b"] };

test("a correct gradient passes", () => {
  assert.equal(evaluateGradientAnswer(right, f, options).passed, true);
  assert.equal(
    evaluateGradientAnswer(
      ([w, b]) => [2 * w, 1],
      ([w, b]) => w * w + b,
      options,
    ).passed,
    true,
  );
});

test("a wrong gradient gets a hint naming the component, the sign, the factor or the offset", () => {
  assert.match(
    evaluateGradientAnswer(([w, b]) => [2 * w * b, -(w * w + 3)], f, options).message,
    /✗ ∂f\/∂b is off: at θ = .* you give .*off by .*The sign is flipped everywhere/,
  );
  assert.match(
    evaluateGradientAnswer(([w, b]) => [4 * w * b, w * w + 3], f, options).message,
    /∂f\/∂w is off.*It is 2 times the true slope/,
  );
  assert.match(
    evaluateGradientAnswer(([w, b]) => [2 * w * b, w * w], f, options).message,
    /∂f\/∂b is off.*off by the same -3 everywhere/,
  );
  assert.match(
    evaluateGradientAnswer(([w, b]) => [w * w + 3, 2 * w * b], f, options).message,
    /∂f\/∂w is off.*equals ∂f\/∂b at every point: the components are swapped/,
  );
});

test("stubs that throw, return NaN or the wrong length are reported, not thrown", () => {
  assert.match(
    evaluateGradientAnswer(
      () => {
        throw new Error("your turn");
      },
      f,
      options,
    ).message,
    /threw at θ = .*your turn/,
  );
  assert.match(
    evaluateGradientAnswer(() => [1, NaN], f, options).message,
    /component 1 of your answer is NaN/,
  );
  assert.match(
    evaluateGradientAnswer(() => [1], f, options).message,
    /returned an array of length 1; expected an array of 2 numbers/,
  );
  assert.throws(
    () => evaluateGradientAnswer(right, f, { names: ["w"], dimension: 2 }),
    /checkGradient: names has length 1; expected 2/,
  );
});

test("the stub gets the hint, numericalGradient itself is flagged, a constant answer fails", () => {
  assert.equal(
    evaluateGradientAnswer(() => yourTurn(), f, { ...options, hint: "∂f/∂w first." }).message,
    "✗ Not answered yet: ∂f/∂w first.",
  );
  const shortcut = evaluateGradientAnswer((theta) => numericalGradient(f, theta), f, options);
  assert.match(shortcut.message, /✗ Your function made 1 finite-difference estimate at θ = /);
  const constant = evaluateGradientAnswer(() => right([0.5, 1]), f, options);
  assert.equal(constant.passed, false);
  assert.match(constant.message, /∂f\/∂w is off/);
});

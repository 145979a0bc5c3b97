import assert from "node:assert/strict";
import { test } from "node:test";
import { evaluateDescentDirectionAnswer, evaluateGradientAnswer } from "./checkGradient";

const f = ([w, b]: number[]) => w * w * b + 3 * b;
const right = ([w, b]: number[]) => [2 * w * b, w * w + 3];
const options = { names: ["w", "b"] };

test("a correct gradient passes", () => {
  assert.equal(evaluateGradientAnswer(right, f, options).passed, true);
  assert.equal(evaluateGradientAnswer(([w, b]) => [2 * w, 1], ([w, b]) => w * w + b, options).passed, true);
});

test("a wrong gradient gets a hint naming the component, the sign, the factor or the offset", () => {
  assert.match(evaluateGradientAnswer(([w, b]) => [2 * w * b, -(w * w + 3)], f, options).message, /✗ ∂f\/∂b is off: at θ = .* you give .*off by .*The sign is flipped everywhere/);
  assert.match(evaluateGradientAnswer(([w, b]) => [4 * w * b, w * w + 3], f, options).message, /∂f\/∂w is off.*It is 2 times the true slope/);
  assert.match(evaluateGradientAnswer(([w, b]) => [2 * w * b, w * w], f, options).message, /∂f\/∂b is off.*off by the same -3 everywhere/);
  assert.match(evaluateGradientAnswer(([w, b]) => [w * w + 3, 2 * w * b], f, options).message, /∂f\/∂w is off.*equals ∂f\/∂b at every point: the components are swapped/);
});

test("stubs that throw, return NaN or the wrong length are reported, not thrown", () => {
  assert.match(evaluateGradientAnswer(() => { throw new Error("your turn"); }, f, options).message, /threw at θ = .*your turn/);
  assert.match(evaluateGradientAnswer(() => [1, NaN], f, options).message, /component 1 of your answer is NaN/);
  assert.match(evaluateGradientAnswer(() => [1], f, options).message, /returned an array of length 1; expected an array of 2 numbers/);
  assert.throws(() => evaluateGradientAnswer(right, f, { names: ["w"], dimension: 2 }), /checkGradient: names has length 1; expected 2/);
});

test("the steepest-descent direction must be the unit vector opposite the gradient", () => {
  const unit = (g: number[]) => { const n = Math.hypot(g[0], g[1]); return [-g[0] / n, -g[1] / n]; };
  assert.equal(evaluateDescentDirectionAnswer(unit).passed, true);
  assert.match(evaluateDescentDirectionAnswer((g) => [-g[0], -g[1]]).message, /has length .*; expected 1.*You returned −∇L itself/);
  assert.match(evaluateDescentDirectionAnswer((g) => unit(g).map((v) => -v)).message, /β = 0° .*points uphill/);
  assert.match(evaluateDescentDirectionAnswer((g) => [unit(g)[1], -unit(g)[0]]).message, /β = 90°/);
  assert.match(evaluateDescentDirectionAnswer(() => { throw new Error("your turn"); }).message, /threw at ∇L = .*your turn/);
});

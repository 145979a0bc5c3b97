import assert from "node:assert/strict";
import { test } from "node:test";
import { evaluateStepsNeededAnswer } from "./checkStepsNeeded";
import { yourTurn } from "./yourTurn";

const halving = (k: number) => 0.5 ** k;

test("the smallest whole number of steps passes", () => {
  assert.equal(evaluateStepsNeededAnswer(() => 20, halving).passed, true);
  assert.equal(evaluateStepsNeededAnswer(() => 4, halving, { factor: 0.1 }).passed, true);
});

test("too few or too many steps are told by how many", () => {
  assert.match(
    evaluateStepsNeededAnswer(() => 19, halving).message,
    /After your 19 steps .* above 1e-6: 1 step too few/,
  );
  assert.match(
    evaluateStepsNeededAnswer(() => 23, halving).message,
    /Already after 22 steps .* 3 steps more than needed/,
  );
});

test("a negative or fractional count gets a hint about the sign or rounding; the stub gets the exercise's hint", () => {
  assert.match(evaluateStepsNeededAnswer(() => -19.93, halving).message, /Mind the sign/);
  assert.match(evaluateStepsNeededAnswer(() => 19.93, halving).message, /Round up \(Math.ceil\)/);
  assert.equal(
    evaluateStepsNeededAnswer(() => yourTurn(), halving, { hint: "logarithms." }).message,
    "✗ Not answered yet: logarithms.",
  );
  assert.match(
    evaluateStepsNeededAnswer(() => NaN, halving).message,
    /^✗ Your number of steps returned NaN/,
  );
});

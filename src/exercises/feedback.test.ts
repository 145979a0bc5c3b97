import assert from "node:assert/strict";
import { test } from "node:test";
import { centralDifference } from "../calculus/centralDifference";
import { finiteDifferenceCalls } from "../calculus/callCounter";
import { gradcheck } from "../calculus/gradcheck";
import { numericalGradient } from "../calculus/numericalGradient";
import { callLearner, exerciseText } from "./feedback";
import { yourTurn, YourTurnError } from "./yourTurn";

test("yourTurn throws a YourTurnError that says what to do", () => {
  assert.throws(() => yourTurn(), (error: unknown) => error instanceof YourTurnError && /^Your turn: replace this line with your answer$/.test(error.message));
});

test("the stub is reported as not answered yet, with the exercise's hint", () => {
  const called = callLearner(() => yourTurn(), "at x = 1", "use the power rule.");
  assert.deepEqual(called.result, { passed: false, message: "✗ Not answered yet: use the power rule." });
});

test("any other error is reported with where it happened", () => {
  const called = callLearner(() => { throw new Error("oops"); }, "at x = 1", "hint");
  assert.match(called.result!.message, /^✗ Your function threw at x = 1: oops$/);
});

test("every finite-difference helper bumps the call counter", () => {
  const before = finiteDifferenceCalls();
  centralDifference((x) => x * x, 1);
  numericalGradient(([a]) => a * a, [1]);
  gradcheck(([a]) => a * a, [2], [1]);
  assert.equal(finiteDifferenceCalls() - before, 3);
});

test("a learner's function that computes finite differences is flagged as a shortcut", () => {
  const called = callLearner(() => centralDifference(Math.sin, 1), "at x = 1", "hint");
  assert.match(called.result!.message, /^✗ Your function made 1 finite-difference estimate at x = 1 .*Derive the formula by hand/);
  assert.equal(callLearner(() => Math.cos(1), "at x = 1", "hint").value, Math.cos(1));
});

test("the shown text puts the label after the mark", () => {
  assert.equal(exerciseText({ passed: true, message: "✓ Correct: yes." }, "Exercise 1"), "✓ Exercise 1: Correct: yes.");
  assert.equal(exerciseText({ passed: false, message: "✗ Not answered yet: h" }), "✗ Not answered yet: h");
});

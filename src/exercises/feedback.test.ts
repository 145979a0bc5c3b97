import assert from "node:assert/strict";
import { test } from "node:test";
import { centralDifference } from "../calculus/centralDifference";
import { finiteDifferenceCalls } from "../calculus/callCounter";
import { gradcheck } from "../calculus/gradcheck";
import { numericalGradient } from "../calculus/numericalGradient";
import {
  callLearner,
  diagnose,
  exerciseMimeType,
  exerciseText,
  exerciseVerdict,
  requireFiniteAnswer,
} from "./feedback";
import { yourTurn, YourTurnError } from "./yourTurn";

test("yourTurn throws a YourTurnError that says what to do", () => {
  assert.throws(
    () => yourTurn(),
    (error: unknown) =>
      error instanceof YourTurnError &&
      /^Your turn: replace this line with your answer$/.test(error.message),
  );
});

test("the stub is reported as not answered yet, with the exercise's hint", () => {
  const called = callLearner(() => yourTurn(), "at x = 1", "use the power rule.");
  assert.deepEqual(called.result, {
    passed: false,
    message: "✗ Not answered yet: use the power rule.",
  });
});

test("any other error is reported with where it happened", () => {
  const called = callLearner(
    () => {
      throw new Error("oops");
    },
    "at x = 1",
    "hint",
  );
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
  assert.match(
    called.result!.message,
    /^✗ Your function made 1 finite-difference estimate at x = 1 .*Derive the formula by hand/,
  );
  assert.equal(callLearner(() => Math.cos(1), "at x = 1", "hint").value, Math.cos(1));
});

test("the shown text puts the label after the mark", () => {
  assert.equal(
    exerciseText({ passed: true, message: "✓ Correct: yes." }, "Exercise 1"),
    "✓ Exercise 1: Correct: yes.",
  );
  assert.equal(
    exerciseText({ passed: false, message: "✗ Not answered yet: h" }),
    "✗ Not answered yet: h",
  );
});

test("diagnose words its verdict from its parameters: the truth's name, what a flipped sign means, what to check", () => {
  assert.equal(diagnose([-2, -4], [2, 4]), "The sign is flipped everywhere.");
  assert.equal(
    diagnose([-2, -4], [2, 4], { flipped: "your step goes uphill" }),
    "The sign is flipped everywhere: your step goes uphill.",
  );
  assert.equal(
    diagnose([4, 8], [2, 4], { truth: "true change" }),
    "It is 2 times the true change everywhere: check the constant factor.",
  );
  assert.equal(
    diagnose([3, 5], [2, 4]),
    "It is off by the same 1 everywhere: check the constant term.",
  );
  assert.equal(
    diagnose([1, 5], [2, 3], { form: "how your bound depends on c" }),
    "The error changes from point to point: check how your bound depends on c.",
  );
});

test("a non-finite answer is reported with where it was asked, or as 'Your …' when it takes no input, and a note", () => {
  assert.deepEqual(requireFiniteAnswer(NaN, "", "number of steps"), {
    passed: false,
    message: "✗ Your number of steps returned NaN; expected a finite number.",
  });
  assert.deepEqual(requireFiniteAnswer("1", "At x = 1", "f′", "the slope is 2"), {
    passed: false,
    message: "✗ At x = 1 your f′ returned 1; expected a finite number (the slope is 2).",
  });
  assert.equal(requireFiniteAnswer(2.5, "At x = 1", "f′"), 2.5);
});

test("a verdict's machine-readable form says pass, fail or not attempted, with the learner's line", () => {
  const stub = callLearner(() => yourTurn(), "at x = 1", "use the power rule.").result!;
  assert.deepEqual(exerciseVerdict(stub, "Exercise 1"), {
    label: "Exercise 1",
    result: "not attempted",
    message: "✗ Exercise 1: Not answered yet: use the power rule.",
  });
  const threw = callLearner(
    () => {
      throw new Error("oops");
    },
    "at x = 1",
    "hint",
  ).result!;
  assert.equal(exerciseVerdict(threw, "Exercise 2").result, "fail");
  assert.deepEqual(exerciseVerdict({ passed: true, message: "✓ Correct." }), {
    label: "",
    result: "pass",
    message: "✓ Correct.",
  });
  assert.equal(exerciseMimeType, "application/vnd.downhill.exercise+json");
  // A MIME type whose data nbformat stores as JSON (pattern ^application/(.*\+)?json$).
  assert.match(exerciseMimeType, /^application\/(.*\+)?json$/);
});

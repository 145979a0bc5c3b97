import assert from "node:assert/strict";
import { test } from "node:test";
import { centralDifference } from "../calculus/centralDifference";
import { forwardDifference } from "../calculus/forwardDifference";
import { evaluateDerivativeAnswer } from "./checkDerivative";
import { yourTurn } from "./yourTurn";

const cube = (x: number) => x ** 3 - 2 * x;

test("a correct derivative passes", () => {
  assert.equal(evaluateDerivativeAnswer((x) => 3 * x * x - 2, cube).passed, true);
  assert.equal(
    evaluateDerivativeAnswer(
      (x) => Math.cos(x * x) * 2 * x,
      (x) => Math.sin(x * x),
    ).passed,
    true,
  );
});

test("a wrong derivative fails with a hint that names the kind of mistake", () => {
  const flipped = evaluateDerivativeAnswer((x) => -(3 * x * x - 2), cube);
  assert.equal(flipped.passed, false);
  assert.match(flipped.message, /At x = .* your f′ gives .*The sign is flipped everywhere/);
  assert.match(
    evaluateDerivativeAnswer((x) => 2 * (3 * x * x - 2), cube).message,
    /It is 2 times the true slope/,
  );
  assert.match(
    evaluateDerivativeAnswer((x) => 3 * x * x, cube).message,
    /off by the same 2 everywhere/,
  );
  assert.match(
    evaluateDerivativeAnswer((x) => x * x - 2, cube).message,
    /changes from point to point/,
  );
});

test("a constant answer fails on random points, and so does a stub that throws or returns NaN", () => {
  assert.equal(evaluateDerivativeAnswer(() => 1, cube).passed, false);
  assert.match(
    evaluateDerivativeAnswer(() => {
      throw new Error("your turn");
    }, cube).message,
    /Your function threw at x = .*: your turn/,
  );
  assert.match(
    evaluateDerivativeAnswer(() => NaN, cube).message,
    /returned NaN; expected a finite number/,
  );
});

test("the test points are seeded: the same verdict every run", () => {
  const a = evaluateDerivativeAnswer((x) => x, cube);
  const b = evaluateDerivativeAnswer((x) => x, cube);
  assert.equal(a.message, b.message);
});

test("the stub is not answered yet, with the hint; returning the checker's own central difference is flagged", () => {
  assert.equal(
    evaluateDerivativeAnswer(() => yourTurn(), cube, { hint: "power rule." }).message,
    "✗ Not answered yet: power rule.",
  );
  const shortcut = evaluateDerivativeAnswer((x) => centralDifference(cube, x), cube);
  assert.equal(shortcut.passed, false);
  assert.match(shortcut.message, /finite-difference estimate/);
  assert.equal(evaluateDerivativeAnswer((x) => forwardDifference(cube, x), cube).passed, false);
});

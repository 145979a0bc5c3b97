import assert from "node:assert/strict";
import { test } from "node:test";
import { evaluateDescentDirectionAnswer } from "./checkDescentDirection";
import { randomTestGradients } from "./testPoints";
import { yourTurn } from "./yourTurn";

test("the steepest-descent direction must be the unit vector opposite the gradient", () => {
  const unit = (g: number[]) => {
    const n = Math.hypot(g[0], g[1]);
    return [-g[0] / n, -g[1] / n];
  };
  assert.equal(evaluateDescentDirectionAnswer(unit).passed, true);
  assert.match(
    evaluateDescentDirectionAnswer((g) => [-g[0], -g[1]]).message,
    /has length .*; expected 1.*You returned −∇L itself/,
  );
  assert.match(
    evaluateDescentDirectionAnswer((g) => unit(g).map((v) => -v)).message,
    /β = 0° .*points uphill/,
  );
  assert.match(evaluateDescentDirectionAnswer((g) => [unit(g)[1], -unit(g)[0]]).message, /β = 90°/);
  assert.match(
    evaluateDescentDirectionAnswer(() => {
      throw new Error("your turn");
    }).message,
    /threw at ∇L = .*your turn/,
  );
});

test("the stub gets the hint and a constant answer fails", () => {
  assert.equal(
    evaluateDescentDirectionAnswer(() => yourTurn(), { hint: "(10)." }).message,
    "✗ Not answered yet: (10).",
  );
  assert.equal(evaluateDescentDirectionAnswer(() => [-1, 0]).passed, false);
});

test("the test gradients are seeded and their lengths spread over orders of magnitude", () => {
  const gradients = randomTestGradients(3, 20);
  assert.deepEqual(randomTestGradients(3, 20), gradients);
  const lengths = gradients.map(([a, b]) => Math.hypot(a, b));
  assert.ok(Math.max(...lengths) / Math.min(...lengths) > 100);
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { evaluateStableRateAnswer } from "./checkStableRate";
import { yourTurn } from "./yourTurn";

test("the largest stable rate 1/c passes", () => {
  assert.equal(evaluateStableRateAnswer((c) => 1 / c).passed, true);
});

test("a wrong bound is told whether it diverges or converges, the measured bound, and the factor", () => {
  assert.match(
    evaluateStableRateAnswer((c) => 2 / c).message,
    /0.99 × your bound already diverges.*η ≈ .*It is 2 times the largest stable rate everywhere/,
  );
  assert.match(
    evaluateStableRateAnswer((c) => 0.5 / c).message,
    /1.01 × your bound still converges.*It is 0.5 times/,
  );
  assert.match(
    evaluateStableRateAnswer((c) => 1 / (c * c)).message,
    /check how your bound depends on c/,
  );
});

test("a constant bound fails on the random curvatures; the stub, NaN and a negative bound are reported", () => {
  assert.equal(evaluateStableRateAnswer(() => 1).passed, false);
  assert.equal(
    evaluateStableRateAnswer(() => yourTurn(), { hint: "1 − 2cη." }).message,
    "✗ Not answered yet: 1 − 2cη.",
  );
  assert.match(evaluateStableRateAnswer(() => NaN).message, /your bound returned NaN/);
  assert.match(evaluateStableRateAnswer((c) => -1 / c).message, /must be positive/);
});

test("the verdicts write the learning rate η, as the lessons do (convention: η everywhere)", () => {
  for (const answer of [(c: number) => 2 / c, (c: number) => 0.5 / c, () => yourTurn()]) {
    assert.doesNotMatch(evaluateStableRateAnswer(answer).message, /α/);
  }
});

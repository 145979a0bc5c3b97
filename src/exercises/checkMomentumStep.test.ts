import assert from "node:assert/strict";
import { test } from "node:test";
import { evaluateMomentumStepAnswer, type MomentumStep } from "./checkMomentumStep";
import { yourTurn } from "./yourTurn";

// The right answer in the velocity form of eq. (2), v = w − wPrevious (the notebook asks for the other).
const heavyBall: MomentumStep = (w, wPrevious, g, eta, beta) => {
  const v = w.map((wi, i) => beta * (wi - wPrevious[i]) - eta * g[i]);
  return w.map((wi, i) => wi + v[i]);
};

test("heavy ball written through its velocity passes", () => {
  const result = evaluateMomentumStepAnswer(heavyBall);
  assert.equal(result.passed, true, result.message);
  assert.match(result.message, /4 runs of 8 steps/);
});

test("plain descent is caught at step 2 (at step 1 wPrevious = w and the two agree), with the slip named", () => {
  const plain: MomentumStep = (w, _wPrevious, g, eta) => w.map((wi, i) => wi - eta * g[i]);
  assert.match(
    evaluateMomentumStepAnswer(plain).message,
    /^✗ At step 2 .*your step moves w to .*forgets the last step \(that is plain descent\)/,
  );
});

test("a memory turned backwards, a flipped gradient and a memory times η are each named", () => {
  const step =
    (memory: number, gradient: number, etaOnMemory: boolean): MomentumStep =>
    (w, p, g, eta, beta) =>
      w.map(
        (wi, i) =>
          wi + gradient * eta * g[i] + memory * (etaOnMemory ? eta : 1) * beta * (wi - p[i]),
      );
  assert.match(evaluateMomentumStepAnswer(step(-1, -1, false)).message, /points backwards/);
  assert.match(evaluateMomentumStepAnswer(step(1, 1, false)).message, /^✗ At step 1 .*goes uphill/);
  assert.match(evaluateMomentumStepAnswer(step(1, -1, true)).message, /carries a factor η/);
});

test("a move off by a constant factor is told the factor", () => {
  const double: MomentumStep = (w, p, g, eta, beta) =>
    w.map((wi, i) => wi + 2 * (beta * (wi - p[i]) - eta * g[i]));
  assert.match(evaluateMomentumStepAnswer(double).message, /It is 2 times the heavy ball's move/);
});

test("the stub, a throw and a wrong shape are reported, not thrown; bad options throw", () => {
  assert.equal(
    evaluateMomentumStepAnswer(() => yourTurn(), { hint: "v first." }).message,
    "✗ Not answered yet: v first.",
  );
  assert.match(
    evaluateMomentumStepAnswer(() => {
      throw new Error("oops");
    }).message,
    /threw at step 1 .*oops/,
  );
  assert.match(
    evaluateMomentumStepAnswer(() => [NaN, 0]).message,
    /expected the new weights, an array of 2 finite numbers/,
  );
  assert.throws(() => evaluateMomentumStepAnswer(heavyBall, { steps: 1 }), /steps/);
  assert.throws(() => evaluateMomentumStepAnswer(heavyBall, { rate: 1 } as never), /rate/);
});

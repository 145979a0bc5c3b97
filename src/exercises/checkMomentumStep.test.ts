import assert from "node:assert/strict";
import { test } from "node:test";
import { evaluateMomentumStepAnswer, type MomentumStep } from "./checkMomentumStep";
import { yourTurn } from "./yourTurn";

const heavyBall: MomentumStep = (w, v, g, eta, beta) => {
  const u = v.map((vi, i) => beta * vi - eta * g[i]);
  return { w: w.map((wi, i) => wi + u[i]), v: u };
};

test("v ← βv − ηg, w ← w + v passes, and so does the doc example", () => {
  const result = evaluateMomentumStepAnswer(heavyBall);
  assert.equal(result.passed, true);
  assert.match(result.message, /4 runs of 8 steps/);
});

test("plain descent is caught at step 2 (at step 1 v = 0 and the two agree), with the slip named", () => {
  const plain: MomentumStep = (w, _v, g, eta) => ({
    w: w.map((wi, i) => wi - eta * g[i]),
    v: g.map((gi) => -eta * gi),
  });
  assert.match(
    evaluateMomentumStepAnswer(plain).message,
    /^✗ At step 2 .*your new v is .*forgets the old one \(that is plain descent\)/,
  );
});

test("a flipped gradient, w moved with the old v or against v are each named", () => {
  const uphill: MomentumStep = (w, v, g, eta, beta) => {
    const u = v.map((vi, i) => beta * vi + eta * g[i]);
    return { w: w.map((wi, i) => wi + u[i]), v: u };
  };
  const oldV: MomentumStep = (w, v, g, eta, beta) => ({
    w: w.map((wi, i) => wi + v[i]),
    v: v.map((vi, i) => beta * vi - eta * g[i]),
  });
  const against: MomentumStep = (w, v, g, eta, beta) => {
    const u = v.map((vi, i) => beta * vi - eta * g[i]);
    return { w: w.map((wi, i) => wi - u[i]), v: u };
  };
  assert.match(evaluateMomentumStepAnswer(uphill).message, /^✗ At step 1 .*goes uphill/);
  assert.match(evaluateMomentumStepAnswer(oldV).message, /your new w is .*moved with the old v/);
  assert.match(evaluateMomentumStepAnswer(against).message, /moved against it: w ← w \+ v/);
});

test("a velocity off by a constant factor is told the factor", () => {
  const double: MomentumStep = (w, v, g, eta, beta) => {
    const u = v.map((vi, i) => 2 * (beta * vi - eta * g[i]));
    return { w: w.map((wi, i) => wi + u[i]), v: u };
  };
  assert.match(evaluateMomentumStepAnswer(double).message, /your new v is/);
});

test("the stub, a throw and a wrong shape are reported, not thrown", () => {
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
    evaluateMomentumStepAnswer((w) => ({ w, v: [NaN, 0] })).message,
    /expected \{ w, v \}, each an array of 2 finite numbers/,
  );
  assert.throws(() => evaluateMomentumStepAnswer(heavyBall, { steps: 1 }), /steps/);
  assert.throws(() => evaluateMomentumStepAnswer(heavyBall, { rate: 1 } as never), /rate/);
});

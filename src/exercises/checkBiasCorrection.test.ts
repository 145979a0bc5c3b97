import assert from "node:assert/strict";
import { test } from "node:test";
import { evaluateBiasCorrectionAnswer, type BiasCorrection } from "./checkBiasCorrection";
import { yourTurn } from "./yourTurn";

const right: BiasCorrection = (m, s, t, b1, b2) => ({
  mHat: m.map((x) => x / (1 - b1 ** t)),
  sHat: s.map((x) => x / (1 - b2 ** t)),
});

test("m/(1 − β₁ᵗ) and s/(1 − β₂ᵗ) pass", () => {
  const result = evaluateBiasCorrectionAnswer(right);
  assert.equal(result.passed, true, result.message);
});

test("no correction, or a correction of only one average, is named at step 1", () => {
  assert.match(
    evaluateBiasCorrectionAnswer((m, s) => ({ mHat: m, sHat: s })).message,
    /^✗ At step t = 1 .*m̂\/m = 1 .*Your m̂ = m \(not divided by 1 − β₁ᵗ\) and ŝ = s/,
  );
  assert.match(
    evaluateBiasCorrectionAnswer((m, s, t, b1) => ({
      mHat: m.map((x) => x / (1 - b1 ** t)),
      sHat: s,
    })).message,
    /Your ŝ = s \(not divided by 1 − β₂ᵗ\)\./,
  );
});

test("the power t − 1 divides by zero at t = 1, and the message says so", () => {
  assert.match(
    evaluateBiasCorrectionAnswer((m, s, t, b1, b2) => ({
      mHat: m.map((x) => x / (1 - b1 ** (t - 1))),
      sHat: s.map((x) => x / (1 - b2 ** (t - 1))),
    })).message,
    /expected \{ mHat, sHat \}.*not by 1 − β⁰ = 0/,
  );
});

test("swapping β₁ and β₂ fails", () => {
  const swapped: BiasCorrection = (m, s, t, b1, b2) => right(m, s, t, b2, b1);
  assert.equal(evaluateBiasCorrectionAnswer(swapped).passed, false);
});

test("the stub and bad options", () => {
  assert.equal(
    evaluateBiasCorrectionAnswer(() => yourTurn(), { hint: "1 − βᵗ." }).message,
    "✗ Not answered yet: 1 − βᵗ.",
  );
  assert.throws(() => evaluateBiasCorrectionAnswer(right, { steps: 0 }), /steps/);
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { evaluateBiasCorrectionAnswer, type BiasCorrection } from "./checkBiasCorrection";
import { yourTurn } from "./yourTurn";

// The right answer by replaying the running averages (9) and correcting them (10): the notebook asks
// for the closed form over the history instead.
const replayed =
  (correct: [boolean, boolean] = [true, true]): BiasCorrection =>
  (gradients, b1, b2) => {
    const [m, s] = [
      [0, 0],
      [0, 0],
    ];
    for (const g of gradients)
      g.forEach((gi, i) => {
        m[i] = b1 * m[i] + (1 - b1) * gi;
        s[i] = b2 * s[i] + (1 - b2) * gi * gi;
      });
    const t = gradients.length;
    return {
      mHat: m.map((x) => (correct[0] ? x / (1 - b1 ** t) : x)),
      sHat: s.map((x) => (correct[1] ? x / (1 - b2 ** t) : x)),
    };
  };

/** Σⱼ weight(j) gⱼ (or gⱼ²) / Σⱼ weight(j) over the history, for a weight of j = 1 … t. */
const weightedMean =
  (weight: (j: number, t: number, beta: number) => number, squareOfMean = false): BiasCorrection =>
  (gradients, b1, b2) => {
    const t = gradients.length;
    const mean = (beta: number, square: boolean) =>
      [0, 1].map((i) => {
        const ws = gradients.map((_, k) => weight(k + 1, t, beta));
        const total = ws.reduce((a, b) => a + b, 0);
        return gradients.reduce((a, g, k) => a + (ws[k] * (square ? g[i] ** 2 : g[i])) / total, 0);
      });
    return {
      mHat: mean(b1, false),
      sHat: squareOfMean ? mean(b2, false).map((x) => x * x) : mean(b2, true),
    };
  };

test("the replayed, corrected running averages pass", () => {
  const result = evaluateBiasCorrectionAnswer(replayed());
  assert.equal(result.passed, true, result.message);
  assert.match(result.message, /4 runs of 10 steps/);
});

test("no correction, or a correction of only m, is named at step 1", () => {
  assert.match(
    evaluateBiasCorrectionAnswer(replayed([false, false])).message,
    /^✗ At step t = 1 .*Your m̂ is mₜ itself: its weights add up to 1 − β₁ᵗ/,
  );
  assert.match(
    evaluateBiasCorrectionAnswer(replayed([true, false])).message,
    /^✗ At step t = 1 .*Your ŝ is sₜ itself/,
  );
});

test("a plain mean, weights that favour the oldest gradient and the square of the mean are named at step 2", () => {
  assert.match(
    evaluateBiasCorrectionAnswer(weightedMean(() => 1)).message,
    /^✗ At step t = 2 .*plain mean/,
  );
  assert.match(
    evaluateBiasCorrectionAnswer(weightedMean((j, _t, beta) => beta ** (j - 1))).message,
    /^✗ At step t = 2 .*favour the oldest gradients/,
  );
  assert.match(
    evaluateBiasCorrectionAnswer(weightedMean((j, t, beta) => beta ** (t - j), true)).message,
    /^✗ At step t = 2 .*the square of an average gradient/,
  );
});

test("any weights β^(t−j) times a constant are right once divided by their sum", () => {
  const result = evaluateBiasCorrectionAnswer(
    weightedMean((j, t, beta) => 3 * beta ** (t - j + 1)),
  );
  assert.equal(result.passed, true, result.message);
});

test("the doc example (the newest gradient alone) passes step 1 and fails step 2", () => {
  const newest: BiasCorrection = (gs) => ({
    mHat: gs[gs.length - 1],
    sHat: gs[gs.length - 1].map((g) => g * g),
  });
  assert.match(evaluateBiasCorrectionAnswer(newest).message, /^✗ At step t = 2 /);
});

test("the stub, a wrong shape and bad options", () => {
  assert.equal(
    evaluateBiasCorrectionAnswer(() => yourTurn(), { hint: "1 − βᵗ." }).message,
    "✗ Not answered yet: 1 − βᵗ.",
  );
  assert.match(
    evaluateBiasCorrectionAnswer(() => ({ mHat: [0, 0], sHat: [-1, 0] })).message,
    /expected \{ mHat, sHat \}.*sHat ≥ 0/,
  );
  assert.throws(() => evaluateBiasCorrectionAnswer(replayed(), { steps: 0 }), /steps/);
});

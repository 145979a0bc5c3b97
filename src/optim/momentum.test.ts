import assert from "node:assert/strict";
import { test } from "node:test";
import { DivergenceError } from "../errors/errors";
import { LinearNeuron } from "../models/linearNeuron";
import { createRandom } from "../random/createRandom";
import { bestMomentumSettings, bestPlainSettings, measuredFactor } from "./convergenceFactor";
import { gradientDescent } from "./gradientDescent";
import { momentum } from "./momentum";

const neuron = new LinearNeuron(2);
const random = createRandom("momentum");
const X = Array.from({ length: 20 }, () => [random.normal(), 3 * random.normal()]);
const data = { X, t: X.map(([a, b]) => a - b + 0.2 * random.normal()) };
const one = { X: [[1]], t: [2] }; // E(w) = ½ (w − 2)², g = w − 2

test("the doc example: v = 1, then 0.5·1 + 0.5 = 1", () => {
  const run = gradientDescent(new LinearNeuron(1), one, [0], {
    learningRate: 0.5,
    steps: 2,
    optimizer: momentum({ beta: 0.5 }),
  });
  assert.deepEqual(run.path, [[0], [1], [2]]);
  assert.equal(momentum({ beta: 0.9 }).label, "momentum (β = 0.9)");
});

test("momentum with β = 0 is plain descent exactly, full batch and mini-batch", () => {
  for (const extra of [{}, { batchSize: 4, seed: 3 }]) {
    const options = { learningRate: 0.05, steps: 50, ...extra };
    assert.deepEqual(
      gradientDescent(neuron, data, [1, 1], { ...options, optimizer: momentum({ beta: 0 }) }),
      gradientDescent(neuron, data, [1, 1], options),
    );
  }
});

test("each step is v ← βv − ηg, w ← w + v", () => {
  const run = gradientDescent(neuron, data, [1, 1], {
    learningRate: 0.02,
    steps: 3,
    optimizer: momentum({ beta: 0.8 }),
  });
  let v = [0, 0];
  const w = [1, 1];
  for (let k = 1; k <= 3; k++) {
    const g = neuron.gradient(w, data);
    v = v.map((vi, i) => 0.8 * vi - 0.02 * g[i]);
    for (let i = 0; i < 2; i++) w[i] += v[i];
    assert.deepEqual(run.path[k], w);
  }
});

/** A bowl E(w) = ½ (λ₁ w₁² + λ₂ w₂²) as a linear neuron: H = diag(λ₁, λ₂), minimum at 0. */
const bowl = (kappa: number) => ({
  X: [
    [Math.SQRT2, 0],
    [0, Math.sqrt(2 * kappa)],
  ],
  t: [0, 0],
});

test("at its best settings heavy ball converges at (√κ − 1)/(√κ + 1) per step, plain descent at (κ − 1)/(κ + 1)", () => {
  for (const kappa of [10, 100]) {
    const [lambdaMin, lambdaMax] = [1, kappa];
    const best = bestMomentumSettings(lambdaMin, lambdaMax);
    const heavy = gradientDescent(neuron, bowl(kappa), [1, 1], {
      learningRate: best.learningRate,
      steps: 300,
      optimizer: momentum({ beta: best.beta }),
    });
    const plain = gradientDescent(neuron, bowl(kappa), [1, 1], {
      ...bestPlainSettings(lambdaMin, lambdaMax),
      steps: 300,
    });
    const distances = (path: number[][]) => path.map((w) => Math.hypot(w[0], w[1]));
    const range = { from: 100, to: 300 };
    const r = (Math.sqrt(kappa) - 1) / (Math.sqrt(kappa) + 1);
    // At the best settings both roots are double, so the distance falls like k·rᵏ, not rᵏ: over
    // steps 100…300 that adds the factor (300/100)^(1/200) = 1.0055. Within 1 % of r, and within
    // 1e-3 of r·1.0055.
    const heavyRate = measuredFactor(distances(heavy.path), range);
    assert.ok(Math.abs(heavyRate / r - 1) < 0.01, `κ = ${kappa}: ${heavyRate} vs ${r}`);
    assert.ok(Math.abs(heavyRate / (r * 3 ** (1 / 200)) - 1) < 1e-3);
    const plainRate = measuredFactor(distances(plain.path), range);
    assert.ok(Math.abs(plainRate - (kappa - 1) / (kappa + 1)) < 1e-9, `κ = ${kappa}: ${plainRate}`);
    assert.ok(heavyRate < plainRate);
  }
});

test("on E = ½w², heavy ball converges below η = 2(1 + β) and diverges above, as the message says", () => {
  const square = { X: [[1]], t: [0] };
  const options = { steps: 5000, optimizer: momentum({ beta: 0.5 }) };
  const below = gradientDescent(new LinearNeuron(1), square, [1], {
    ...options,
    learningRate: 2.9,
  });
  assert.ok(Math.abs(below.w[0]) < 1e-6);
  assert.throws(
    () => gradientDescent(new LinearNeuron(1), square, [1], { ...options, learningRate: 3.1 }),
    (error: unknown) => {
      assert.ok(error instanceof DivergenceError);
      assert.equal(error.optimizer, "momentum (β = 0.5)");
      assert.match(
        error.message,
        /^gradientDescent: diverged at step \d+ with momentum \(β = 0.5\) and learningRate 3.1: the loss became (Infinity|NaN); .*\(below 2\(1 \+ β\)\/λ_max = 3\/λ_max of the Hessian/,
      );
      return true;
    },
  );
});

test("bad settings throw typed errors naming the setting", () => {
  for (const beta of [1, 1.5, -0.1, NaN])
    assert.throws(() => momentum({ beta }), {
      name: "InvalidArgumentError",
      message: new RegExp(`^momentum: beta is ${beta}; expected a number in \\[0, 1\\)$`),
    });
  assert.throws(() => momentum(undefined as never), { message: /^momentum: beta is undefined/ });
  assert.throws(() => momentum({ beta: 0.9, momentum: 0.9 } as never), {
    message: /^momentum: unknown option "momentum"; expected one of "beta"$/,
  });
});

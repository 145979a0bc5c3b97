import assert from "node:assert/strict";
import { test } from "node:test";
import { LinearNeuron } from "../models/linearNeuron";
import { gradientDescent } from "./gradientDescent";
import { rmsprop } from "./rmsprop";

const one = { X: [[1]], t: [2] }; // E(w) = ½ (w − 2)², g = w − 2

test("the doc example: g = −2, s = 0.25·4 = 1, w = 0.1·2/(1 + 1e-8)", () => {
  const run = gradientDescent(new LinearNeuron(1), one, [0], {
    learningRate: 0.1,
    steps: 1,
    optimizer: rmsprop({ rho: 0.75 }),
  });
  assert.ok(Math.abs(run.w[0] - 0.2) < 1e-8);
  assert.equal(rmsprop().label, "RMSProp (ρ = 0.9, ε = 1e-8)");
});

test("two steps by hand: s ← ρs + (1 − ρ)g², w ← w − ηg/(√s + ε)", () => {
  const run = gradientDescent(new LinearNeuron(1), one, [0], {
    learningRate: 0.1,
    steps: 2,
    optimizer: rmsprop({ rho: 0.9, epsilon: 1e-8 }),
  });
  // step 1: g = −2, s = 0.1·4 = 0.4, w = 0.2/√0.4 = 0.316228
  const w1 = 0.2 / Math.sqrt(0.4);
  assert.ok(Math.abs(run.path[1][0] - w1) < 1e-8);
  // step 2: g = w1 − 2 = −1.683772, s = 0.9·0.4 + 0.1·g² = 0.643509, w = w1 + 0.1·1.683772/√0.643509
  const g = w1 - 2,
    s = 0.36 + 0.1 * g * g;
  assert.ok(Math.abs(run.path[2][0] - (w1 - (0.1 * g) / Math.sqrt(s))) < 1e-8);
  assert.ok(Math.abs(run.path[2][0] - 0.526124) < 1e-6);
});

test("each weight's step is scaled by its own gradients: a 100× steeper direction moves as fast", () => {
  const bowl = {
    X: [
      [Math.SQRT2, 0],
      [0, Math.SQRT2 * 100],
    ],
    t: [0, 0],
  }; // H = diag(1, 10⁴)
  const run = gradientDescent(new LinearNeuron(2), bowl, [1, 1], {
    learningRate: 0.01,
    steps: 1,
    optimizer: rmsprop(),
  });
  // First step: s = 0.1 g², so each weight moves by η/√0.1 whatever the size of its gradient.
  const moved = run.path[1].map((w) => 1 - w);
  assert.ok(
    Math.abs(moved[0] - moved[1]) < 1e-9 && Math.abs(moved[0] - 0.01 / Math.sqrt(0.1)) < 1e-9,
  );
});

test("bad settings throw typed errors naming the setting", () => {
  for (const rho of [1, -0.1, NaN])
    assert.throws(() => rmsprop({ rho }), {
      name: "InvalidArgumentError",
      message: new RegExp(`^rmsprop: rho is ${rho}; expected a number in \\[0, 1\\)$`),
    });
  for (const epsilon of [0, -1e-8])
    assert.throws(() => rmsprop({ epsilon }), {
      message: new RegExp(`^rmsprop: epsilon is ${epsilon}; expected a finite number > 0$`),
    });
  assert.throws(() => rmsprop({ beta: 0.9 } as never), {
    message: /^rmsprop: unknown option "beta"; expected one of "rho", "epsilon"$/,
  });
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { LinearNeuron } from "../models/linearNeuron";
import { createRandom } from "../random/createRandom";
import { adam } from "./adam";
import { gradientDescent } from "./gradientDescent";
import { rmsprop } from "./rmsprop";

const one = { X: [[1]], t: [2] }; // E(w) = ½ (w − 2)², g = w − 2
const neuron = new LinearNeuron(2);
const random = createRandom("adam");
const X = Array.from({ length: 20 }, () => [random.normal(), 3 * random.normal()]);
const data = { X, t: X.map(([a, b]) => a - b + 0.2 * random.normal()) };

test("the doc example: the first step is η·g/|g|", () => {
  const run = gradientDescent(new LinearNeuron(1), one, [0], {
    learningRate: 0.1,
    steps: 1,
    optimizer: adam(),
  });
  assert.ok(Math.abs(run.w[0] - 0.1) < 1e-8);
  assert.equal(adam().label, "Adam (β₁ = 0.9, β₂ = 0.999, ε = 1e-8)");
});

test("Adam's first two steps equal the hand computation", () => {
  const run = gradientDescent(new LinearNeuron(1), one, [0], {
    learningRate: 0.1,
    steps: 2,
    optimizer: adam({ beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }),
  });
  // t = 1: g = −2, m = 0.1·(−2) = −0.2, s = 0.001·4 = 0.004, m̂ = −0.2/0.1 = −2, ŝ = 0.004/0.001 = 4,
  //        w = 0 + 0.1·2/(2 + 1e-8) = 0.0999999995
  assert.ok(Math.abs(run.path[1][0] - 0.0999999995) < 1e-15);
  // t = 2: g = −1.9000000005, m = 0.9·(−0.2) + 0.1·g = −0.37000000005,
  //        s = 0.999·0.004 + 0.001·g² = 0.0076060000019, m̂ = m/(1 − 0.81) = −1.94736842131579,
  //        ŝ = s/(1 − 0.998001) = 3.80490245217614, w = w₁ + 0.1·1.94736842131579/(1.9506159…) = 0.19983351…
  const w2 = 0.0999999995 + (0.1 * 1.94736842131579) / (Math.sqrt(3.80490245217614) + 1e-8);
  assert.ok(Math.abs(w2 - 0.1998335133789072) < 1e-14);
  assert.ok(Math.abs(run.path[2][0] - w2) < 1e-13);
});

test("Adam with β₁ = 0 is RMSProp with bias-corrected s, exactly", () => {
  const [rho, eta, epsilon] = [0.95, 0.01, 1e-8];
  const run = gradientDescent(neuron, data, [1, 1], {
    learningRate: eta,
    steps: 40,
    optimizer: adam({ beta1: 0, beta2: rho, epsilon }),
  });
  const w = [1, 1],
    s = [0, 0];
  for (let t = 1; t <= 40; t++) {
    const g = neuron.gradient(w, data);
    for (let i = 0; i < 2; i++) {
      s[i] = rho * s[i] + (1 - rho) * g[i] * g[i];
      w[i] -= (eta * g[i]) / (Math.sqrt(s[i] / (1 - rho ** t)) + epsilon);
    }
    assert.deepEqual(run.path[t], w, `step ${t}`);
  }
});

test("two runs with one Adam object start fresh: the same numbers", () => {
  const optimizer = adam();
  const options = { learningRate: 0.05, steps: 30, optimizer };
  assert.deepEqual(
    gradientDescent(neuron, data, [1, 1], options),
    gradientDescent(neuron, data, [1, 1], options),
  );
});

test("bad settings throw typed errors naming the setting", () => {
  for (const name of ["beta1", "beta2"])
    for (const value of [1, -0.1, 2])
      assert.throws(() => adam({ [name]: value }), {
        name: "InvalidArgumentError",
        message: new RegExp(`^adam: ${name} is ${value}; expected a number in \\[0, 1\\)$`),
      });
  assert.throws(() => adam({ epsilon: 0 }), {
    message: /^adam: epsilon is 0; expected a finite number > 0$/,
  });
  assert.throws(() => adam({ beta_1: 0.9 } as never), {
    message: /^adam: unknown option "beta_1"; expected one of "beta1", "beta2", "epsilon"$/,
  });
});

test("Adam with β₁ = β₂ = 0 is RMSProp with ρ = 0 exactly (both step η·g/(|g| + ε))", () => {
  const options = { learningRate: 0.01, steps: 30 };
  assert.deepEqual(
    gradientDescent(neuron, data, [1, 1], { ...options, optimizer: adam({ beta1: 0, beta2: 0 }) }),
    gradientDescent(neuron, data, [1, 1], { ...options, optimizer: rmsprop({ rho: 0 }) }),
  );
});

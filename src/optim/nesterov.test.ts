import assert from "node:assert/strict";
import { test } from "node:test";
import { DivergenceError } from "../errors/errors";
import { LinearNeuron } from "../models/linearNeuron";
import { createRandom } from "../random/createRandom";
import { gradientDescent } from "./gradientDescent";
import { nesterov } from "./nesterov";

const neuron = new LinearNeuron(2);
const random = createRandom("nesterov");
const X = Array.from({ length: 20 }, () => [random.normal(), 3 * random.normal()]);
const data = { X, t: X.map(([a, b]) => a - b + 0.2 * random.normal()) };

test("the doc example: v = 1; w = 0 + 0.5·1 + 1", () => {
  const run = gradientDescent(new LinearNeuron(1), { X: [[1]], t: [2] }, [0], {
    learningRate: 0.5,
    steps: 1,
    optimizer: nesterov({ beta: 0.5 }),
  });
  assert.deepEqual(run.path, [[0], [1.5]]);
  assert.equal(nesterov({ beta: 0.9 }).label, "Nesterov (β = 0.9)");
});

test("Nesterov with β = 0 is plain descent exactly, full batch and mini-batch", () => {
  for (const extra of [{}, { batchSize: 4, seed: 3 }]) {
    const options = { learningRate: 0.05, steps: 50, ...extra };
    assert.deepEqual(
      gradientDescent(neuron, data, [1, 1], { ...options, optimizer: nesterov({ beta: 0 }) }),
      gradientDescent(neuron, data, [1, 1], options),
    );
  }
});

test("each step is v ← βv − ηg, w ← w + βv − ηg", () => {
  const run = gradientDescent(neuron, data, [1, 1], {
    learningRate: 0.02,
    steps: 3,
    optimizer: nesterov({ beta: 0.8 }),
  });
  let v = [0, 0];
  const w = [1, 1];
  for (let k = 1; k <= 3; k++) {
    const g = neuron.gradient(w, data);
    v = v.map((vi, i) => 0.8 * vi - 0.02 * g[i]);
    for (let i = 0; i < 2; i++) w[i] += 0.8 * v[i] - 0.02 * g[i];
    assert.deepEqual(run.path[k], w);
  }
});

test("its weights are the look-ahead points u = w + βv of the classical form, v ← βv − η∇E(u), w ← w + v", () => {
  // Classical Nesterov: u = w + β v, v ← β v − η ∇E(u), w ← w + v. The form above tracks u.
  const run = gradientDescent(neuron, data, [1, 1], {
    learningRate: 0.02,
    steps: 20,
    optimizer: nesterov({ beta: 0.7 }),
  });
  let v = [0, 0];
  const w = [1, 1];
  for (let k = 1; k <= 20; k++) {
    const u = w.map((wi, i) => wi + 0.7 * v[i]);
    const g = neuron.gradient(u, data);
    v = v.map((vi, i) => 0.7 * vi - 0.02 * g[i]);
    for (let i = 0; i < 2; i++) w[i] += v[i];
    const next = w.map((wi, i) => wi + 0.7 * v[i]); // the next look-ahead point
    run.path[k].forEach((x, i) => assert.ok(Math.abs(x - next[i]) < 1e-12, `step ${k}`));
  }
});

test("on E = ½w² it converges below η = 2(1 + β)/(1 + 2β) and diverges above, as the message says", () => {
  const square = { X: [[1]], t: [0] };
  const options = { steps: 5000, optimizer: nesterov({ beta: 0.5 }) }; // bound 1.5
  const below = gradientDescent(new LinearNeuron(1), square, [1], {
    ...options,
    learningRate: 1.45,
  });
  assert.ok(Math.abs(below.w[0]) < 1e-6);
  assert.throws(
    () => gradientDescent(new LinearNeuron(1), square, [1], { ...options, learningRate: 1.55 }),
    (error: unknown) => {
      assert.ok(error instanceof DivergenceError);
      assert.match(
        error.message,
        /^gradientDescent: diverged at step \d+ with Nesterov \(β = 0.5\) and learningRate 1.55: .*\(below 2\(1 \+ β\)\/\(\(1 \+ 2β\) λ_max\) = 1.5\/λ_max of the Hessian\) would converge\.$/,
      );
      return true;
    },
  );
});

test("bad settings throw typed errors naming the setting", () => {
  for (const beta of [1, -0.5, Infinity])
    assert.throws(() => nesterov({ beta }), {
      name: "InvalidArgumentError",
      message: new RegExp(`^nesterov: beta is ${beta}; expected a number in \\[0, 1\\)$`),
    });
  assert.throws(() => nesterov({ beta: 0.5, lookahead: true } as never), {
    message: /^nesterov: unknown option "lookahead"/,
  });
});

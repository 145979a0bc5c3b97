import assert from "node:assert/strict";
import { test } from "node:test";
import { LinearNeuron } from "../models/linearNeuron";
import { createRandom } from "../random/createRandom";
import { gradientDescent } from "./gradientDescent";
import { plainDescent } from "./plainDescent";

const neuron = new LinearNeuron(2);
const random = createRandom("plain-descent");
const X = Array.from({ length: 20 }, () => [random.normal(), random.normal()]);
const data = { X, t: X.map(([a, b]) => a - 3 * b + 0.2 * random.normal()) };

test("the doc example: plainDescent is labelled plain descent", () => {
  assert.equal(plainDescent().label, "plain descent");
});

test("without an optimizer and with plainDescent() the loop gives the numbers of w ← w − η g, bit for bit", () => {
  // The loop as it was before optimisers existed, written out.
  const w = [0.5, -0.5];
  const path = [w.slice()];
  const losses = [neuron.loss(w, data)];
  for (let step = 1; step <= 40; step++) {
    const g = neuron.gradient(w, data);
    for (let i = 0; i < w.length; i++) w[i] -= 0.4 * g[i];
    path.push(w.slice());
    losses.push(neuron.loss(w, data));
  }
  const options = { learningRate: 0.4, steps: 40 };
  for (const run of [
    gradientDescent(neuron, data, [0.5, -0.5], options),
    gradientDescent(neuron, data, [0.5, -0.5], { ...options, optimizer: plainDescent() }),
  ]) {
    assert.deepEqual(run.path, path);
    assert.deepEqual(run.losses, losses);
  }
});

test("mini-batch runs are the same with and without plainDescent()", () => {
  const options = { learningRate: 0.1, steps: 30, batchSize: 3, seed: 4 };
  assert.deepEqual(
    gradientDescent(neuron, data, [0, 0], { ...options, optimizer: plainDescent() }).path,
    gradientDescent(neuron, data, [0, 0], options).path,
  );
});

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { LinearNeuron } from "../models/linearNeuron";
import { TanhNetwork } from "../models/tanhNetwork";
import { tanhNetworkModel } from "../models/trainTanhNetwork";
import type { Model } from "./model";

test("the optimiser depends on no model: nothing in src/optim imports from src/models", () => {
  const dir = __dirname;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
    assert.doesNotMatch(readFileSync(path.join(dir, file), "utf8"), /from "\.\.\/models\//, file);
  }
});

/** E and ∇E are means: the data set written out twice has the same error and gradient. */
function assertMean<D extends { X: ArrayLike<unknown> }>(
  model: Model<D>,
  w: number[],
  data: D,
  twice: D,
): void {
  assert.ok(
    Math.abs(model.loss(w, twice) - model.loss(w, data)) < 1e-12 * Math.abs(model.loss(w, data)),
  );
  const [g, g2] = [model.gradient(w, data), model.gradient(w, twice)];
  g.forEach((gi, i) => assert.ok(Math.abs(g2[i] - gi) < 1e-12 * (1 + Math.abs(gi)), `∂E/∂w[${i}]`));
}

test("the linear neuron gives the optimiser means: twice the examples, the same E and ∇E", () => {
  const data = {
    X: [
      [1, 2],
      [3, -1],
      [0.5, 4],
    ],
    t: [1, 0, 2],
  };
  assertMean(new LinearNeuron(2), [0.3, -0.2], data, {
    X: [...data.X, ...data.X],
    t: [...data.t, ...data.t],
  });
});

test("the tanh network gives the optimiser means: twice the examples, the same E and ∇E", () => {
  const net = new TanhNetwork({ inputs: 1, hiddenUnits: 3, outputs: 1, seed: 1 });
  const data = { X: [[0], [0.5], [1]], T: [[0], [0.2], [1]] };
  const twice = { X: [...data.X, ...data.X], T: [...data.T, ...data.T] };
  assertMean(tanhNetworkModel(net), Array.from(net.parameters), data, twice);
});

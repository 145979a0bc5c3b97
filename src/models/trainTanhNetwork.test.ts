import assert from "node:assert/strict";
import { test } from "node:test";
import { numericalHessian, symmetricEigenvalues } from "../calculus/hessian";
import { gradientDescent } from "../optim/gradientDescent";
import { createRandom } from "../random/createRandom";
import { TanhNetwork } from "./tanhNetwork";
import { TanhNetworkFast } from "./tanhNetworkFast";
import { tanhNetworkModel, trainTanhNetwork } from "./trainTanhNetwork";

function randomBatch(seedValue: number, N: number, size: number): number[][] {
  const random = createRandom(seedValue);
  return Array.from({ length: N }, () => Array.from({ length: size }, () => random.uniform(-2, 2)));
}

test("training by gradient descent lowers the loss and records it before each step", () => {
  const net = new TanhNetwork({ inputs: 1, hiddenUnits: 3, outputs: 1, seed: 1 });
  const X = [[-1], [0], [1]],
    T = [[1], [0], [1]];
  const seen: number[] = [];
  const losses = trainTanhNetwork(net, X, T, {
    learningRate: 0.3,
    steps: 300,
    onStep: (_, loss) => seen.push(loss),
  });
  assert.equal(losses.length, 301);
  assert.deepEqual(seen, losses.slice(0, 300));
  assert.ok(losses[300] < 0.1 * losses[0]);
  // the mean error E/N, computed by the fast twin; the readable network's agrees to 1e-15 (absolute:
  // near a minimum E is a sum of small differences y − t, so its relative error grows)
  assert.equal(losses[300], new TanhNetworkFast(net).loss(X, T) / X.length);
  assert.ok(Math.abs(losses[300] - net.loss(X, T) / X.length) <= 1e-15);
});

test("training with a far too large learning rate throws DivergenceError naming step and learning rate", () => {
  const net = new TanhNetwork({ inputs: 1, hiddenUnits: 3, outputs: 1, seed: 1 });
  assert.throws(
    () => trainTanhNetwork(net, [[-1], [1]], [[1e3], [-1e3]], { learningRate: 1e6, steps: 1000 }),
    (error: Error & { step?: number; learningRate?: number }) => {
      assert.equal(error.name, "DivergenceError");
      assert.match(
        error.message,
        /^trainTanhNetwork: diverged at step \d+ with learningRate 1000000: the loss became/,
      );
      assert.equal(error.learningRate, 1e6);
      return true;
    },
  );
  assert.throws(
    () => trainTanhNetwork(net, [[0]], [[0]], { learningRate: -1, steps: 1 }),
    /learningRate is -1/,
  );
  assert.throws(
    () =>
      trainTanhNetwork(net, [[0]], [[0]], { learningRate: 1, steps: 1, momentum: 0.9 } as never),
    /unknown option "momentum"/,
  );
});

test("the network trains with the course's gradientDescent, as a Model over flat weights, also in mini-batches", async () => {
  const { gradientDescent } = await import("../optim/gradientDescent");
  const net = new TanhNetwork({ inputs: 1, hiddenUnits: 3, outputs: 1, seed: 4 });
  const X = [[-1], [-0.5], [0], [0.5], [1]];
  const T = X.map(([x]) => [x * x]);
  const w0 = Array.from(net.parameters);
  const full = gradientDescent(tanhNetworkModel(net), { X, T }, w0, {
    learningRate: 0.5,
    steps: 200,
  });
  assert.equal(full.losses.length, 201);
  assert.ok(full.losses[200] < 0.5 * full.losses[0]);
  const again = new TanhNetwork({ inputs: 1, hiddenUnits: 3, outputs: 1, seed: 4 });
  assert.deepEqual(trainTanhNetwork(again, X, T, { learningRate: 0.5, steps: 200 }), full.losses);
  const batches = gradientDescent(tanhNetworkModel(net), { X, T }, w0, {
    learningRate: 0.1,
    steps: 50,
    batchSize: 2,
    seed: 1,
  });
  assert.ok(batches.losses[50] < batches.losses[0]);
});

test("the optimiser sees the mean error: a batch of one example repeated has the gradient of that example", () => {
  const net = new TanhNetwork({ inputs: 2, hiddenUnits: 4, outputs: 2, seed: 7 });
  const model = tanhNetworkModel(net),
    w = net.parameters;
  const one = { X: [[0.3, -0.8]], T: [[1, -0.5]] };
  const many = { X: Array(25).fill(one.X[0]), T: Array(25).fill(one.T[0]) };
  const g1 = model.gradient(w, one),
    g25 = model.gradient(w, many);
  g1.forEach((g, n) =>
    assert.ok(
      Math.abs(g25[n] - g) <= 1e-14 * Math.max(1, Math.abs(g)),
      `w[${n}]: ${g25[n]} vs ${g}`,
    ),
  );
  assert.ok(Math.abs(model.loss(w, many) - model.loss(w, one)) <= 1e-15);
  // Bishop's sum does grow with the batch: the reason the optimiser gets the mean
  net.setParameters(w);
  assert.ok(Math.abs(net.gradient(many.X, many.T)[0] - 25 * net.gradient(one.X, one.T)[0]) < 1e-12);
  // a mini-batch (rows 0 and 0 of `many`) is averaged over its own size
  const batch = model.gradient(w, many, [0, 3]);
  batch.forEach((g, n) => assert.ok(Math.abs(g - g1[n]) <= 1e-14 * Math.max(1, Math.abs(g1[n]))));
  const out = new Array<number>(w.length).fill(NaN);
  assert.equal(model.gradient(w, many, undefined, out), out);
  assert.deepEqual(out, g25);
});

test("a step of η on the mean E/N is a step of η/N on Bishop's sum E", () => {
  const X = [[-1], [-0.2], [0.4], [0.9]],
    T = X.map(([x]) => [Math.sin(3 * x)]);
  const net = new TanhNetwork({ inputs: 1, hiddenUnits: 3, outputs: 1, seed: 3 });
  const w = net.parameters,
    eta = 0.4;
  trainTanhNetwork(net, X, T, { learningRate: eta, steps: 1 });
  const byHand = new TanhNetwork({ inputs: 1, hiddenUnits: 3, outputs: 1, seed: 3 });
  const g = byHand.gradient(X, T);
  net.parameters.forEach((v, n) =>
    assert.ok(Math.abs(v - (w[n] - (eta / X.length) * g[n])) < 1e-15),
  );
});

test("the curvature of the mean error along a direction matches a second difference of it", () => {
  const X = [[-0.7], [0.1], [0.8]],
    T = [[0.5], [-0.3], [0.9]];
  const net = new TanhNetwork({ inputs: 1, hiddenUnits: 3, outputs: 1, seed: 5 });
  const model = tanhNetworkModel(net),
    w = net.parameters,
    data = { X, T };
  const H = numericalHessian((v) => model.gradient(v, data), w);
  const v = w.map((_, n) => Math.cos(n + 1)),
    h = 1e-4;
  const vHv = H.reduce((s, row, i) => s + v[i] * row.reduce((t, x, j) => t + x * v[j], 0), 0);
  const at = (c: number) =>
    model.loss(
      w.map((x, n) => x + c * v[n]),
      data,
    );
  const second = (at(h) - 2 * at(0) + at(-h)) / (h * h);
  assert.ok(Math.abs(vHv - second) < 1e-5 * Math.max(1, Math.abs(vHv)), `${vHv} vs ${second}`);
  const values = symmetricEigenvalues(H);
  assert.ok(values[values.length - 1] * v.reduce((s, x) => s + x * x, 0) >= vHv - 1e-9); // vᵀHv ≤ λ_max‖v‖²
});

test("the model's fused lossAndGradient gives exactly model.loss and model.gradient, and the same training run", async () => {
  const { gradientDescent } = await import("../optim/gradientDescent");
  const net = new TanhNetwork({ inputs: 2, hiddenUnits: 6, outputs: 3, seed: 11 });
  const data = { X: randomBatch(5, 70, 2), T: randomBatch(6, 70, 3) };
  const model = tanhNetworkModel(net),
    w = net.parameters;
  const g = new Array<number>(w.length).fill(NaN);
  const E = model.lossAndGradient!(w, data, g);
  assert.equal(E, model.loss(w, data));
  assert.deepEqual(g, model.gradient(w, data));
  const unfused = { loss: model.loss, gradient: model.gradient };
  const options = { learningRate: 0.3, steps: 25 };
  assert.deepEqual(
    gradientDescent(model, data, w, options).losses,
    gradientDescent(unfused, data, w, options).losses,
  );
});

test("a finite w whose error overflows gives an infinite E from lossAndGradient, not an exception", () => {
  const net = new TanhNetwork({ inputs: 1, hiddenUnits: 1, outputs: 1, seed: 1 });
  const model = tanhNetworkModel(net);
  const E = model.lossAndGradient!([0, 0, 1e300, 1e300], { X: [[1]], T: [[0]] }, [0, 0, 0, 0]);
  assert.equal(E, Infinity);
});

test("trainTanhNetwork leaves the final weights in net, net holds each step's weights when onStep runs, and the last finite ones after a divergence", () => {
  const X = [[-1], [0], [1]],
    T = [[1], [0], [1]];
  const net = new TanhNetwork({ inputs: 1, hiddenUnits: 3, outputs: 1, seed: 2 });
  const path = gradientDescent(tanhNetworkModel(net), { X, T }, net.parameters, {
    learningRate: 0.3,
    steps: 20,
  }).path;
  const seen: number[][] = [];
  trainTanhNetwork(net, X, T, {
    learningRate: 0.3,
    steps: 20,
    onStep: () => seen.push(net.parameters),
  });
  assert.deepEqual(seen, path.slice(1));
  assert.deepEqual(net.parameters, path[20]);
  const wild = new TanhNetwork({ inputs: 1, hiddenUnits: 3, outputs: 1, seed: 1 });
  assert.throws(() =>
    trainTanhNetwork(wild, [[-1], [1]], [[1e3], [-1e3]], { learningRate: 1e6, steps: 1000 }),
  );
  assert.ok(wild.parameters.every(Number.isFinite));
});

test("tanhNetworkModel computes with a fast twin and leaves net's own weights as they are", () => {
  const net = new TanhNetwork({ inputs: 2, hiddenUnits: 3, outputs: 1, seed: 9 });
  const own = net.parameters;
  const model = tanhNetworkModel(net);
  const data = { X: randomBatch(1, 7, 2), T: randomBatch(2, 7, 1) };
  const w = own.map((v, n) => v + 0.01 * n);
  const fast = new TanhNetworkFast(net);
  fast.setParameters(w);
  assert.equal(model.loss(w, data), fast.loss(data.X, data.T) / 7);
  assert.deepEqual(
    model.gradient(w, data),
    fast.gradient(data.X, data.T).map((g) => g / 7),
  );
  assert.deepEqual(net.parameters, own);
  assert.throws(
    () => tanhNetworkModel({} as TanhNetwork),
    /tanhNetworkModel: net is not a TanhNetwork/,
  );
});

test("1000 steps of trainTanhNetwork on lesson 4's x² data follow a plain loop with TanhNetwork (Math.tanh) to 1e-13 per weight", () => {
  // Lesson 4 §4.6's data and step: N = 50 points of x² on (−1, 1), 3 hidden units, η = 0.5 on E/N.
  // The fast and the readable network differ only in tanh's last bits (tanhNetworkFast.test.ts); on
  // this run those differences stay near 1e-15 (measured 2.4e-15 after 1000 steps).
  const random = createRandom("2006-bishop");
  const X = Array.from({ length: 50 }, () => [random.uniform(-1, 1)]),
    T = X.map(([x]) => [x * x]);
  const trained = new TanhNetwork({ inputs: 1, hiddenUnits: 3, outputs: 1, seed: "2006-mean" });
  const byHand = new TanhNetwork({ inputs: 1, hiddenUnits: 3, outputs: 1, seed: "2006-mean" });
  trainTanhNetwork(trained, X, T, { learningRate: 0.5, steps: 1000 });
  const w = byHand.parameters;
  for (let step = 0; step < 1000; step++) {
    byHand.setParameters(w);
    const g = byHand.gradient(X, T);
    for (let n = 0; n < w.length; n++) w[n] -= 0.5 * (g[n] / X.length); // w ← w − η ∇E/N, eq. (17)
  }
  const gap = Math.max(...trained.parameters.map((v, n) => Math.abs(v - w[n])));
  assert.ok(gap <= 1e-13, `largest gap ${gap}`);
});

test("the examples in the doc comments hold", () => {
  const net = new TanhNetwork({ inputs: 1, hiddenUnits: 3, outputs: 1, seed: 1 });
  const model = tanhNetworkModel(net),
    w = net.parameters,
    data = { X: [[0], [1]], T: [[0], [1]] };
  assert.ok(Math.abs(model.loss(w, data) - net.loss(data.X, data.T) / 2) < 1e-15);
  assert.equal(model.lossAndGradient!(w, data, new Array(10)), model.loss(w, data));
  assert.equal(gradientDescent(model, data, w, { learningRate: 0.2, steps: 10 }).losses.length, 11);
  const trained = new TanhNetwork({ inputs: 1, hiddenUnits: 3, outputs: 1, seed: 1 });
  const losses = trainTanhNetwork(trained, [[0], [1]], [[0], [1]], {
    learningRate: 0.2,
    steps: 500,
  });
  assert.ok(losses[500] < losses[0]);
  assert.ok(Math.abs(losses[500] - trained.loss([[0], [1]], [[0], [1]]) / 2) < 1e-15);
});

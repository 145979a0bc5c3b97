import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { numericalGradient } from "../calculus/numericalGradient";
import { scaledError } from "../calculus/gradcheck";
import { createRandom } from "../random/createRandom";
import { tanh } from "./tanh";
import { errorAt, TanhNetwork, tanhNetworkModel, trainTanhNetwork } from "./tanhNetwork";
import { numericalHessian, symmetricEigenvalues } from "../calculus/hessian";

const seed = 20261123;

/** The same network written plainly, from the equations, with nested arrays: an independent reference. */
function referenceForward(w: number[], D: number, M: number, K: number, x: number[]) {
  const W1 = (j: number, i: number) => w[j * (D + 1) + i];
  const W2 = (k: number, j: number) => w[M * (D + 1) + k * (M + 1) + j];
  const xs = [1, ...x];
  const h = Array.from({ length: M }, (_, j) => xs.reduce((s, xi, i) => s + W1(j, i) * xi, 0));
  const z = h.map(tanh); // the network's tanh: Math.tanh to 3 parts in 2⁵² (tanh.test.ts)
  const zs = [1, ...z];
  const y = Array.from({ length: K }, (_, k) => zs.reduce((s, zj, j) => s + W2(k, j) * zj, 0));
  return { h, z, y };
}

function randomBatch(seedValue: number, N: number, size: number): number[][] {
  const random = createRandom(seedValue);
  return Array.from({ length: N }, () => Array.from({ length: size }, () => random.uniform(-2, 2)));
}

test("a network has M(D + 1) + K(M + 1) parameters, named in the documented layout", () => {
  const net = new TanhNetwork({ inputs: 2, hiddenUnits: 3, outputs: 2, seed: 1 });
  assert.equal(net.parameterCount, 3 * 3 + 2 * 4);
  assert.equal(net.parameters.length, 17);
  assert.equal(net.parameterNames[0], "w1[j=0,i=0]");
  assert.equal(net.parameterNames[3 * 3 - 1], "w1[j=2,i=2]");
  assert.equal(net.parameterNames[3 * 3], "w2[k=0,j=0]");
  assert.equal(net.parameterNames[16], "w2[k=1,j=3]");
});

test("the same seed gives the same initial weights, a different seed different ones", () => {
  const a = new TanhNetwork({ inputs: 1, hiddenUnits: 3, outputs: 1, seed: 7 }).parameters;
  const b = new TanhNetwork({ inputs: 1, hiddenUnits: 3, outputs: 1, seed: 7 }).parameters;
  const c = new TanhNetwork({ inputs: 1, hiddenUnits: 3, outputs: 1, seed: 8 }).parameters;
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

test("the forward pass computes h = W1[1; x], z = tanh(h), y = W2[1; z] for hand-picked weights", () => {
  const net = new TanhNetwork({ inputs: 1, hiddenUnits: 1, outputs: 1, seed: 1 });
  net.setParameters([0.5, 2, -1, 3]); // h = 0.5 + 2x, y = −1 + 3z
  const { h, z, y } = net.forward([0.25]);
  assert.deepEqual(h, [1]);
  assert.equal(z[0], tanh(1));
  assert.equal(y[0], -1 + 3 * tanh(1));
  assert.equal(net.loss([[0.25]], [[1]]), 0.5 * (y[0] - 1) ** 2);
});

test("the backprop gradient of a one-unit network equals the hand-derived formulas", () => {
  const net = new TanhNetwork({ inputs: 1, hiddenUnits: 1, outputs: 1, seed: 1 });
  net.setParameters([0.5, 2, -1, 3]);
  const x = 0.25,
    t = 1,
    z = tanh(1),
    y = -1 + 3 * z;
  const deltaK = y - t,
    deltaJ = (1 - z * z) * 3 * deltaK;
  const expected = [deltaJ, deltaJ * x, deltaK, deltaK * z];
  net
    .gradient([[x]], [[t]])
    .forEach((g, i) =>
      assert.ok(Math.abs(g - expected[i]) <= 1e-15, `w[${i}]: ${g} vs ${expected[i]}`),
    );
});

test("forward and loss agree with a plain reference implementation for random sizes and inputs", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 1, max: 6 }),
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 1, max: 5 }),
      fc.nat(),
      (D, M, K, N, s) => {
        const net = new TanhNetwork({ inputs: D, hiddenUnits: M, outputs: K, seed: s });
        const X = randomBatch(s + 1, N, D),
          T = randomBatch(s + 2, N, K);
        let E = 0;
        for (let n = 0; n < N; n++) {
          const ref = referenceForward(net.parameters, D, M, K, X[n]);
          const out = net.forward(X[n]);
          ref.y.forEach((yk, k) => {
            assert.ok(Math.abs(yk - out.y[k]) < 1e-12);
            E += 0.5 * (yk - T[n][k]) ** 2;
          });
        }
        assert.ok(Math.abs(net.loss(X, T) - E) <= 1e-12 * Math.max(1, E));
      },
    ),
    { seed, numRuns: 60 },
  );
});

test("backprop matches the numerical gradient for random sizes, weights and inputs (relative error ≤ 1e-7)", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 1, max: 6 }),
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 1, max: 6 }),
      fc.nat(),
      (D, M, K, N, s) => {
        const net = new TanhNetwork({ inputs: D, hiddenUnits: M, outputs: K, seed: s });
        const X = randomBatch(s + 1, N, D),
          T = randomBatch(s + 2, N, K);
        const w = net.parameters;
        const analytic = net.gradient(X, T);
        const E = (v: number[]) => {
          net.setParameters(v);
          return net.loss(X, T);
        };
        const numeric = numericalGradient(E, w);
        net.setParameters(w);
        analytic.forEach((a, i) =>
          assert.ok(scaledError(a, numeric[i]) <= 1e-7, `w[${i}]: ${a} vs ${numeric[i]}`),
        );
      },
    ),
    { seed, numRuns: 60 },
  );
});

test("lossAndGradient returns the same loss as loss and the same gradient as gradient", () => {
  const net = new TanhNetwork({ inputs: 2, hiddenUnits: 4, outputs: 2, seed: 3 });
  const X = randomBatch(1, 5, 2),
    T = randomBatch(2, 5, 2);
  const both = net.lossAndGradient(X, T);
  assert.equal(both.loss, net.loss(X, T));
  assert.deepEqual(both.gradient, net.gradient(X, T));
});

test("large pre-activations saturate tanh to ±1 instead of overflowing to NaN", () => {
  const net = new TanhNetwork({ inputs: 1, hiddenUnits: 2, outputs: 1, seed: 1 });
  net.setParameters([0, 1000, 0, -1000, 0, 1, 1]);
  const { z, y } = net.forward([1]);
  assert.deepEqual(z, [1, -1]);
  assert.equal(y[0], 0);
  assert.ok(net.gradient([[1]], [[1]]).every(Number.isFinite));
});

test("the pass counters count one forward per example for loss and one forward plus one backward for gradient", () => {
  const net = new TanhNetwork({ inputs: 1, hiddenUnits: 2, outputs: 1, seed: 1 });
  const X = [[0], [0.5], [1]],
    T = [[0], [0], [0]];
  net.loss(X, T);
  assert.deepEqual(net.passes, { forward: 3, backward: 0 });
  net.gradient(X, T);
  assert.deepEqual(net.passes, { forward: 6, backward: 3 });
});

test("shape errors name the expected and the actual sizes", () => {
  const net = new TanhNetwork({ inputs: 2, hiddenUnits: 3, outputs: 1, seed: 1 });
  assert.throws(() => net.forward([1]), {
    name: "ShapeError",
    message: /TanhNetwork.forward: x has length 1; expected 2/,
  });
  assert.throws(() => net.loss([[1, 2]], [[1], [2]]), {
    name: "ShapeError",
    message: /TanhNetwork.loss: T has 2 rows; expected 1/,
  });
  assert.throws(() => net.gradient([[1, 2], [3]], [[1], [2]]), {
    name: "ShapeError",
    message: /TanhNetwork.gradient: X\[1\] has length 1; expected 2/,
  });
  assert.throws(() => net.gradient([[1, 2]], [[1, 2]]), {
    name: "ShapeError",
    message: /T\[0\] has length 2; expected 1/,
  });
  assert.throws(() => net.setParameters([1, 2]), {
    name: "ShapeError",
    message: /setParameters: w has length 2; expected 13/,
  });
  assert.throws(() => net.loss([], []), { name: "ShapeError", message: /X has 0 rows/ });
});

test("bad values and options are rejected with the argument named", () => {
  const net = new TanhNetwork({ inputs: 1, hiddenUnits: 1, outputs: 1, seed: 1 });
  assert.throws(() => net.forward([NaN]), {
    name: "InvalidArgumentError",
    message: /TanhNetwork.forward: x\[0\] is NaN/,
  });
  assert.throws(() => net.setParameters([0, 0, Infinity, 0]), /setParameters: w\[2\] is Infinity/);
  assert.throws(
    () => new TanhNetwork({ inputs: 0, hiddenUnits: 1, outputs: 1, seed: 1 }),
    /TanhNetwork: inputs is 0; expected an integer ≥ 1/,
  );
  assert.throws(
    () => new TanhNetwork({ inputs: 1, hiddenUnit: 1, outputs: 1, seed: 1 } as never),
    /unknown option "hiddenUnit"/,
  );
  assert.throws(
    () => new TanhNetwork({ inputs: 1, hiddenUnits: 1, outputs: 1 } as never),
    /seed is undefined/,
  );
});

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
  assert.equal(losses[300], net.loss(X, T) / X.length); // the mean error E/N
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

test("the examples in the doc comments hold", () => {
  assert.equal(
    new TanhNetwork({ inputs: 1, hiddenUnits: 3, outputs: 1, seed: 1 }).parameterCount,
    10,
  );
  const net = new TanhNetwork({ inputs: 1, hiddenUnits: 1, outputs: 1, seed: 1 });
  net.setParameters([0.5, 2, -1, 3]);
  assert.deepEqual(net.forward([0.25]).h, [1]);
  assert.ok(Math.abs(net.loss([[0.25]], [[1]]) - 0.04055) < 1e-5);
  const expected = [0.3588, 0.0897, 0.28478, 0.21689];
  net.gradient([[0.25]], [[1]]).forEach((g, i) => assert.ok(Math.abs(g - expected[i]) < 1e-4));
  const trained = new TanhNetwork({ inputs: 1, hiddenUnits: 3, outputs: 1, seed: 1 });
  const losses = trainTanhNetwork(trained, [[0], [1]], [[0], [1]], {
    learningRate: 0.2,
    steps: 500,
  });
  assert.ok(losses[500] < losses[0]);
  assert.equal(losses[500], trained.loss([[0], [1]], [[0], [1]]) / 2);
  const model = tanhNetworkModel(net);
  assert.equal(
    model.loss(net.parameters, { X: [[0], [1]], T: [[0], [1]] }),
    net.loss([[0], [1]], [[0], [1]]) / 2,
  );
});

test("the network trains with the course's gradientDescent, as a Model over flat weights, also in mini-batches", async () => {
  const { gradientDescent } = await import("../optim/gradientDescent");
  const { tanhNetworkModel } = await import("./tanhNetwork");
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

test("a back-propagated gradient costs (2W + KM)/W ≤ 3 forward passes in multiply-adds, finite differences 2W", () => {
  assert.deepEqual(
    new TanhNetwork({ inputs: 1, hiddenUnits: 3, outputs: 1, seed: 1 }).multiplyAddsPerPass,
    { forward: 10, backward: 13 },
  );
  for (const [D, M, K] of [
    [1, 3, 1],
    [4, 2, 2],
    [4, 128, 2],
    [10, 100, 10],
    [1, 1, 8],
  ]) {
    const net = new TanhNetwork({ inputs: D, hiddenUnits: M, outputs: K, seed: 1 });
    const cost = net.multiplyAddsPerPass,
      W = net.parameterCount;
    // the backward pass: ∂E/∂w⁽²⁾ₖⱼ for K(M + 1) weights, Σₖ w⁽²⁾ₖⱼ δₖ for KM, ∂E/∂w⁽¹⁾ⱼᵢ for M(D + 1)
    assert.equal(cost.backward, K * (M + 1) + K * M + M * (D + 1));
    assert.equal(cost.forward, M * (D + 1) + K * (M + 1));
    assert.ok((cost.forward + cost.backward) / cost.forward <= 3);
  }
});

test("errorAt is E as a function of the weights and leaves the network's own weights in place", () => {
  const net = new TanhNetwork({ inputs: 2, hiddenUnits: 3, outputs: 1, seed: 7 });
  const X = [
    [0.5, -1],
    [1, 2],
  ];
  const T = [[0.3], [-0.2]];
  const own = net.parameters;
  const w = own.map((v, n) => v + 0.1 * (n % 3));
  const E = errorAt(net, X, T);
  const atW = E(w);
  assert.deepEqual(net.parameters, own);
  net.setParameters(w);
  assert.equal(atW, net.loss(X, T));
  net.setParameters(own);
  assert.throws(() => E([1, 2]), /setParameters/);
  assert.deepEqual(net.parameters, own, "a bad w leaves the network's weights in place too");
  assert.throws(() => errorAt({} as TanhNetwork, X, T), /errorAt: net is not a TanhNetwork/);
});

/** Back-propagation one example at a time, straight from eqs. (4)–(6), (14) and (15): the reference. */
function referenceGradient(net: TanhNetwork, X: number[][], T: number[][]) {
  const D = net.inputs,
    M = net.hiddenUnits,
    K = net.outputs,
    w = net.parameters;
  const W1 = (j: number, i: number) => w[j * (D + 1) + i];
  const W2 = (k: number, j: number) => w[M * (D + 1) + k * (M + 1) + j];
  const g = new Array<number>(w.length).fill(0);
  let E = 0;
  X.forEach((x, n) => {
    const z = Array.from({ length: M }, (_, j) => {
      let h = W1(j, 0);
      for (let i = 0; i < D; i++) h += W1(j, i + 1) * x[i];
      return tanh(h);
    });
    const deltaK = Array.from({ length: K }, (_, k) => {
      let y = W2(k, 0);
      for (let j = 0; j < M; j++) y += W2(k, j + 1) * z[j];
      return y - T[n][k];
    });
    deltaK.forEach((d, k) => {
      E += 0.5 * d * d;
      g[M * (D + 1) + k * (M + 1)] += d;
      z.forEach((zj, j) => (g[M * (D + 1) + k * (M + 1) + j + 1] += d * zj));
    });
    z.forEach((zj, j) => {
      let back = 0;
      for (let k = 0; k < K; k++) back += W2(k, j + 1) * deltaK[k];
      const deltaJ = (1 - zj * zj) * back;
      g[j * (D + 1)] += deltaJ;
      x.forEach((xi, i) => (g[j * (D + 1) + i + 1] += deltaJ * xi));
    });
  });
  return { E, g };
}

test("batches of many examples (several blocks, sizes not multiples of 4) give exactly the per-example sums", () => {
  for (const [D, M, K, N] of [
    [3, 7, 5, 150],
    [1, 64, 1, 130],
    [10, 9, 2, 64],
    [2, 1, 1, 3],
  ]) {
    const net = new TanhNetwork({ inputs: D, hiddenUnits: M, outputs: K, seed: N });
    const X = randomBatch(N, N, D),
      T = randomBatch(N + 1, N, K);
    const ref = referenceGradient(net, X, T);
    assert.deepEqual(net.gradient(X, T), ref.g, `${D}-${M}-${K}, N = ${N}: gradient`);
    assert.equal(net.loss(X, T), ref.E, `${D}-${M}-${K}, N = ${N}: loss`);
    assert.deepEqual(
      net.predict(X).map((y) => y[0]),
      X.map((x) => net.forward(x).y[0]),
    );
  }
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
  assert.throws(() => net.lossAndGradientInto(data.X, data.T, [1, 2]), {
    name: "ShapeError",
    message: /TanhNetwork.gradient: out has length 2; expected 39/, // W = 6·3 + 3·7
  });
});

test("a finite w whose error overflows gives an infinite E from lossAndGradient, not an exception", () => {
  const net = new TanhNetwork({ inputs: 1, hiddenUnits: 1, outputs: 1, seed: 1 });
  const model = tanhNetworkModel(net);
  const E = model.lossAndGradient!([0, 0, 1e300, 1e300], { X: [[1]], T: [[0]] }, [0, 0, 0, 0]);
  assert.equal(E, Infinity);
});

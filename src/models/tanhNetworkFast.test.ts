import assert from "node:assert/strict";
import { test } from "node:test";
import { createRandom } from "../random/createRandom";
import { tanh } from "./tanh";
import { TanhNetwork } from "./tanhNetwork";
import { TanhNetworkFast } from "./tanhNetworkFast";

function randomBatch(seedValue: number, N: number, size: number, a = 2): number[][] {
  const random = createRandom(seedValue);
  return Array.from({ length: N }, () => Array.from({ length: size }, () => random.uniform(-a, a)));
}

/** A seeded network with its weights scaled by `scale` (5: many saturated units), and its fast twin. */
function twins(D: number, M: number, K: number, seed: string, scale = 1) {
  const net = new TanhNetwork({ inputs: D, hiddenUnits: M, outputs: K, seed });
  net.setParameters(net.parameters.map((w) => w * scale));
  return { net, fast: new TanhNetworkFast(net) };
}

/**
 * Back-propagation one example at a time, straight from eqs. (4)–(6), (14) and (15), with the tanh
 * given: a third way to write the same sums, in the same order.
 */
function referenceGradient(
  w: number[],
  [D, M, K]: number[],
  X: number[][],
  T: number[][],
  tanhOf: (h: number) => number,
) {
  const W1 = (j: number, i: number) => w[j * (D + 1) + i];
  const W2 = (k: number, j: number) => w[M * (D + 1) + k * (M + 1) + j];
  const g = new Array<number>(w.length).fill(0);
  let E = 0;
  X.forEach((x, n) => {
    const z = Array.from({ length: M }, (_, j) => {
      let h = W1(j, 0);
      for (let i = 0; i < D; i++) h += W1(j, i + 1) * x[i];
      return tanhOf(h);
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

const sizes = [
  [1, 3, 1, 50], // lesson 4's network and N
  [2, 4, 2, 70],
  [4, 16, 2, 50], // lesson 5's timed network
  [3, 7, 5, 150], // three blocks, the last one partial, odd row counts
  [10, 100, 10, 200],
  [1, 64, 1, 130],
  [2, 1, 1, 3],
];

test("TanhNetworkFast and TanhNetwork give the same loss and gradient within 1e-14, not bit for bit: only tanh differs (by ≤ 3 units in the last place), every sum runs in the same order", () => {
  // E is a sum of positive terms: compared relatively. A gradient entry is a sum over the examples
  // whose terms can cancel, so its rounding scales with the terms, not with the total: each entry is
  // compared against Σₙ |∂Eₙ/∂w|, the size of what was summed (measured: at most 6e-16 of it).
  let identical = 0,
    entries = 0;
  for (const [D, M, K, N] of sizes)
    for (const scale of [1, 5])
      for (const seed of ["a", "b", "c"]) {
        const { net, fast } = twins(D, M, K, `${seed}-${D}-${M}-${K}`, scale);
        const X = randomBatch(N, N, D),
          T = randomBatch(N + 1, N, K);
        const size = `${D}-${M}-${K}, N = ${N}, weights × ${scale}, seed ${seed}`;
        const readable = net.lossAndGradient(X, T),
          quick = fast.lossAndGradient(X, T);
        assert.ok(Math.abs(quick.loss - readable.loss) <= 1e-14 * readable.loss, `${size}: E`);
        const summed = new Array<number>(readable.gradient.length).fill(0);
        X.forEach((x, n) =>
          net.gradient([x], [T[n]]).forEach((g, i) => (summed[i] += Math.abs(g))),
        );
        readable.gradient.forEach((g, i) => {
          entries++;
          if (g === quick.gradient[i]) identical++;
          assert.ok(
            Math.abs(quick.gradient[i] - g) <= 1e-14 * summed[i],
            `${size}: ∂E/∂w[${i}] = ${g} (readable) vs ${quick.gradient[i]} (fast)`,
          );
        });
        assert.deepEqual(fast.forward(X[0]).h, net.forward(X[0]).h, `${size}: h, before any tanh`);
      }
  // Not bit-identical: most entries differ in their last bits (tanh's), some do not.
  assert.ok(identical > 0 && identical < entries, `${identical} of ${entries} entries identical`);
});

test("with the same tanh, each is bit-identical to a per-example loop: the fast one with ./tanh.ts, the readable one with Math.tanh", () => {
  for (const [D, M, K, N] of sizes) {
    const { net, fast } = twins(D, M, K, `same-${N}`, 2);
    const X = randomBatch(N + 7, N, D),
      T = randomBatch(N + 8, N, K);
    const size = `${D}-${M}-${K}, N = ${N}`;
    const withOwnTanh = referenceGradient(net.parameters, [D, M, K], X, T, tanh);
    assert.deepEqual(fast.gradient(X, T), withOwnTanh.g, `${size}: fast gradient`);
    assert.equal(fast.loss(X, T), withOwnTanh.E, `${size}: fast loss`);
    const withMathTanh = referenceGradient(net.parameters, [D, M, K], X, T, Math.tanh);
    assert.deepEqual(net.gradient(X, T), withMathTanh.g, `${size}: readable gradient`);
    assert.equal(net.loss(X, T), withMathTanh.E, `${size}: readable loss`);
  }
});

test("the fast network copies the readable one's shape and weights, then goes its own way", () => {
  const net = new TanhNetwork({ inputs: 2, hiddenUnits: 3, outputs: 2, seed: 5 });
  const fast = new TanhNetworkFast(net);
  assert.deepEqual([fast.inputs, fast.hiddenUnits, fast.outputs], [2, 3, 2]);
  assert.equal(fast.parameterCount, net.parameterCount);
  assert.deepEqual(fast.parameters, net.parameters);
  fast.setParameters(net.parameters.map((w) => 2 * w));
  assert.notDeepEqual(net.parameters, fast.parameters);
  assert.throws(() => new TanhNetworkFast({} as TanhNetwork), {
    name: "InvalidArgumentError",
    message: /^TanhNetworkFast: net is not a TanhNetwork/,
  });
});

test("forward, predict, loss and lossAndGradient of the fast network agree with one another", () => {
  const { fast } = twins(3, 5, 2, "parts");
  const X = randomBatch(3, 100, 3),
    T = randomBatch(4, 100, 2);
  assert.deepEqual(
    fast.predict(X),
    X.map((x) => fast.forward(x).y),
  );
  const both = fast.lossAndGradient(X, T);
  assert.equal(both.loss, fast.loss(X, T));
  assert.deepEqual(both.gradient, fast.gradient(X, T));
  const out = new Float64Array(fast.parameterCount);
  assert.equal(fast.lossAndGradientInto(X, T, out, 100), both.loss);
  assert.deepEqual(
    Array.from(out),
    both.gradient.map((g) => g / 100),
  );
});

test("the fast network saturates tanh to ±1 and counts its passes per example", () => {
  const net = new TanhNetwork({ inputs: 1, hiddenUnits: 2, outputs: 1, seed: 1 });
  net.setParameters([0, 1000, 0, -1000, 0, 1, 1]);
  const fast = new TanhNetworkFast(net);
  assert.deepEqual(fast.forward([1]).z, [1, -1]);
  assert.ok(fast.gradient([[1]], [[1]]).every(Number.isFinite));
  fast.passes.forward = fast.passes.backward = 0;
  fast.loss([[0], [0.5], [1]], [[0], [0], [0]]);
  fast.gradient([[0], [0.5], [1]], [[0], [0], [0]]);
  assert.deepEqual(fast.passes, { forward: 6, backward: 3 });
});

test("the fast network's errors name it, the argument and the expected size", () => {
  const { fast } = twins(2, 3, 1, "errors");
  assert.throws(() => fast.forward([1]), {
    name: "ShapeError",
    message: /^TanhNetworkFast\.forward: x has length 1; expected 2/,
  });
  assert.throws(() => fast.loss([[1, 2]], [[1], [2]]), {
    name: "ShapeError",
    message: /^TanhNetworkFast\.loss: T has 2 rows; expected 1/,
  });
  assert.throws(() => fast.setParameters([1, 2]), {
    name: "ShapeError",
    message:
      /^TanhNetworkFast\.setParameters: w has length 2; expected 13 \(= 3·\(2 \+ 1\) \+ 1·\(3 \+ 1\)\)/,
  });
  assert.throws(() => fast.lossAndGradientInto([[1, 2]], [[1]], [1, 2]), {
    name: "ShapeError",
    message: /^TanhNetworkFast\.gradient: out has length 2; expected 13/,
  });
});

test("the example in the doc comment holds", () => {
  const net = new TanhNetwork({ inputs: 1, hiddenUnits: 3, outputs: 1, seed: 1 });
  const fast = new TanhNetworkFast(net);
  assert.ok(fast.parameters.every((w, n) => w === net.parameters[n]));
  assert.ok(Math.abs(fast.loss([[0.5]], [[1]]) - net.loss([[0.5]], [[1]])) < 1e-15);
});

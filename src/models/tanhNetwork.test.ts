import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import { numericalGradient } from "../calculus/numericalGradient";
import { scaledError } from "../calculus/gradcheck";
import { createRandom } from "../random/createRandom";
import { errorAt, requireWeights, TanhNetwork } from "./tanhNetwork";

const seed = 20261123;

/** The same network written plainly, from the equations, with nested arrays: an independent reference. */
function referenceForward(w: number[], D: number, M: number, K: number, x: number[]) {
  const W1 = (j: number, i: number) => w[j * (D + 1) + i];
  const W2 = (k: number, j: number) => w[M * (D + 1) + k * (M + 1) + j];
  const xs = [1, ...x];
  const h = Array.from({ length: M }, (_, j) => xs.reduce((s, xi, i) => s + W1(j, i) * xi, 0));
  const z = h.map(Math.tanh);
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
  assert.equal(z[0], Math.tanh(1));
  assert.equal(y[0], -1 + 3 * Math.tanh(1));
  assert.equal(net.loss([[0.25]], [[1]]), 0.5 * (y[0] - 1) ** 2);
});

test("the backprop gradient of a one-unit network equals the hand-derived formulas", () => {
  const net = new TanhNetwork({ inputs: 1, hiddenUnits: 1, outputs: 1, seed: 1 });
  net.setParameters([0.5, 2, -1, 3]);
  const x = 0.25,
    t = 1,
    z = Math.tanh(1),
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
            assert.equal(out.y[k], yk); // the same sums in the same order, and Math.tanh
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

test("the initial weights are uniform on ±1/√(fan-in): ±1/√(D + 1) into a hidden unit, ±1/√(M + 1) into an output", () => {
  const [D, M, K] = [3, 8, 2];
  const w = new TanhNetwork({ inputs: D, hiddenUnits: M, outputs: K, seed: "fan-in" }).parameters;
  const w1 = w.slice(0, M * (D + 1)),
    w2 = w.slice(M * (D + 1));
  const largest = (v: number[]) => Math.max(...v.map(Math.abs));
  assert.ok(largest(w1) <= 1 / Math.sqrt(D + 1) && largest(w1) > 0.8 / Math.sqrt(D + 1));
  assert.ok(largest(w2) <= 1 / Math.sqrt(M + 1) && largest(w2) > 0.8 / Math.sqrt(M + 1));
  assert.ok(w1.some((v) => v < 0) && w1.some((v) => v > 0));
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
  const small = new TanhNetwork({ inputs: 1, hiddenUnits: 3, outputs: 1, seed: 1 });
  assert.equal(
    errorAt(small, [[0], [1]], [[0], [1]])(small.parameters),
    small.loss([[0], [1]], [[0], [1]]),
  );
});

test("the module lesson 4 points at reads as its equations: Math.tanh, no block products, each line citing (4)–(6), (9), (14), (15)", () => {
  const source = readFileSync(path.join(__dirname, "tanhNetwork.ts"), "utf8");
  assert.doesNotMatch(source, /from "\.\/(blockProducts|tanh)"/);
  assert.match(source, /Math\.tanh\(h\[j\]\)/);
  for (const equation of ["4", "5", "6", "9", "14", "15"])
    assert.match(
      source,
      new RegExp(`^\\s+[^*\\s].*// .*eq\\. \\(${equation}\\)`, "m"),
      `eq. (${equation})`,
    );
  // every running sum of the forward and backward passes carries its equation
  for (const line of source.split("\n").filter((l) => /\+= /.test(l) && !/passes/.test(l)))
    assert.match(line, /\/\/ .*eq\. \(\d+\)/, line.trim());
});

test("requireWeights wants M(D + 1) + K(M + 1) finite weights and shows how W is made up", () => {
  const sizes = { inputs: 2, hiddenUnits: 3, outputs: 1 };
  requireWeights("f", new Array(13).fill(0), sizes);
  requireWeights("f", new Float64Array(13), sizes);
  assert.throws(() => requireWeights("f", [1, 2], sizes), {
    name: "ShapeError",
    message: "f: w has length 2; expected 13 (= 3·(2 + 1) + 1·(3 + 1))",
  });
  assert.throws(
    () => requireWeights("f", [1, NaN, 0, 0], { inputs: 1, hiddenUnits: 1, outputs: 1 }),
    {
      name: "InvalidArgumentError",
      message: /^f: w\[1\] is NaN/,
    },
  );
});

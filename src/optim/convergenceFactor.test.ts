import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { symmetricEigenvalues } from "../calculus/hessian";
import { column, loadCsv } from "../data/loadCsv";
import { LinearNeuron } from "../models/linearNeuron";
import {
  bestMomentumSettings,
  bestPlainSettings,
  measuredFactor,
  momentumFactor,
  momentumRateAt,
  plainDescentFactor,
} from "./convergenceFactor";
import { gradientDescent } from "./gradientDescent";
import { momentum } from "./momentum";
import { dataDir } from "../../scripts/paths.mjs";

// Lesson 3's error surface: its training set, loaded as notebook 03 loads it.
const table = loadCsv(path.join(dataDir, "linear-neuron/train.csv"));
const train = { X: table.rows.map((row) => [row[0], row[1]]), t: column(table, "t") };
const neuron = new LinearNeuron(2);
const H = neuron.hessian(train);
const lambdas = symmetricEigenvalues(H).sort((p, q) => p - q);
const [lambdaMin, lambdaMax] = [lambdas[0], lambdas[1]];
const kappa = lambdaMax / lambdaMin;
// ŵ solves H w = b, b = 1/N Σ tₙ xₙ (2×2, by Cramer's rule)
const N = train.X.length;
const b = [0, 1].map((i) => train.X.reduce((s, x, n) => s + (train.t[n] * x[i]) / N, 0));
const det = H[0][0] * H[1][1] - H[0][1] * H[1][0];
const wBest = [(b[0] * H[1][1] - H[0][1] * b[1]) / det, (H[0][0] * b[1] - H[1][0] * b[0]) / det];

/** The distances to ŵ along a heavy-ball run from lesson 3's start (−1, −1). */
function distances(learningRate: number, beta: number, steps: number): number[] {
  const run = gradientDescent(neuron, train, [-1, -1], {
    learningRate,
    steps,
    optimizer: momentum({ beta }),
  });
  return run.path.map((w) => Math.hypot(w[0] - wBest[0], w[1] - wBest[1]));
}

test("the doc examples", () => {
  assert.equal(plainDescentFactor(9), 0.8);
  assert.equal(momentumFactor(9), 0.5);
  assert.deepEqual(bestPlainSettings(1, 9), { learningRate: 0.2 });
  assert.deepEqual(bestMomentumSettings(1, 9), { learningRate: 0.25, beta: 0.25 });
  assert.equal(momentumRateAt(0.25, 0.25, [1, 9]), 0.5);
  assert.equal(momentumRateAt(0.2, 0, [1, 9]), 0.8);
  assert.equal(measuredFactor([8, 4, 2, 1], { from: 0, to: 3 }), 0.5);
});

test("the best settings give the factors: momentumRateAt at them is momentumFactor, with β = 0 plainDescentFactor", () => {
  // At heavy ball's best settings the roots are double, where round-off ε moves them by √ε ≈ 1e-8.
  for (const k of [1, 4, 30, 1000]) {
    const best = bestMomentumSettings(2, 2 * k);
    assert.ok(
      Math.abs(momentumRateAt(best.learningRate, best.beta, [2, 2 * k]) - momentumFactor(k)) < 1e-7,
    );
    const plain = bestPlainSettings(2, 2 * k);
    assert.ok(
      Math.abs(momentumRateAt(plain.learningRate, 0, [2, 2 * k]) - plainDescentFactor(k)) < 1e-12,
    );
  }
});

test("with β = 0, momentumRateAt is max |1 − ηλ| over the eigenvalues", () => {
  for (const eta of [0.01, 0.3, 0.9, 1.5, 2.5])
    assert.ok(
      Math.abs(
        momentumRateAt(eta, 0, [0.5, 1, 2]) -
          Math.max(...[0.5, 1, 2].map((l) => Math.abs(1 - eta * l))),
      ) < 1e-15,
    );
});

test("on lesson 3's surface momentumRateAt is the factor measured on real heavy-ball runs", () => {
  const best = bestMomentumSettings(lambdaMin, lambdaMax);
  // Real roots: the distance falls smoothly and the measurement agrees to 0.1 %. Complex roots turn
  // the error as it shrinks, so the distance wobbles about the rate: within 3 % over ~100 steps.
  // (At exactly the best settings the roots are double and the distance falls like k·rᵏ, not rᵏ:
  // momentum.test.ts measures that case over a long run.)
  const settings = [
    [0.5 * best.learningRate, 0, 1e-3], // plain descent, slow
    [bestPlainSettings(lambdaMin, lambdaMax).learningRate, 0, 1e-3], // plain descent at its best
    [best.learningRate, 0.5 * best.beta, 1e-3], // two real roots
    [0.2 * best.learningRate, 0.3, 1e-3],
    [0.5 * best.learningRate, 0.9, 0.03], // complex roots, |z| = √β
    [1.5 * best.learningRate, 0.6, 0.03],
    [1.2 * best.learningRate, 0.3, 0.03],
  ];
  for (const [eta, beta, tolerance] of settings) {
    const theory = momentumRateAt(eta, beta, lambdas);
    // Measure while the distance is far above round-off: from step 10 to where theory says 1e-12.
    const to = Math.ceil(Math.log(1e-12) / Math.log(theory));
    const measured = measuredFactor(distances(eta, beta, to), { from: 10, to });
    assert.ok(
      Math.abs(measured / theory - 1) < tolerance,
      `η = ${eta}, β = ${beta}: ${measured} vs ${theory}`,
    );
  }
});

test("past 2(1 + β)/λ_max the rate is ≥ 1 and heavy ball diverges", () => {
  const eta = (2 * 1.5) / lambdaMax;
  assert.ok(momentumRateAt(eta * 1.01, 0.5, lambdas) > 1);
  assert.ok(momentumRateAt(eta * 0.99, 0.5, lambdas) < 1);
  assert.throws(() => distances(eta * 1.05, 0.5, 100000), { name: "DivergenceError" });
});

test("the best settings minimise momentumRateAt over a grid of η and β", () => {
  const best = bestMomentumSettings(lambdaMin, lambdaMax);
  const atBest = momentumRateAt(best.learningRate, best.beta, lambdas);
  assert.ok(Math.abs(atBest - momentumFactor(kappa)) < 1e-7);
  let lowest = Infinity;
  for (let i = 1; i <= 400; i++)
    for (let j = 0; j < 100; j++) {
      const eta = (i / 400) * (4 / lambdaMax);
      lowest = Math.min(lowest, momentumRateAt(eta, j / 100, lambdas));
    }
  assert.ok(lowest >= atBest - 1e-7, `${lowest} < ${atBest}`); // 1e-7: round-off at the double root
  assert.ok(lowest < atBest * 1.02); // the grid comes close to it
});

test("bad arguments throw typed errors naming the argument", () => {
  assert.throws(() => plainDescentFactor(0.5), {
    name: "InvalidArgumentError",
    message: /^plainDescentFactor: kappa is 0.5; expected a number ≥ 1$/,
  });
  assert.throws(() => momentumFactor(NaN), { message: /^momentumFactor: kappa is NaN/ });
  assert.throws(() => bestPlainSettings(0, 1), {
    message: /^bestPlainSettings: lambdaMin is 0; expected a finite number > 0$/,
  });
  assert.throws(() => bestMomentumSettings(2, 1), {
    message: /^bestMomentumSettings: lambdaMax is 1; expected a number ≥ 2 \(lambdaMin\)$/,
  });
  assert.throws(() => momentumRateAt(-1, 0.5, [1]), {
    message: /^momentumRateAt: learningRate is -1/,
  });
  assert.throws(() => momentumRateAt(1, 1, [1]), {
    message: /^momentumRateAt: beta is 1; expected a number in \[0, 1\)$/,
  });
  assert.throws(() => momentumRateAt(1, 0.5, []), {
    message: /^momentumRateAt: eigenvalues is empty/,
  });
  assert.throws(() => measuredFactor([1, 0.5], { from: 1, to: 1 }), {
    message: /^measuredFactor: from is 1; expected an integer from 0 to 0$/,
  });
  assert.throws(() => measuredFactor([1, 0, 0.5], { from: 0, to: 1 }), {
    message: /^measuredFactor: distances\[1\] is 0; expected a finite number > 0$/,
  });
});

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { evaluateMomentumFactorAnswer, measuredMomentumFactor } from "./checkMomentumFactor";
import { yourTurn } from "./yourTurn";

// κ = 4: heavy ball's best η is (2/(1 + 2))² = 4/9, and its best factor (√κ − 1)/(√κ + 1) = 1/3.
const options = { eigenvalues: [1, 4], learningRate: 4 / 9 };

test("β = ρ² passes at the best η (every direction shrinks by √β)", () => {
  const result = evaluateMomentumFactorAnswer((rho) => rho * rho, options);
  assert.equal(result.passed, true, result.message);
});

test("the measured factor is √β above the best β, and plain descent's max |1 − ηλ| at β = 0", () => {
  assert.ok(Math.abs(measuredMomentumFactor([1, 4], 4 / 9, 0.49) - 0.7) < 0.005);
  assert.ok(Math.abs(measuredMomentumFactor([1, 4], 4 / 9, 0) - 7 / 9) < 0.005);
  assert.equal(measuredMomentumFactor([1, 4], 1.2, 0), Infinity); // ηλ_max = 4.8 > 2(1 + β)
});

test("β = ρ is told the factor it gives and the β the runs need", () => {
  const message = evaluateMomentumFactorAnswer((rho) => rho, options).message;
  assert.match(message, /^✗ At ρ = .* your β = .* gives a factor of .* the runs reach ρ at β ≈/);
  assert.match(message, /how your β depends on ρ/);
});

test("the stub, NaN and a β outside [0, 1) are reported; bad options throw", () => {
  assert.equal(
    evaluateMomentumFactorAnswer(() => yourTurn(), { ...options, hint: "√β." }).message,
    "✗ Not answered yet: √β.",
  );
  assert.match(evaluateMomentumFactorAnswer(() => NaN, options).message, /your β returned NaN/);
  assert.match(evaluateMomentumFactorAnswer(() => 1, options).message, /must be in \[0, 1\)/);
  assert.throws(
    () => evaluateMomentumFactorAnswer((r) => r * r, { ...options, range: [0.5, 1.5] }),
    /range is \[0.5, 1.5\]/,
  );
  assert.throws(
    () => evaluateMomentumFactorAnswer((r) => r * r, { ...options, learningRate: -1 }),
    /learningRate/,
  );
});

test("the verdict and lesson 6's Exercise 2 name the same steps the factor is measured over", () => {
  const message = evaluateMomentumFactorAnswer((rho) => rho * rho, options).message;
  const window = message.match(/from step \d+ to step \d+/)?.[0];
  assert.equal(window, "from step 100 to step 300");
  const cells: { cell_type: string; source: string[] }[] = JSON.parse(
    readFileSync("notebooks/06-momentum-and-adaptive-steps.ipynb", "utf8"),
  ).cells;
  const exercise = cells
    .map((cell) => cell.source.join(""))
    .find((text) => text.includes("**Exercise 2"));
  assert.ok(exercise?.includes(window), `Exercise 2 does not say "${window}"`);
});

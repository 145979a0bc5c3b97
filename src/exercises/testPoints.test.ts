import assert from "node:assert/strict";
import { test } from "node:test";
import { randomRuns, randomTestPoints } from "./testPoints";

test("test points are seeded, fill the range, and take their count and size from the options", () => {
  const a = randomTestPoints("checkX", { names: ["w", "b"], points: 5, range: [1, 3] }, 7);
  assert.deepEqual(
    a,
    randomTestPoints("checkX", { names: ["w", "b"], points: 5, range: [1, 3] }, 7),
  );
  assert.equal(a.points.length, 5);
  assert.ok(a.points.every((p) => p.length === 2 && p.every((v) => v >= 1 && v < 3)));
  assert.deepEqual(randomTestPoints("checkX", { dimension: 3 }, 1).names, ["w[0]", "w[1]", "w[2]"]);
  assert.notDeepEqual(
    randomTestPoints("checkX", {}, 1).points,
    randomTestPoints("checkX", {}, 2).points,
  );
});

test("names that do not fit the dimension, or too few points, are named errors", () => {
  assert.throws(() => randomTestPoints("checkX", { names: ["w"], dimension: 2 }, 1), {
    name: "InvalidArgumentError",
    message: /checkX: names has length 1; expected 2/,
  });
  assert.throws(
    () => randomTestPoints("checkX", { points: 1 }, 1),
    /checkX: points is 1; expected an integer ≥ 2/,
  );
});

test("the runs of a step-by-step checker: seeded settings in [0, 1], the steps and the seed, named errors", () => {
  const runs = randomRuns("checkX", {}, { dimension: 3, steps: 8, seed: 6 });
  assert.equal(runs.steps, 8);
  assert.equal(runs.seed, 6);
  assert.equal(runs.settings.length, 4);
  assert.ok(runs.settings.every((s) => s.length === 3 && s.every((v) => v >= 0 && v <= 1)));
  assert.deepEqual(
    randomRuns("checkX", { seed: 6 }, { dimension: 3, steps: 2, seed: 1 }).settings,
    runs.settings,
  );
  assert.equal(
    randomRuns("checkX", { points: 2, steps: 5 }, { dimension: 1, steps: 8, seed: 6 }).settings
      .length,
    2,
  );
  assert.throws(() => randomRuns("checkX", { steps: 1 }, { dimension: 1, steps: 8, seed: 6 }), {
    name: "InvalidArgumentError",
    message: /^checkX: steps is 1; expected an integer/,
  });
  assert.throws(
    () => randomRuns("checkX", { points: 1 }, { dimension: 1, steps: 8, seed: 6 }),
    /checkX: points is 1/,
  );
});

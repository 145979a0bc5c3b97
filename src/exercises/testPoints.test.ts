import assert from "node:assert/strict";
import { test } from "node:test";
import { randomTestPoints } from "./testPoints";

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

import assert from "node:assert/strict";
import { test } from "node:test";
import { InvalidArgumentError } from "../errors/errors";
import { createRandom } from "./createRandom";

test("the same seed gives the same stream, another seed another one", () => {
  const draw = (seed: number | string) => {
    const r = createRandom(seed);
    return [r.uniform(), r.normal(), r.integer(0, 100)];
  };
  assert.deepEqual(draw(7), draw(7));
  assert.notDeepEqual(draw(7), draw(8));
  assert.deepEqual(draw("abc"), draw("abc"));
});

test("uniform stays in [min, max) and normal has the asked mean and spread", () => {
  const r = createRandom(1);
  const n = 20000;
  let sum = 0,
    sumSq = 0;
  for (let i = 0; i < n; i++) {
    const u = r.uniform(-2, 3);
    assert.ok(u >= -2 && u < 3);
    const x = r.normal(5, 2);
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / n;
  const sd = Math.sqrt(sumSq / n - mean * mean);
  assert.ok(Math.abs(mean - 5) < 0.06, `mean ${mean}`);
  assert.ok(Math.abs(sd - 2) < 0.06, `sd ${sd}`);
});

test("shuffle is a permutation and leaves its input alone", () => {
  const items = [1, 2, 3, 4, 5, 6, 7, 8];
  const shuffled = createRandom(3).shuffle(items);
  assert.deepEqual(items, [1, 2, 3, 4, 5, 6, 7, 8]);
  assert.deepEqual(
    [...shuffled].sort((a, b) => a - b),
    items,
  );
  assert.notDeepEqual(shuffled, items);
});

test("bad seeds and ranges are named in the error", () => {
  assert.throws(() => createRandom(NaN), {
    name: "InvalidArgumentError",
    message: /createRandom: seed is NaN/,
  });
  assert.throws(() => createRandom(""), InvalidArgumentError);
  assert.throws(() => createRandom(1).uniform(2, 1), /uniform: max is 1/);
  assert.throws(() => createRandom(1).integer(0, 0.5), /integer: max is 0.5/);
  assert.throws(() => createRandom(1).normal(0, -1), /normal: sd is -1/);
});

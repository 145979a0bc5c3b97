import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { gridSearch, gridSettings, halvingSearch, logGrid } from "./gridSearch";

test("logGrid spaces its values a constant factor apart and ends exactly at both ends", () => {
  assert.deepEqual(logGrid(0.01, 1, 3), [0.01, 0.1, 1]);
  const grid = logGrid(0.001, 5.6, 16);
  assert.equal(grid.length, 16);
  assert.equal(grid[15], 5.6);
  const ratios = grid.slice(1).map((x, k) => x / grid[k]);
  ratios.forEach((r) => assert.ok(Math.abs(r / ratios[0] - 1) < 1e-12));
  assert.throws(() => logGrid(1, 1, 3), /logGrid: to is 1; expected a number > from/);
  assert.throws(() => logGrid(0, 1, 3), /logGrid: from/);
  assert.throws(() => logGrid(0.1, 1, 1), /logGrid: count/);
});

test("gridSettings makes every combination, the first knob outermost, and the doc example holds", () => {
  assert.deepEqual(gridSettings({ learningRate: [0.1, 1], beta: [0, 0.9] }), [
    { learningRate: 0.1, beta: 0 },
    { learningRate: 0.1, beta: 0.9 },
    { learningRate: 1, beta: 0 },
    { learningRate: 1, beta: 0.9 },
  ]);
  assert.equal(gridSettings({ a: [1, 2, 3], b: [1, 2], c: [1, 2, 3, 4] }).length, 24);
  assert.throws(() => gridSettings({}), /gridSettings: knobs is empty/);
  assert.throws(
    () => gridSettings({ beta: [] }),
    /gridSettings: knobs.beta is empty; expected at least one number/,
  );
  assert.throws(() => gridSettings({ beta: [0, NaN] }), /gridSettings: knobs.beta\[1\]/);
});

test("gridSearch keeps the lowest score, counts NaN as infinitely bad, and says which knobs are inside", () => {
  const settings = gridSettings({ x: [1, 2, 3], y: [0, 1] });
  const result = gridSearch(settings, (s) => (s.x - 2) ** 2 + s.y);
  assert.deepEqual(result.best, { setting: { x: 2, y: 0 }, score: 0 });
  assert.deepEqual(result.inside, { x: true, y: false });
  assert.equal(result.trials.length, 6);
  const nan = gridSearch(gridSettings({ x: [1, 2] }), (s) => (s.x === 1 ? NaN : 5));
  assert.deepEqual(nan.best, { setting: { x: 2 }, score: 5 });
  assert.equal(nan.trials[0].score, Infinity);
  assert.throws(() => gridSearch([], () => 0), /gridSearch: settings is empty/);
});

test("gridSearch's best is the minimum over any scores (property)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1 }),
      (scores) => {
        const settings = scores.map((_, k) => ({ k }));
        const result = gridSearch(settings, (s) => scores[s.k]);
        assert.equal(result.best.score, Math.min(...scores));
        assert.equal(result.best.setting.k, scores.indexOf(Math.min(...scores)));
      },
    ),
    { seed: 6 },
  );
});

test("halvingSearch screens on start 0, reruns the best few from every start, and picks the lowest median", () => {
  const calls: string[] = [];
  // Setting 1 is lucky on start 0 only; setting 2 is good from every start.
  const table: Record<number, number[]> = { 1: [0, 9, 9], 2: [1, 1, 1], 3: [5, 0, 0] };
  const result = halvingSearch(
    gridSettings({ x: [1, 2, 3] }),
    (s, start) => {
      calls.push(`${s.x}@${start}`);
      return table[s.x][start];
    },
    { starts: 3, keep: 2 },
  );
  assert.deepEqual(result.best, { setting: { x: 2 }, score: 1 });
  assert.deepEqual(calls, ["1@0", "2@0", "3@0", "1@1", "1@2", "2@1", "2@2"]);
  assert.deepEqual(
    result.finalists.map((f) => [f.setting.x, f.median]),
    [
      [1, 9],
      [2, 1],
    ],
  );
  assert.deepEqual(result.inside, { x: true });
  assert.throws(
    () => halvingSearch(gridSettings({ x: [1] }), () => 0, { starts: 1, keep: 2 }),
    /halvingSearch: keep/,
  );
  assert.throws(
    () => halvingSearch(gridSettings({ x: [1] }), () => 0, { starts: 0, keep: 1 }),
    /halvingSearch: starts/,
  );
  assert.throws(
    () =>
      halvingSearch(gridSettings({ x: [1] }), () => 0, { starts: 1, keep: 1, seed: 1 } as never),
    /halvingSearch: .*seed/,
  );
});

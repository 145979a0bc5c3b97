import assert from "node:assert/strict";
import { test } from "node:test";
import { fastestTime } from "./fastestTime";

test("fastestTime is the shortest of the timed calls, after one untimed warm-up call", () => {
  const durations = [1, 5, 3, 9, 4]; // the warm-up call's 1 must not count
  let call = 0;
  let clock = 0;
  const run = () => {
    clock += durations[call++];
  };
  assert.equal(
    fastestTime(run, 4, () => clock),
    3,
  );
  assert.equal(call, 5);
});

test("fastestTime: calls slowed by a busy spell do not move it", () => {
  const durations = [0, 2, 20, 2, 30, 2];
  let call = 0;
  let clock = 0;
  assert.equal(
    fastestTime(
      () => (clock += durations[call++]),
      5,
      () => clock,
    ),
    2,
  );
});

test("fastestTime names a bad argument", () => {
  assert.throws(() => fastestTime(3 as unknown as () => void, 3), /fastestTime.*run/);
  assert.throws(() => fastestTime(() => {}, 0), /fastestTime.*repeats/);
});

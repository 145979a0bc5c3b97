import assert from "node:assert/strict";
import { test } from "node:test";
import { medianTime } from "./medianTime";

test("medianTime is the median of the timed calls, after one untimed warm-up call", () => {
  const durations = [100, 5, 1, 9, 3]; // the warm-up call's 100 must not count
  let call = 0;
  let clock = 0;
  const run = () => {
    clock += durations[call++];
  };
  assert.equal(
    medianTime(run, 4, () => clock),
    5,
  );
  assert.equal(call, 5);
});

test("the doc example: a clock that advances 2 ms per reading gives 2", () => {
  let t = 0;
  assert.equal(
    medianTime(
      () => {},
      3,
      () => (t += 2),
    ),
    2,
  );
});

test("medianTime refuses a run that is not a function and a repeat count below 1", () => {
  assert.throws(() => medianTime(42 as unknown as () => void, 3), /medianTime: run/);
  assert.throws(() => medianTime(() => {}, 0), /medianTime: repeats/);
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { median } from "./median";

test("the median is the middle value, or the mean of the two middle ones", () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([7]), 7);
});

test("an empty list has no median", () => {
  assert.throws(() => median([]), /median: values is empty/);
});

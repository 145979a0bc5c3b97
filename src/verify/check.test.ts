import assert from "node:assert/strict";
import { test } from "node:test";
import { checkClose, checkThat } from "./check";

test("a true claim passes without an error", () => {
  assert.doesNotThrow(() => checkClose("slope", 1.02, 1, 0.05));
  assert.doesNotThrow(() => checkThat("went down", true, "3 → 1"));
});

test("a false claim throws CheckFailedError with the label and the evidence", () => {
  assert.throws(() => checkClose("slope of the error", 1.5, 1, 0.05), {
    name: "CheckFailedError",
    message: /slope of the error: 1.5 ≈ 1 \(\|difference\| 0.5 exceeds 0.05\)/,
  });
  assert.throws(() => checkClose("loss", NaN, 0, 1), {
    name: "CheckFailedError",
    message: /loss: NaN/,
  });
  assert.throws(() => checkThat("converged", false), {
    name: "CheckFailedError",
    message: /converged: false/,
  });
  assert.throws(() => checkClose("x", 1, NaN, 1), {
    name: "InvalidArgumentError",
    message: /checkClose: expected is NaN/,
  });
});

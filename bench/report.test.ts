import assert from "node:assert/strict";
import { test } from "node:test";
import { incompleteBecause, type Results } from "./report";

const run = (changes: Partial<Results>): Results =>
  ({
    quick: false,
    course: { skipped: false },
    handouts: { skipped: false },
    capacity: { skipped: false },
    ...changes,
  }) as unknown as Results;

test("a run that measured everything may write docs/benchmarks.md", () => {
  assert.deepEqual(incompleteBecause(run({})), []);
});

test("a quick run or a skipped measure keeps its tables out of the docs, saying why", () => {
  assert.deepEqual(incompleteBecause(run({ quick: true })), ["--quick"]);
  assert.deepEqual(
    incompleteBecause(
      run({
        course: { skipped: true, note: "--skip-notebooks" },
        handouts: { skipped: true, note: "no dist/handouts" },
        capacity: { skipped: true, note: "--skip-capacity" },
      }),
    ),
    [
      "measure 4 skipped (--skip-notebooks)",
      "measure 5 skipped (no dist/handouts)",
      "measure 8 skipped (--skip-capacity)",
    ],
  );
});

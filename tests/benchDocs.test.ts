// What `npm run bench` writes into docs/benchmarks.md: the generated region (bench/generatedRegion.ts)
// and which runs may write it (incompleteBecause in bench/report.ts). Kernel-free.
import assert from "node:assert/strict";
import { test } from "node:test";
import { readGeneratedRegion, replaceGeneratedRegion } from "../bench/generatedRegion";
import { incompleteBecause, type Results } from "../bench/report";

const doc = [
  "# Title",
  "",
  "By hand.",
  "<!-- BEGIN GENERATED: bench -->",
  "old table",
  "<!-- END GENERATED: bench -->",
  "After.",
  "",
].join("\n");

test("replacing a region changes only what lies between its markers", () => {
  const out = replaceGeneratedRegion(doc, "bench", "new\ntable\n");
  assert.equal(
    out,
    [
      "# Title",
      "",
      "By hand.",
      "<!-- BEGIN GENERATED: bench -->",
      "",
      "new\ntable",
      "",
      "<!-- END GENERATED: bench -->",
      "After.",
      "",
    ].join("\n"),
  );
  assert.equal(readGeneratedRegion(out, "bench"), "new\ntable");
});

test("replacing twice with the same content gives the same text", () => {
  const once = replaceGeneratedRegion(doc, "bench", "x");
  assert.equal(replaceGeneratedRegion(once, "bench", "x"), once);
});

test("another region's markers are left alone", () => {
  const two = doc + "<!-- BEGIN GENERATED: other -->\nkeep\n<!-- END GENERATED: other -->\n";
  const out = replaceGeneratedRegion(two, "bench", "x");
  assert.equal(readGeneratedRegion(out, "other"), "keep");
  assert.equal(readGeneratedRegion(out, "bench"), "x");
});

test("missing, repeated or misordered markers are refused, naming the marker", () => {
  assert.throws(
    () => replaceGeneratedRegion("no markers", "bench", "x"),
    /expected one "<!-- BEGIN GENERATED: bench -->" .* found 0 and 0/,
  );
  assert.throws(() => readGeneratedRegion(doc + doc, "bench"), /found 2 and 2/);
  const swapped = "<!-- END GENERATED: bench -->\n<!-- BEGIN GENERATED: bench -->";
  assert.throws(() => replaceGeneratedRegion(swapped, "bench", "x"), /comes before/);
});

test("a marker counts only on a line of its own, not quoted inside a sentence", () => {
  const quoted = "Write `<!-- BEGIN GENERATED: bench -->` in a doc.\n" + doc;
  assert.equal(readGeneratedRegion(quoted, "bench"), "old table");
});

const run = (changes: Partial<Results>): Results =>
  ({
    quick: false,
    course: { skipped: false },
    kernels: { skipped: false },
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
        kernels: { skipped: true, note: "--skip-notebooks" },
        handouts: { skipped: true, note: "no dist/handouts" },
        capacity: { skipped: true, note: "--skip-capacity" },
      }),
    ),
    [
      "measure 4 skipped (--skip-notebooks)",
      "measure 4b skipped (--skip-notebooks)",
      "measure 5 skipped (no dist/handouts)",
      "measure 8 skipped (--skip-capacity)",
    ],
  );
});

// Docs that cannot drift: every `@example` in src's doc comments runs, and each value it shows after
// `// =>` (or error after `// throws`) is the one the code gives. How a shown value compares (exactly,
// unless the example shows a rounded number with "…" or states a tolerance) is written at the top of
// tests/helpers/docExamples.ts, which collects and runs the blocks. Kernel-free.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import path from "node:path";
import { test } from "node:test";
import * as math from "mathjs";
import {
  collectExamples,
  examplesIn,
  instrument,
  mismatch,
  parseExpected,
  runExample,
  verify,
} from "./helpers/docExamples";
import { projectRoot } from "../scripts/paths.mjs";

const root = projectRoot;
const examples = collectExamples(root);

/** The names a block sees: src/internal.ts's exports, then its own module's, then a few libraries. */
function scopeFor(file: string): Record<string, unknown> {
  const internal = require(path.join(root, "src", "internal.ts"));
  const own = require(path.join(root, file));
  return { math, path, readFileSync, gunzipSync, ...internal, ...own };
}

test("the doc comments of src hold at least 120 examples, and each checks at least one value", () => {
  assert.ok(examples.length >= 120, `${examples.length} examples`);
  for (const example of examples) {
    const { checks } = instrument(example.code);
    const shows = /\/\/ (shows|e\.g\.) /.test(example.code);
    assert.ok(
      checks.length > 0 || shows,
      `${example.file}:${example.line}: an example with neither "// =>", "// throws" nor "// shows"`,
    );
  }
});

for (const example of examples) {
  const first = example.code.split("\n").find((l) => l.includes("//")) ?? example.code;
  test(`${example.file}:${example.line} ${first.slice(0, 90)}`, () => {
    const { script, checks } = instrument(example.code);
    const here = process.cwd();
    process.chdir(path.join(root, "notebooks")); // as a lesson runs it: ../data/… resolves
    let problems: string[];
    try {
      problems = verify(checks, runExample(script, checks.length, scopeFor(example.file)));
    } finally {
      process.chdir(here);
    }
    assert.deepEqual(problems, [], `${example.file}:${example.line}\n${example.code}`);
  });
}

test("an example's value is read with its rounded digits, wildcards, alternatives, sequences and notes", () => {
  const near = (text: string, actual: unknown) => {
    const e = parseExpected(text);
    return e.sequence[0].some((v) => mismatch(actual, v, e) === null);
  };
  assert.equal(near("0.04055… (½(−1 + 3·tanh 1 − 1)²)", 0.040557), true);
  assert.equal(near("0.04055…", 0.04057), false);
  assert.equal(near("[−0.35880…, 2]", Float64Array.of(-0.358809, 2)), true);
  assert.equal(near("4.99999...e-7 (relative)", 4.999995e-7), true);
  assert.equal(near("4.99999...e-7", 5.00001e-7), false);
  assert.equal(near("0.8", 0.8000000000000002), false, "a plain number is exact");
  assert.equal(near("0.8 (to rounding)", 0.8000000000000002), true);
  assert.equal(near("[2, 3] (to about 1e-10)", [2 + 5e-10, 3]), true);
  assert.equal(near("[2, 3] (to 1e-10)", [2 + 5e-10, 3]), false);
  assert.equal(near("[0, 1] or [0, -1]", [0, -1]), true);
  assert.equal(near('"✗ At x = … gives …"', "✗ At x = 2 gives 4"), true);
  assert.equal(near('"✗ At x = … gives …"', "✓ At x = 2 gives 4"), false);
  assert.equal(
    near("{ learningRate: 0.25, beta: 0.25 }", { beta: 0.25, learningRate: 0.25 }),
    true,
  );
  assert.equal(near("{ learningRate: 0.25 }", { learningRate: 0.25, beta: 0 }), false, "extra key");
  assert.equal(near("'s = \"<\\\\/script>\"'", 's = "<\\/script>"'), true);
  assert.deepEqual(parseExpected("[0], then [1], then [1.5]").sequence.length, 3);
  assert.throws(() => parseExpected("the same number on every run"), /cannot read the value/);
});

test("a block is run statement by statement: a loop's check collects each run, a thrown error is caught", () => {
  const [example] = examplesIn(
    [
      "/**",
      " * @example",
      " * let total = 0;",
      " * for (const k of [1, 2]) {",
      " *   total += k; // => 1, then 3",
      " * }",
      " * total;",
      " * // => 3",
      " * JSON.parse('{'); // throws SyntaxError: …",
      " * @see nothing",
      " */",
    ].join("\n"),
    "x.ts",
  );
  assert.equal(example.line, 2);
  const { script, checks } = instrument(example.code);
  assert.deepEqual(
    checks.map((c) => [c.statement, c.kind]),
    [
      ["total += k", "value"],
      ["total", "value"],
      ["JSON.parse('{')", "throws"],
    ],
  );
  assert.deepEqual(verify(checks, runExample(script, checks.length, {})), []);
  const wrong = instrument(example.code.replace("// => 3", "// => 4"));
  assert.match(
    verify(wrong.checks, runExample(wrong.script, 3, {})).join("\n"),
    /is 3; expected 4/,
  );
});

// The error messages and imports the docs show are the ones the code produces: each example is
// compared, numbers and paths aside, with a message thrown by the same call.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { gradientDescent, LinearNeuron, loadCsv } from "../src/index";

/** A message with every number replaced by #, so an example compares by shape. */
const shape = (message: string) => message.replace(/-?\d+(\.\d+)?(e[+-]?\d+)?/g, "#");

function messageOf(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("the call did not throw");
}

const divergence = messageOf(() =>
  gradientDescent(new LinearNeuron(1), { X: [[1]], t: [1] }, [0], {
    learningRate: 2.5,
    steps: 2000,
  }),
);

test("the README's DivergenceError example has the shape of the message gradientDescent throws", () => {
  const example = readFileSync("README.md", "utf8").match(
    /DivergenceError: (gradientDescent: .*)/,
  )?.[1];
  assert.ok(example, "no DivergenceError example in the README");
  assert.equal(shape(example), shape(divergence));
});

test("gradientDescent's @throws example has the shape of the message it throws", () => {
  const example = readFileSync("src/optim/gradientDescent.ts", "utf8").match(
    /`(gradientDescent: diverged.*?)( …)?`/,
  )?.[1];
  assert.ok(example, "no divergence example in gradientDescent's doc comment");
  assert.ok(shape(divergence).startsWith(shape(example)), `${example} vs ${divergence}`);
});

test("loadCsv's example message (doc comment and README) is the one it throws for a word among the numbers", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "downhill-docs-"));
  const file = path.join(dir, "x.csv");
  writeFileSync(file, "x,w2\n" + "1,2\n".repeat(5) + "3,abc\n");
  const actual = messageOf(() => loadCsv(file)).replace(file, "data/x.csv");
  const doc = readFileSync("src/data/loadCsv.ts", "utf8").match(
    /`(loadCsv: data\/x\.csv line .*?)`/,
  )?.[1];
  assert.equal(doc, actual);
  const readme = readFileSync("README.md", "utf8").match(/`(loadCsv: data\/x\.csv line .*?)`/)?.[1];
  assert.equal(readme?.replace('("t")', '("w2")'), actual);
});

test('no doc tells a notebook to import the folder "./src" (tslab cannot load it)', () => {
  for (const file of ["src/index.ts", "README.md", "CONTRIBUTING.md"]) {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (/"\.\/src"/.test(line)) assert.match(line, /cannot|fails/, `${file}: ${line}`);
    }
  }
});

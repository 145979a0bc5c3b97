// Every notebook executed top to bottom in the real tslab kernel under Jupyter (nbclient), through the
// same runner a contributor uses. A notebook's claims are checkClose/checkThat calls that throw when
// false, so a passing run means every claim held; this test also requires that they were shown.
// The course is executed once per `npm test` and shared (tests/helpers/executedNotebooks.ts); that its
// outputs are reproducible is tests/reproducible.test.ts.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { notebookPaths } from "../scripts/notebookFormat.mjs";
import { passColour } from "../src/internal";
import { executeCourse, executedDir, type Execution } from "./helpers/executedNotebooks";
import { type Cell, cellsHtml } from "./helpers/notebookHtml";

const notebooks: string[] = notebookPaths();
const read = (file: string): { cells: (Cell & { metadata?: { tags?: string[] } })[] } =>
  JSON.parse(readFileSync(file, "utf8"));

describe("the notebooks run in the tslab kernel", () => {
  let results: Execution[] = [];
  before(() => {
    results = executeCourse();
  });

  test("the lessons are numbered 01, 02, … without a gap, and the runner ran each of them", () => {
    const numbers = notebooks.map((notebook) => path.basename(notebook).match(/^(\d\d)-/)?.[1]);
    assert.deepEqual(
      numbers,
      notebooks.map((_, i) => String(i + 1).padStart(2, "0")),
    );
    assert.deepEqual(
      results.map((r) => path.basename(r.notebook)).sort(),
      notebooks.map((n) => path.basename(n)).sort(),
    );
  });

  for (const notebook of notebooks) {
    const name = path.basename(notebook);
    test(`${name} runs without an error and shows its checks passing`, () => {
      const result = results.find((r) => path.basename(r.notebook) === name);
      assert.ok(result, `no result for ${name}`);
      assert.ok(result.passed, `${name} failed at cell ${result.cell}: ${result.message}`);
      const html = cellsHtml(read(path.join(executedDir, name)).cells);
      const passedChecks =
        html.match(new RegExp(`class="downhill-check" style="color:${passColour}">✓`, "g"))
          ?.length ?? 0;
      assert.ok(passedChecks >= 3, `${name} shows only ${passedChecks} passing checks`);
      assert.doesNotMatch(html, /✗/);
    });
  }
});

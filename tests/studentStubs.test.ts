// The student edition's text (scripts/studentEdition.mjs), without a kernel: a solution region becomes
// the yourTurn() stub at its indentation, bad markers are named, and every lesson has at least three
// exercises, each with its solution between markers and a checker call. tests/student.test.ts runs the
// edition in the kernel.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { notebookPaths } from "../scripts/notebookFormat.mjs";
import { STUB, studentNotebook, studentSource } from "../scripts/studentEdition.mjs";
import { type Cell } from "./helpers/notebookHtml";

interface Notebook {
  cells: Cell[];
}

const notebooks: string[] = notebookPaths();
const read = (file: string): Notebook => JSON.parse(readFileSync(file, "utf8"));
const sourceOf = (cell: Cell) => [cell.source].flat().join("");
/** The cells with a solution region, by notebook: the exercises. */
const exerciseCells = new Map<string, string[]>(
  notebooks.map((file) => [
    path.basename(file),
    studentNotebook(read(file), path.basename(file)).regions.map((r: { cell: string }) => r.cell),
  ]),
);

test("the stub replaces a solution region at its indentation, and bad markers are named", () => {
  const solved =
    "const f = (x: number): number => {\n  // BEGIN SOLUTION\n  const y = 2 * x;\n  return y;\n  // END SOLUTION\n};\ncheckDerivative(f, g);";
  assert.deepEqual(studentSource(solved), {
    source: `const f = (x: number): number => {\n  ${STUB}\n};\ncheckDerivative(f, g);`,
    regions: 1,
  });
  assert.throws(
    () => studentSource("// BEGIN SOLUTION\nreturn 1;", "02.ipynb, cell 5"),
    /02.ipynb, cell 5, line 1: "\/\/ BEGIN SOLUTION" is never closed/,
  );
  assert.throws(
    () => studentSource("return 1;\n// END SOLUTION"),
    /line 2: "\/\/ END SOLUTION" without a "\/\/ BEGIN SOLUTION"/,
  );
  assert.throws(
    () => studentSource("// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION"),
    /line 2: .* inside the region opened at line 1/,
  );
});

for (const [name, cells] of exerciseCells) {
  test(`${name} has at least three exercises, each with its solution between markers and a checker call`, () => {
    assert.ok(cells.length >= 3, `${name} has ${cells.length} solution regions`);
    const nb = read(notebooks.find((f) => path.basename(f) === name)!);
    const exerciseSources = nb.cells.filter((c) => cells.includes(c.id)).map(sourceOf);
    // The checker is called in the cell of the solution or in the next code cell.
    for (const id of cells) {
      const at = nb.cells.findIndex((c) => c.id === id);
      const next = nb.cells.slice(at + 1).find((c) => c.cell_type === "code");
      assert.match(
        sourceOf(nb.cells[at]) + (next ? sourceOf(next) : ""),
        /check\w+\(/,
        `${name}, cell ${id}: no checker call after the solution`,
      );
    }
    assert.equal(exerciseSources.length, cells.length);
  });
}

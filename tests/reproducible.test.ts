// Every notebook shows the same output in a second, independent run. The second run is the student
// edition's (executed anyway for tests/student.test.ts, in a fresh kernel in another folder; both runs
// are shared by every test through tests/helpers/executedNotebooks.ts): its cells are the course's own
// up to the first exercise, so each code cell before the first cell with a solution region must show
// what the full course's shows, byte for byte, except cells tagged "timing" (measured times cannot
// repeat). This replaces running the whole course twice (`--runs 2`) in `npm test`: from the first
// exercise on, the two editions differ by design, and there tests/student.test.ts requires each
// checker's verdict in both (the checkers draw their test points from fixed seeds:
// src/exercises/testPoints.ts). A kernel restart within one session (`--runs 2`, which also catches
// state a run leaves behind, e.g. in a file) is the runner's own, checked by tests/runner.test.ts on its
// fixtures; no notebook cell writes a file (tests/notebooksClean.test.ts).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { notebookPaths } from "../scripts/notebookFormat.mjs";
import { studentNotebook } from "../scripts/studentEdition.mjs";
import {
  executeCourse,
  executeStudentEdition,
  executedDir,
  studentExecutedDir,
  type Execution,
} from "./helpers/executedNotebooks";
import { type Cell } from "./helpers/notebookHtml";

const notebooks: string[] = notebookPaths();
const read = (file: string): { cells: (Cell & { metadata?: { tags?: string[] } })[] } =>
  JSON.parse(readFileSync(file, "utf8"));

describe("the notebooks are reproducible", () => {
  let student: Execution[] = [];
  before(() => {
    executeCourse();
    student = executeStudentEdition();
  });

  for (const notebook of notebooks) {
    const name = path.basename(notebook);
    test(`${name} shows the same output in a second run (the student edition's), cell by cell up to its exercises`, () => {
      const course = executeCourse().find((r) => path.basename(r.notebook) === name);
      assert.ok(course?.passed, `${name} does not run (see above)`);
      const second = student.find((r) => path.basename(r.notebook) === name);
      assert.ok(
        second?.passed,
        `${name}'s student edition failed at cell ${second?.cell}: ${second?.message}`,
      );
      const first = read(path.join(executedDir, name)).cells;
      const again = read(path.join(studentExecutedDir, name)).cells;
      const exercises = new Set(
        studentNotebook(read(notebook), name).regions.map((r: { cell: string }) => r.cell),
      );
      const end = first.findIndex((c) => exercises.has(c.id));
      assert.ok(end > 0, `${name} has no exercise`);
      let compared = 0;
      for (let i = 0; i < end; i++) {
        const [a, b] = [first[i], again[i]];
        assert.equal(b.id, a.id, `${name}: cell ${i + 1} is not the same cell in both editions`);
        if (a.cell_type !== "code" || a.metadata?.tags?.includes("timing")) continue;
        assert.deepEqual(
          b.outputs,
          a.outputs,
          `${name}, cell ${i + 1} (id ${a.id}): its output differs between two runs: is some randomness not seeded, or a time or path shown?`,
        );
        compared += 1;
      }
      assert.ok(compared >= 10, `${name}: only ${compared} cells compared`);
    });
  }
});

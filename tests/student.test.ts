// The student edition (`npm run student`): every reference solution is replaced by the yourTurn() stub,
// the edition executes top to bottom in the real tslab kernel through the course's runner, and each
// exercise's checker rejects the stub with "Not answered yet" and its hint, while the full course's
// executed copy shows the same checker accepting the reference solution. The edition's text without a
// kernel: tests/studentStubs.test.ts.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { before, describe, test } from "node:test";
import { notebookPaths } from "../scripts/notebookFormat.mjs";
import { STUB, buildStudentHandouts, studentNotebook } from "../scripts/studentEdition.mjs";
import { type Cell, cellsHtml, outputHtml } from "./helpers/notebookHtml";
import {
  executeStudentEdition,
  executedNotebooks,
  studentDir,
  studentExecutedDir,
} from "./helpers/executedNotebooks";
import { type RunResult } from "./helpers/runNotebooks";

interface Notebook {
  cells: Cell[];
}

const notebooks: string[] = notebookPaths();
const read = (file: string): Notebook => JSON.parse(readFileSync(file, "utf8"));
const sourceOf = (cell: Cell) => [cell.source].flat().join("");
/** The verdicts a cell shows (the text of its downhill-exercise lines). */
const verdicts = (cell: Cell | undefined): string[] =>
  (cell?.outputs ?? [])
    .flatMap((o) => outputHtml(o).match(/class="downhill-exercise"[^>]*>[^<]*/g) ?? [])
    .map((m) => m.replace(/^[^>]*>/, ""));
/** The cells with a solution region, by notebook: the exercises. */
const exerciseCells = new Map<string, string[]>(
  notebooks.map((file) => [
    path.basename(file),
    studentNotebook(read(file), path.basename(file)).regions.map((r: { cell: string }) => r.cell),
  ]),
);

describe("the student edition", () => {
  // Inside the project, as `npm run student` writes it: tslab resolves mathjs from node_modules above
  // it. Written and executed once per `npm test` (tests/helpers/executedNotebooks.ts): the
  // reproducibility test of tests/notebooks.test.ts compares the same executed copies with the course.
  const outDir = studentDir;
  const executedDir = studentExecutedDir;
  let results: RunResult[] = [];
  let fullDir = "";
  before(() => {
    results = executeStudentEdition();
    fullDir = executedNotebooks(); // the full course, executed (reused when fresh)
  });

  test("`npm run student` writes every notebook, with src and ../data linked, as the tests' edition", () => {
    const cli = mkdtempSync(path.join(tmpdir(), "downhill-student-cli-"));
    try {
      const made = spawnSync(
        process.execPath,
        ["scripts/studentEdition.mjs", "--out", cli, "--no-handouts"],
        { encoding: "utf8" },
      );
      assert.equal(made.status, 0, made.stderr);
      for (const dir of [cli, outDir]) {
        for (const file of notebooks)
          assert.ok(existsSync(path.join(dir, "notebooks", path.basename(file))));
        assert.ok(existsSync(path.join(dir, "notebooks", "src", "index.ts")));
        assert.ok(existsSync(path.join(dir, "data", "README.md")));
      }
      for (const file of notebooks) {
        const name = path.basename(file);
        assert.ok(
          readFileSync(path.join(cli, "notebooks", name)).equals(
            readFileSync(path.join(outDir, "notebooks", name)),
          ),
          `${name}: the CLI's edition differs from the one the tests execute`,
        );
      }
    } finally {
      rmSync(cli, { recursive: true, force: true });
    }
  });

  for (const [name, cells] of exerciseCells) {
    test(`${name}: no solution is left, the edition runs, and every checker says "Not answered yet" with its hint`, () => {
      const stored = read(path.join(outDir, "notebooks", name));
      const code = stored.cells
        .filter((c) => c.cell_type === "code")
        .map(sourceOf)
        .join("\n");
      assert.doesNotMatch(code, /BEGIN SOLUTION|END SOLUTION/);
      assert.equal(code.split(STUB).length - 1, cells.length);
      const result = results.find((r) => path.basename(r.notebook) === name);
      assert.ok(result?.passed, `${name} failed at cell ${result?.cell}: ${result?.message}`);
      const executed = read(path.join(executedDir, name));
      const full = read(path.join(fullDir, name));
      let crosses = 0;
      for (const id of cells) {
        // The verdict is shown by the solution's cell or, when it shows none, the code cell after it.
        const at = executed.cells.findIndex((c) => c.id === id);
        const next = executed.cells.slice(at + 1).find((c) => c.cell_type === "code");
        const cellIds = next ? [id, next.id] : [id];
        const firstVerdicts = (nb: Notebook) =>
          cellIds
            .map((cid) => verdicts(nb.cells.find((c) => c.id === cid)))
            .find((v) => v.length > 0) ?? [];
        const shown = firstVerdicts(executed);
        const accepted = firstVerdicts(full);
        assert.equal(
          shown.length,
          1,
          `${name}, cell ${id}: expected one verdict in the student edition, got ${JSON.stringify(shown)}`,
        );
        assert.match(
          shown[0],
          /^✗ Exercise \d+: Not answered yet: \S.{15,}$/,
          `${name}, cell ${id}`,
        );
        assert.equal(
          accepted.length,
          1,
          `${name}, cell ${id}: expected one verdict in the full course, got ${JSON.stringify(accepted)}`,
        );
        assert.match(
          accepted[0],
          /^✓ Exercise \d+: Correct: /,
          `${name}, cell ${id}: the reference solution is not accepted`,
        );
        assert.equal(shown[0].match(/Exercise \d+/)![0], accepted[0].match(/Exercise \d+/)![0]);
        crosses += 1;
      }
      // Nothing else in the edition fails: the only ✗ are the exercises' "Not answered yet".
      const allText = cellsHtml(executed.cells);
      assert.equal(allText.split("✗").length - 1, crosses);
    });
  }

  test("the student handouts show every exercise as not answered yet, with its hint", async () => {
    // Built from the executed copies above (fresh, so the builder does not execute them again).
    await buildStudentHandouts(outDir, { executedDir });
    for (const file of notebooks) {
      const name = path.basename(file).replace(/\.ipynb$/, ".html");
      const page = readFileSync(path.join(outDir, "handouts", name), "utf8");
      const expected = exerciseCells.get(path.basename(file))?.length ?? 0;
      assert.equal(page.split("Not answered yet: ").length - 1, expected, `${name}`);
    }
    assert.ok(existsSync(path.join(outDir, "handouts", "index.html")));
  });
});

// The course's second kernel: every lesson, and the student edition with its checkers, executed under
// Deno's Jupyter kernel (`deno jupyter`, from the npm package `deno`) through the same runner, and
// compared with their execution under tslab: the same outputs cell by cell (kinds and count), the same
// figures, every check shown passing, every checker's verdict carried as data for the grader. Each
// execution happens once per `npm test` and is shared (tests/helpers/executedNotebooks.ts).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { parseVerdict } from "../scripts/grade/grades";
import { findFigures } from "../scripts/handouts/figureImages.mjs";
import { notebookPaths } from "../scripts/notebookFormat.mjs";
import { exerciseMimeType, passColour } from "../src/internal";
import {
  type Execution,
  executeCourse,
  executeCourseUnderDeno,
  executeStudentEdition,
  executeStudentEditionUnderDeno,
  executedDenoDir,
  executedDir,
  studentExecutedDenoDir,
  studentExecutedDir,
} from "./helpers/executedNotebooks";
import { cellsHtml } from "./helpers/notebookHtml";

interface Output {
  output_type: string;
  data?: Record<string, string | string[]>;
}
interface Notebook {
  cells: { id: string; cell_type: string; source: string | string[]; outputs?: Output[] }[];
}

const names = notebookPaths().map((file: string) => path.basename(file));
const read = (dir: string, name: string): Notebook =>
  JSON.parse(readFileSync(path.join(dir, name), "utf8"));
/** Each code cell's outputs as their kinds, e.g. ["display_data", "display_data"]. */
const outputKinds = (nb: Notebook) =>
  nb.cells
    .filter((c) => c.cell_type === "code")
    .map((c) => (c.outputs ?? []).map((o) => o.output_type));
const passed = (executions: Execution[], name: string) => {
  const result = executions.find((r) => path.basename(r.notebook) === name);
  assert.ok(result, `no result for ${name}`);
  assert.ok(result.passed, `${name} failed under Deno at cell ${result.cell}: ${result.message}`);
};
/** The verdicts the checkers sent as data (the grader's reading), in page order. */
const verdictData = (nb: Notebook) =>
  nb.cells.flatMap((c) =>
    (c.outputs ?? []).flatMap((o) =>
      o.data?.[exerciseMimeType] === undefined ? [] : [parseVerdict(o.data[exerciseMimeType])],
    ),
  );

describe("every lesson under Deno's kernel", () => {
  let deno: Execution[] = [];
  before(() => {
    deno = executeCourseUnderDeno();
    executeCourse(); // tslab's execution, to compare with (shared, reused when fresh)
  });

  for (const name of names) {
    test(`${name} runs under Deno, shows its checks passing, and the same outputs and figures as under tslab`, () => {
      passed(deno, name);
      const underDeno = read(executedDenoDir, name);
      const underTslab = read(executedDir, name);
      const html = cellsHtml(underDeno.cells);
      const checks = html.match(
        new RegExp(`class="downhill-check" style="color:${passColour}">✓`, "g"),
      );
      assert.ok(
        (checks?.length ?? 0) >= 3,
        `${name} shows only ${checks?.length ?? 0} passing checks`,
      );
      assert.doesNotMatch(html, /✗/);
      // Live displays updated in place, tables and figures one output each: the same kinds of output,
      // cell by cell, as tslab's.
      assert.deepEqual(outputKinds(underDeno), outputKinds(underTslab));
      const figures = findFigures(underDeno).length;
      assert.ok(figures >= 1, `${name} shows no figure under Deno`);
      assert.equal(
        figures,
        findFigures(underTslab).length,
        `${name}: figures under Deno and tslab`,
      );
    });
  }

  test("under Deno every output is a full MIME bundle: HTML with its plain text", () => {
    for (const name of names)
      for (const cell of read(executedDenoDir, name).cells)
        for (const output of cell.outputs ?? []) {
          assert.equal(output.output_type, "display_data", `${name}: ${output.output_type}`);
          assert.ok(output.data?.["text/html"], `${name}: an output without text/html`);
          // nbformat stores a multi-line text as a list of lines
          const plain = output.data?.["text/plain"];
          assert.ok(plain !== undefined, `${name}: an output without text/plain`);
          assert.doesNotMatch([plain].flat().join(""), /<script|<div|^\s*$/);
        }
  });
});

describe("the student edition under Deno's kernel", () => {
  let deno: Execution[] = [];
  before(() => {
    deno = executeStudentEditionUnderDeno();
    executeStudentEdition(); // under tslab, to compare with
  });

  for (const name of names) {
    test(`${name}: the edition runs under Deno and every checker sends the same verdict, as data, as under tslab`, () => {
      passed(deno, name);
      const underDeno = verdictData(read(studentExecutedDenoDir, name));
      const underTslab = verdictData(read(studentExecutedDir, name));
      assert.ok(underDeno.length >= 3, `${name}: ${underDeno.length} verdicts under Deno`);
      for (const verdict of underDeno) {
        assert.ok(!("problem" in verdict), `${name}: ${JSON.stringify(verdict)}`);
        assert.equal(verdict.result, "not attempted", `${name}: ${verdict.message}`);
      }
      assert.deepEqual(underDeno, underTslab);
    });
  }
});

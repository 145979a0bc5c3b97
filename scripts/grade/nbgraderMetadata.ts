// nbgrader's cell metadata on every exercise cell of the course, so that a school running nbgrader can
// take the lessons in (docs/teaching.md says what was not tried: nbgrader is not installable here).
// A cell that calls a checker is graded (1 point); a cell with a reference solution is a solution cell;
// a checker cell without a solution is locked. grade_id is the label's slug ("exercise-2"), and a
// solution cell apart from its checker gets "exercise-2-answer". The grader (grade.ts) uses grade_id to
// find an exercise in a learner's copy.
//
// Usage: node --import tsx scripts/grade/nbgraderMetadata.ts [--check]
//   writes the metadata into notebooks/*.ipynb (nothing else changes), or with --check lists the cells
//   whose metadata is missing or stale and exits 1.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { notebookPaths } from "../notebookFormat.mjs";
import {
  checkedExercise,
  gradeIdOf,
  hasSolution,
  sourceText,
  type Notebook,
  type NotebookCell,
} from "./exercises";

/** nbgrader's cell metadata, schema version 3, its keys in nbgrader's (sorted) order. */
export interface NbgraderCell {
  cell_type: "code";
  grade: boolean;
  grade_id: string;
  locked: boolean;
  points?: number;
  schema_version: 3;
  solution: boolean;
  task: false;
}

/**
 * The nbgrader metadata each code cell of a lesson should carry (undefined: none). An answer cell
 * without a checker belongs to the next checked exercise.
 */
export function nbgraderCells(nb: Notebook): (NbgraderCell | undefined)[] {
  const result: (NbgraderCell | undefined)[] = nb.cells.map(() => undefined);
  let pendingAnswers: number[] = [];
  nb.cells.forEach((cell, i) => {
    if (cell.cell_type !== "code") return;
    const source = sourceText(cell);
    const checked = checkedExercise(source);
    const solution = hasSolution(source);
    if (!checked) {
      if (solution) pendingAnswers.push(i);
      return;
    }
    const id = gradeIdOf(checked.label);
    for (const [k, answer] of pendingAnswers.entries())
      result[answer] = {
        cell_type: "code",
        grade: false,
        grade_id: `${id}-answer${pendingAnswers.length > 1 ? `-${k + 1}` : ""}`,
        locked: false,
        schema_version: 3,
        solution: true,
        task: false,
      };
    pendingAnswers = [];
    result[i] = {
      cell_type: "code",
      grade: true,
      grade_id: id,
      locked: !solution,
      points: 1,
      schema_version: 3,
      solution,
      task: false,
    };
  });
  return result;
}

/** The notebook with each code cell's nbgrader metadata as `nbgraderCells` says (others unchanged). */
export function withNbgraderMetadata<T extends Notebook>(nb: T): T {
  const wanted = nbgraderCells(nb);
  const cells = nb.cells.map((cell: NotebookCell, i) => {
    const { nbgrader: _old, ...rest } = (cell.metadata ?? {}) as Record<string, unknown>;
    const metadata = wanted[i] === undefined ? rest : { ...rest, nbgrader: wanted[i] };
    return { ...cell, metadata };
  });
  return { ...nb, cells };
}

/** The cells whose nbgrader metadata differs from what it should be, as "file, cell N (id)". */
export function staleCells(file: string, nb: Notebook): string[] {
  const wanted = nbgraderCells(nb);
  return nb.cells.flatMap((cell, i) =>
    JSON.stringify(cell.metadata?.nbgrader) === JSON.stringify(wanted[i])
      ? []
      : [`${path.basename(file)}, cell ${i + 1} (${cell.id ?? "no id"})`],
  );
}

if (require.main === module) {
  const check = process.argv.includes("--check");
  let stale = 0;
  for (const file of notebookPaths() as string[]) {
    const text = readFileSync(file, "utf8");
    const nb = JSON.parse(text) as Notebook;
    const cells = staleCells(file, nb);
    stale += cells.length;
    if (check) for (const cell of cells) console.log(`nbgrader metadata missing or stale: ${cell}`);
    else if (cells.length > 0) {
      writeFileSync(file, JSON.stringify(withNbgraderMetadata(nb), null, 1) + "\n");
      console.log(`${path.basename(file)}: nbgrader metadata on ${cells.length} cell(s)`);
    }
  }
  process.exit(check && stale > 0 ? 1 : 0);
}

// A class to grade, made from the course itself (tests/grade.test.ts): learners' folders holding the
// reference solutions, the student edition, a lesson whose first code cell throws, and bad input.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { notebookPaths } from "../../scripts/notebookFormat.mjs";
import { studentNotebook } from "../../scripts/studentEdition.mjs";
import { checkedExercise, sourceText, type NotebookCell } from "../../scripts/grade/exercises";

interface Nb {
  cells: (NotebookCell & { id: string })[];
  [key: string]: unknown;
}

/** The course's notebook of lesson `number` ("01"): its file name and content. */
export function courseNotebook(number: string): { file: string; nb: Nb } {
  const file = (notebookPaths() as string[]).find((f) => path.basename(f).startsWith(`${number}-`));
  if (!file) throw new Error(`no lesson ${number}`);
  return { file: path.basename(file), nb: JSON.parse(readFileSync(file, "utf8")) as Nb };
}

export const write = (file: string, nb: unknown): void => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, typeof nb === "string" ? nb : JSON.stringify(nb, null, 1) + "\n");
};

const lines = (text: string) => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
const codeCell = (id: string, source: string) => ({
  cell_type: "code",
  id,
  metadata: {},
  execution_count: null,
  outputs: [],
  source: lines(source),
});

/** The student edition of a lesson (solutions replaced by `return yourTurn();`). */
export const studentEdition = (nb: Nb): Nb => studentNotebook(nb, "lesson").notebook as Nb;

/** The lesson with `extra` appended to its first code cell (a line that throws, say). */
export function withFirstCellEnding(nb: Nb, extra: string): Nb {
  const first = nb.cells.findIndex((c) => c.cell_type === "code");
  const cells = nb.cells.map((c, i) =>
    i === first ? { ...c, source: lines(`${sourceText(c)}\n${extra}`) } : c,
  );
  return { ...nb, cells };
}

/**
 * A short copy of a lesson: its first code cell (the imports) and its exercise cells only, which is
 * all the grader needs, and runs in seconds. `change` edits the exercise cells' sources by label.
 */
export function exercisesOnly(nb: Nb, change: Record<string, (source: string) => string> = {}): Nb {
  const first = nb.cells.find((c) => c.cell_type === "code")!;
  const exercises = nb.cells.filter(
    (c) => c.cell_type === "code" && checkedExercise(sourceText(c)) !== undefined,
  );
  const cells = [first, ...exercises].map((c) => {
    const label = checkedExercise(sourceText(c))?.label ?? "";
    const edit = change[label];
    return edit ? { ...c, source: lines(edit(sourceText(c))) } : c;
  });
  return { ...nb, cells };
}

/** An older version of a lesson: no nbgrader metadata, its last exercise gone, an "Exercise 4" added. */
export function olderVersion(nb: Nb): Nb {
  const short = exercisesOnly(nb);
  const added = codeCell(
    "old-exercise-4",
    'const cube = (x: number) => x ** 3;\ncheckDerivative((x: number): number => 3 * x ** 2, cube, { label: "Exercise 4" });',
  );
  const cells: Nb["cells"] = [
    ...short.cells.slice(0, -1).map((c) => ({ ...c, metadata: {} })),
    added,
  ];
  return { ...short, cells };
}

/** Links a hub learner's folder has: notebooks/src to the course's src. */
export function linkSrc(notebooksFolder: string, courseRoot: string): void {
  symlinkSync(path.join(courseRoot, "src"), path.join(notebooksFolder, "src"));
}

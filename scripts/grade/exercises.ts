// The course's checked exercises, read from the notebooks themselves, and where they sit in a
// learner's copy. An exercise is a code cell that calls one of the checkers of src/exercises with
// `{ label: "Exercise N", … }`; the cells that hold its reference solution (`// BEGIN SOLUTION`) are its
// answer cells. Each carries nbgrader's cell metadata (`nbgraderMetadata.ts` writes it), whose
// `grade_id` finds the exercise again in a learner's copy; a copy without it is matched by the label.

/** A notebook as the grader reads it (nbformat 4): only what it needs. */
export interface NotebookCell {
  cell_type: string;
  id?: string;
  source: string | string[];
  metadata?: { nbgrader?: { grade_id?: string; grade?: boolean; solution?: boolean } };
}
export interface Notebook {
  cells: NotebookCell[];
}

/** One checked exercise of a lesson. */
export interface Exercise {
  /** The checker's label, as the learner reads it: "Exercise 2". */
  label: string;
  /** The checker that grades it: "checkGradient". */
  checker: string;
  /** nbgrader's grade_id of its checker cell: "exercise-2". */
  gradeId: string;
}

/** A lesson of the course and its checked exercises. */
export interface Lesson {
  /** The notebook's file name: "01-derivative-as-linear-approximation.ipynb". */
  file: string;
  /** The file name without ".ipynb": what grades.csv's `lesson` column holds. */
  name: string;
  /** "01". */
  number: string;
  /** The lesson's title, from its first heading. */
  title: string;
  exercises: Exercise[];
}

/** A cell's source as one string. */
export const sourceText = (cell: NotebookCell): string =>
  Array.isArray(cell.source) ? cell.source.join("") : String(cell.source ?? "");

const solutionMarker = /^\s*\/\/ BEGIN SOLUTION\s*$/m;
// The checks every lesson makes of its own claims: not exercise checkers.
const claimChecks = new Set(["checkClose", "checkThat"]);

/** nbgrader's grade_id for an exercise label: "Exercise 2" → "exercise-2". */
export const gradeIdOf = (label: string): string =>
  label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/**
 * The exercise a code cell checks, if it does: the `label: "Exercise …"` it passes and the first
 * exercise checker it calls.
 * @example checkedExercise('checkDerivative(gPrime, g, { label: "Exercise 1" });') // => { label: "Exercise 1", checker: "checkDerivative" }
 */
export function checkedExercise(source: string): { label: string; checker: string } | undefined {
  const label = source.match(/\blabel:\s*"(Exercise\b[^"]*)"/)?.[1];
  if (label === undefined) return undefined;
  const checker = [...source.matchAll(/\b(check[A-Z]\w*)\s*\(/g)]
    .map((m) => m[1])
    .find((name) => !claimChecks.has(name));
  return checker === undefined ? undefined : { label, checker };
}

/** Whether a code cell holds a reference solution region. */
export const hasSolution = (source: string): boolean => solutionMarker.test(source);

/** The lesson's checked exercises, in the order of their cells. */
export function lessonOf(file: string, nb: Notebook): Lesson {
  const name = file.replace(/\.ipynb$/, "");
  const heading = nb.cells
    .filter((c) => c.cell_type === "markdown")
    .map((c) => sourceText(c).match(/^#\s+(.+)$/m)?.[1])
    .find((t) => t !== undefined);
  const exercises = nb.cells
    .filter((c) => c.cell_type === "code")
    .map((c) => checkedExercise(sourceText(c)))
    .filter((e): e is { label: string; checker: string } => e !== undefined)
    .map((e) => ({ ...e, gradeId: gradeIdOf(e.label) }));
  return { file, name, number: name.slice(0, 2), title: heading?.trim() ?? name, exercises };
}

/** Where a learner's copy checks an exercise: the cell's index, or why it cannot be graded. */
export type Located =
  | { index: number; checker: string }
  | { index?: undefined; problem: "missing" | "other checker"; checker?: string };

/**
 * Finds an exercise's checker cell in a learner's copy: by nbgrader's `grade_id`, else by its label.
 * A cell that checks the label with another checker belongs to another version of the lesson.
 */
export function locateExercise(nb: Notebook, exercise: Exercise): Located {
  const cells = nb.cells.map((cell, index) => ({ cell, index }));
  const code = cells.filter(({ cell }) => cell.cell_type === "code");
  const byId = code.find(({ cell }) => cell.metadata?.nbgrader?.grade_id === exercise.gradeId);
  const byLabel = code.find(
    ({ cell }) => checkedExercise(sourceText(cell))?.label === exercise.label,
  );
  // The cell nbgrader's grade_id names, unless the learner moved the checker call out of it.
  const found = [byId, byLabel].find(
    (c) => c !== undefined && checkedExercise(sourceText(c.cell))?.label === exercise.label,
  );
  if (found === undefined) return { problem: "missing" };
  const checked = checkedExercise(sourceText(found.cell))!;
  if (checked.checker !== exercise.checker)
    return { problem: "other checker", checker: checked.checker };
  return { index: found.index, checker: checked.checker };
}

/**
 * The index of the first cell of a notebook's exercises: the first code cell with nbgrader metadata
 * or a checked exercise, or, failing both, the notebook's length. The code cells before it are the
 * lesson itself, which must run cleanly for any exercise to count.
 */
export function exercisesStart(nb: Notebook): number {
  const index = nb.cells.findIndex(
    (cell) =>
      cell.cell_type === "code" &&
      (cell.metadata?.nbgrader !== undefined || checkedExercise(sourceText(cell)) !== undefined),
  );
  return index < 0 ? nb.cells.length : index;
}

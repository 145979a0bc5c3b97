// From what the kernel did to grades: one row per learner, lesson and exercise. Pure functions, no
// kernel: the runner (runForGrades.py) reports each code cell's status and the verdicts it showed;
// here each course exercise becomes pass, fail, not attempted or error, with the reason. An exercise
// passes only when its own checker cell ran and showed a verdict that says so.
import type { ExerciseVerdict } from "../../src/internal";
import {
  exercisesStart,
  locateExercise,
  sourceText,
  type Exercise,
  type Lesson,
  type Notebook,
} from "./exercises";

export type Result = "pass" | "fail" | "not attempted" | "error";
export const results: Result[] = ["pass", "fail", "not attempted", "error"];

/** One line of grades.csv. */
export interface GradeRow {
  learner: string;
  /** The lesson's file name without ".ipynb". */
  lesson: string;
  /** The checker's label, "Exercise 2". */
  exercise: string;
  result: Result;
  /** Why, for anything but a pass: the checker's hint, the failed cell's error, the bad input. */
  reason: string;
}

/** What runForGrades.py reports for one code cell. */
export interface CellRun {
  index: number;
  id?: string;
  status: "ok" | "error" | "abort" | "timeout" | "dead" | "not run" | string;
  reason?: string;
  verdicts: unknown[];
}

/** What runForGrades.py reports for one notebook. */
export interface NotebookRun {
  notebook: string;
  seconds: number;
  error?: string;
  cells: CellRun[];
}

/**
 * A verdict as the checker sent it (a JSON object, or its text), or why it is not one.
 * @example parseVerdict({ label: "Exercise 1", result: "pass", message: "✓ …" }).result // => "pass"
 */
export function parseVerdict(raw: unknown): ExerciseVerdict | { problem: string } {
  let value = raw;
  if (typeof raw === "string" || Array.isArray(raw)) {
    try {
      value = JSON.parse([raw].flat().join(""));
    } catch {
      return { problem: "a verdict that is not JSON" };
    }
  }
  const v = value as Partial<ExerciseVerdict> | null;
  if (
    v === null ||
    typeof v !== "object" ||
    typeof v.label !== "string" ||
    typeof v.message !== "string" ||
    !["pass", "fail", "not attempted"].includes(v.result as string)
  )
    return { problem: `a malformed verdict: ${JSON.stringify(value)?.slice(0, 120)}` };
  return { label: v.label, result: v.result!, message: v.message };
}

/** The first line of a text, at most `max` characters. */
export function firstLine(text: string, max = 160): string {
  const line =
    text
      .split("\n")
      .map((l) => l.trim())
      .find((l) => l !== "") ?? "";
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * The line of a failed cell's stderr that says what went wrong: the thrown error ("Error: boom",
 * "TypeError: …"), or else the first line (a compile error: "3:1 - Cannot find name 'x'.").
 * @example errorLine("evalmachine.<anonymous>:7\nthrow e;\n^\n\nError: boom\n    at …") // => "Error: boom"
 */
export function errorLine(text: string): string {
  const thrown = text
    .split("\n")
    .map((l) => l.trim())
    .find((l) => /^([A-Z]\w*)?(Error|Exception)\b[^:]*:/.test(l) || /^Uncaught\b/.test(l));
  return firstLine(thrown ?? text);
}

/** How a report names a code cell: its position among the code cells and its first line. */
function cellName(nb: Notebook, index: number): string {
  const position = nb.cells.slice(0, index + 1).filter((c) => c.cell_type === "code").length;
  const first = firstLine(sourceText(nb.cells[index] ?? { cell_type: "code", source: "" }), 50);
  return `code cell ${position}${first ? ` (${first})` : ""}`;
}

const statusWords: Record<string, string> = {
  error: "failed",
  abort: "was aborted",
  timeout: "timed out",
  dead: "stopped the kernel",
  "not run": "did not run",
};

/** "code cell 3 (const x = …) failed: ReferenceError: x is not defined". */
function failure(nb: Notebook, cell: CellRun): string {
  const what = statusWords[cell.status] ?? `ended with status ${cell.status}`;
  const reason = cell.reason ? `: ${errorLine(cell.reason)}` : "";
  return `${cellName(nb, cell.index)} ${what}${reason}`;
}

/** Rows for every exercise of a lesson, all with the same result and reason. */
export function sameRows(
  learner: string,
  lesson: Lesson,
  result: Result,
  reason: string,
): GradeRow[] {
  return lesson.exercises.map((e) => ({
    learner,
    lesson: lesson.name,
    exercise: e.label,
    result,
    reason,
  }));
}

/**
 * Grades one learner's lesson from its notebook (as handed in) and the runner's report of it.
 * For each of the course's exercises, in order:
 * - its checker cell is missing, or calls another checker: error (another version of the lesson);
 * - a code cell of the lesson before the exercises failed: error (nothing after it counts);
 * - a cell of the exercise (from the previous exercise's checker cell to its own) failed, was
 *   aborted, timed out or did not run: error, naming the cell and its message;
 * - its checker cell showed no verdict with its label: error;
 * - otherwise the verdict: pass, fail or not attempted, with the checker's line as the reason.
 * A verdict whose label is not one of the course's exercises adds an error row.
 */
export function gradeLesson(
  learner: string,
  lesson: Lesson,
  nb: Notebook,
  run: NotebookRun,
): GradeRow[] {
  const row = (exercise: string, result: Result, reason = ""): GradeRow => ({
    learner,
    lesson: lesson.name,
    exercise,
    result,
    reason,
  });
  if (run.error)
    return sameRows(learner, lesson, "error", `the notebook did not run: ${run.error}`);
  const runOf = new Map(run.cells.map((c) => [c.index, c]));
  const failed = (c: CellRun | undefined) => c !== undefined && c.status !== "ok";
  const start = exercisesStart(nb);
  const bodyFailure = run.cells.find((c) => c.index < start && failed(c));
  const located = lesson.exercises.map((e) => ({ exercise: e, at: locateExercise(nb, e) }));
  const positions = located
    .map((l) => l.at.index)
    .filter((i): i is number => i !== undefined)
    .sort((a, b) => a - b);
  const rows = located.map(({ exercise, at }): GradeRow => {
    if (at.index === undefined)
      return row(exercise.label, "error", versionProblem(lesson, exercise, at.checker));
    const own = runOf.get(at.index);
    const verdicts = (own?.verdicts ?? []).map(parseVerdict);
    const verdict = verdicts
      .filter((v): v is ExerciseVerdict => !("problem" in v) && v.label === exercise.label)
      .slice(-1)[0];
    const said = verdict
      ? `; its checker said "${verdict.result}" after that, which does not count`
      : "";
    if (bodyFailure)
      return row(
        exercise.label,
        "error",
        `the lesson failed before its exercises: ${failure(nb, bodyFailure)}${said}`,
      );
    const previous = positions.filter((p) => p < at.index).slice(-1)[0] ?? start - 1;
    const regionFailure = run.cells.find(
      (c) => c.index > previous && c.index <= at.index && failed(c),
    );
    if (regionFailure) {
      const whose = regionFailure.index === at.index ? "its cell" : "a cell of this exercise";
      return row(exercise.label, "error", `${whose}, ${failure(nb, regionFailure)}${said}`);
    }
    if (own === undefined) return row(exercise.label, "error", "its checker cell did not run");
    if (!verdict) {
      const problem = verdicts.find((v): v is { problem: string } => "problem" in v);
      return row(
        exercise.label,
        "error",
        problem
          ? `its checker cell showed ${problem.problem}`
          : `its checker cell ran but showed no verdict for ${exercise.label}`,
      );
    }
    return row(exercise.label, verdict.result, verdict.result === "pass" ? "" : verdict.message);
  });
  const known = new Set(lesson.exercises.map((e) => e.label));
  const strangers = new Set(
    run.cells
      .flatMap((c) => c.verdicts.map(parseVerdict))
      .filter(
        (v): v is ExerciseVerdict => !("problem" in v) && v.label !== "" && !known.has(v.label),
      )
      .map((v) => v.label),
  );
  for (const label of strangers)
    rows.push(
      row(
        label,
        "error",
        `not an exercise of the course's lesson ${lesson.number} (its exercises: ${[...known].join(", ")}): this notebook is an older version of the lesson, or was changed`,
      ),
    );
  return rows;
}

function versionProblem(lesson: Lesson, exercise: Exercise, otherChecker?: string): string {
  const where = `the course's lesson ${lesson.number} checks it with ${exercise.checker}`;
  return otherChecker
    ? `this notebook checks ${exercise.label} with ${otherChecker}, ${where}: the notebook is an older version of the lesson, or was changed`
    : `no cell of this notebook checks ${exercise.label} (${where}): the notebook is an older version of the lesson, or its exercise cell was deleted`;
}

/** A CSV field (RFC 4180), with a leading =, +, -, @ defused so a spreadsheet shows it as text. */
export function csvField(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** grades.csv: a header and one line per row, CRLF-free. */
export function gradesCsv(rows: GradeRow[]): string {
  const header = ["learner", "lesson", "exercise", "result", "reason"];
  const lines = rows.map((r) =>
    [r.learner, r.lesson, r.exercise, r.result, r.reason.replace(/\r?\n/g, " ")]
      .map(csvField)
      .join(","),
  );
  return [header.join(","), ...lines].join("\n") + "\n";
}

/** The mark a table shows for a result. */
export const resultMark: Record<Result, string> = {
  pass: "✓",
  fail: "✗",
  "not attempted": "○",
  error: "!",
};

/** Counts of each result. */
export function tally(rows: GradeRow[]): Record<Result, number> {
  const counts = { pass: 0, fail: 0, "not attempted": 0, error: 0 } as Record<Result, number>;
  for (const r of rows) counts[r.result] += 1;
  return counts;
}

/**
 * The terminal's summary: learners down, lessons across, one mark per exercise in course order
 * (✓ pass, ✗ fail, · not attempted, ! error), and each learner's passes; then each exercise's pass rate.
 */
export function summaryTable(rows: GradeRow[], lessons: Lesson[]): string {
  const learners = [...new Set(rows.map((r) => r.learner))];
  const shown = lessons.filter((l) => rows.some((r) => r.lesson === l.name));
  const cell = (learner: string, lesson: Lesson) => {
    const mine = rows.filter((r) => r.learner === learner && r.lesson === lesson.name);
    const marks = lesson.exercises.map((e) => {
      const r = mine.find((m) => m.exercise === e.label);
      return r ? resultMark[r.result] : " ";
    });
    const extra = mine.filter((m) => !lesson.exercises.some((e) => e.label === m.exercise));
    return marks.join("") + extra.map((r) => resultMark[r.result]).join("");
  };
  const table = [
    ["learner", ...shown.map((l) => l.number), "passed"],
    ...learners.map((learner) => {
      const mine = rows.filter((r) => r.learner === learner);
      return [learner, ...shown.map((l) => cell(learner, l)), `${tally(mine).pass}/${mine.length}`];
    }),
  ];
  const widths = table[0].map((_, c) => Math.max(...table.map((r) => [...r[c]].length)));
  const text = table.map((r) =>
    r
      .map((v, c) => v + " ".repeat(widths[c] - [...v].length))
      .join("  ")
      .trimEnd(),
  );
  const rates = shown.flatMap((lesson) =>
    lesson.exercises.map((e) => {
      const these = rows.filter((r) => r.lesson === lesson.name && r.exercise === e.label);
      const t = tally(these);
      return `  ${lesson.number} ${e.label}: ${t.pass}/${these.length} passed (${t.fail} fail, ${t["not attempted"]} not attempted, ${t.error} error)`;
    }),
  );
  return [
    ...text,
    "",
    "✓ pass  ✗ fail  ○ not attempted  ! error (the reason is in the CSV)",
    "",
    "pass rate per exercise:",
    ...rates,
  ].join("\n");
}

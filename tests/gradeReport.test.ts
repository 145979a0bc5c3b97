// The grader's pure parts, without a kernel (seconds): reading verdicts, turning cell runs into grades,
// the CSV, the summary and the HTML report; the course's exercises and their nbgrader metadata.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { projectRoot } from "../scripts/paths.mjs";
import { notebookPaths } from "../scripts/notebookFormat.mjs";
import { lessonOf, locateExercise, type Lesson, type Notebook } from "../scripts/grade/exercises";
import { courseLessons, findLessons, notebookProblem } from "../scripts/grade/grade";
import {
  csvField,
  errorLine,
  gradeLesson,
  gradesCsv,
  parseVerdict,
  summaryTable,
  type CellRun,
  type GradeRow,
} from "../scripts/grade/grades";
import { nbgraderCells, staleCells } from "../scripts/grade/nbgraderMetadata";
import { reportHtml } from "../scripts/grade/report";

const code = (source: string, nbgrader?: object) => ({
  cell_type: "code",
  source,
  metadata: nbgrader ? { nbgrader } : {},
});
const markdown = (source: string) => ({ cell_type: "markdown", source });

// A lesson in miniature: the import cell, one lesson cell, then three exercises (the second has its
// answer in a cell of its own, as lesson 4 does).
const lessonNotebook: Notebook = {
  cells: [
    markdown("# 9 · A tiny lesson"),
    code('import { checkDerivative, checkGradient } from "./src/index";'),
    code("const f = (x: number) => x * x;"),
    markdown("## Exercises"),
    code(
      'const a = (x: number): number => {\n  // BEGIN SOLUTION\n  return 2 * x;\n  // END SOLUTION\n};\ncheckDerivative(a, f, { label: "Exercise 1" });',
    ),
    code(
      "const b = (w: number[]): number[] => {\n  // BEGIN SOLUTION\n  return w;\n  // END SOLUTION\n};",
    ),
    code('checkGradient(b, g, { label: "Exercise 2", hint: "…" });'),
    code('checkDerivative(c, f, {\n  label: "Exercise 3",\n});'),
  ],
};
const lesson: Lesson = lessonOf("09-tiny.ipynb", lessonNotebook);
const verdict = (label: string, result: string, message = `${label}: ${result}`) => ({
  label,
  result,
  message,
});
/** Every code cell ok, with the verdicts given by cell index. */
function runOf(
  nb: Notebook,
  overrides: Record<number, Partial<CellRun>> = {},
): { notebook: string; seconds: number; cells: CellRun[] } {
  const cells = nb.cells
    .map((c, index) => ({ c, index }))
    .filter(({ c }) => c.cell_type === "code")
    .map(({ index }) => ({ index, status: "ok", verdicts: [], ...overrides[index] }));
  return { notebook: "x.ipynb", seconds: 1, cells };
}
const allPass = {
  4: { verdicts: [verdict("Exercise 1", "pass")] },
  6: { verdicts: [verdict("Exercise 2", "pass")] },
  7: { verdicts: [verdict("Exercise 3", "pass")] },
};
const results = (rows: GradeRow[]) => rows.map((r) => `${r.exercise}: ${r.result}`);

test("a lesson's checked exercises are read from its checker calls, in order", () => {
  assert.equal(lesson.title, "9 · A tiny lesson");
  assert.deepEqual(
    lesson.exercises.map((e) => [e.label, e.checker, e.gradeId]),
    [
      ["Exercise 1", "checkDerivative", "exercise-1"],
      ["Exercise 2", "checkGradient", "exercise-2"],
      ["Exercise 3", "checkDerivative", "exercise-3"],
    ],
  );
});

test("the course has three checked exercises per lesson, and their nbgrader metadata is up to date", () => {
  const lessons = courseLessons();
  assert.ok(lessons.length >= 6);
  for (const l of lessons) {
    assert.deepEqual(
      l.exercises.map((e) => e.label),
      ["Exercise 1", "Exercise 2", "Exercise 3"],
      l.name,
    );
  }
  for (const file of notebookPaths() as string[]) {
    const nb = JSON.parse(readFileSync(file, "utf8"));
    assert.deepEqual(
      staleCells(file, nb),
      [],
      "run `node --import tsx scripts/grade/nbgraderMetadata.ts`",
    );
    const meta = nbgraderCells(nb).filter((m) => m !== undefined);
    const graded = meta.filter((m) => m!.grade);
    assert.equal(graded.length, 3, path.basename(file));
    assert.ok(graded.every((m) => m!.points === 1 && m!.schema_version === 3));
    const ids = meta.map((m) => m!.grade_id);
    assert.equal(new Set(ids).size, ids.length, "grade_id is unique in a notebook");
  }
});

test("nbgrader metadata: a checker cell is graded, an answer cell apart is a solution, a checker alone is locked", () => {
  const meta = nbgraderCells(lessonNotebook);
  assert.deepEqual(
    meta.map((m) => m && [m.grade_id, m.grade, m.solution, m.locked, m.points]),
    [
      undefined,
      undefined,
      undefined,
      undefined,
      ["exercise-1", true, true, false, 1],
      ["exercise-2-answer", false, true, false, undefined],
      ["exercise-2", true, false, true, 1],
      ["exercise-3", true, false, true, 1],
    ],
  );
});

test("a verdict is read from its JSON object or text; anything else is named", () => {
  assert.deepEqual(parseVerdict(verdict("Exercise 1", "pass", "✓ ok")), {
    label: "Exercise 1",
    result: "pass",
    message: "✓ ok",
  });
  assert.equal(
    (parseVerdict(JSON.stringify(verdict("E", "not attempted"))) as { result: string }).result,
    "not attempted",
  );
  assert.match((parseVerdict("{oops") as { problem: string }).problem, /not JSON/);
  assert.match(
    (parseVerdict({ label: "E", result: "full marks", message: "" }) as { problem: string })
      .problem,
    /malformed/,
  );
});

test("every verdict counts as its checker said when every cell ran", () => {
  const rows = gradeLesson("ada", lesson, lessonNotebook, runOf(lessonNotebook, allPass));
  assert.deepEqual(results(rows), ["Exercise 1: pass", "Exercise 2: pass", "Exercise 3: pass"]);
  const mixed = gradeLesson(
    "ada",
    lesson,
    lessonNotebook,
    runOf(lessonNotebook, {
      ...allPass,
      4: { verdicts: [verdict("Exercise 1", "fail", "✗ Exercise 1: off by 2")] },
      7: { verdicts: [verdict("Exercise 3", "not attempted")] },
    }),
  );
  assert.deepEqual(results(mixed), [
    "Exercise 1: fail",
    "Exercise 2: pass",
    "Exercise 3: not attempted",
  ]);
  assert.equal(mixed[0].reason, "✗ Exercise 1: off by 2");
  assert.equal(mixed[1].reason, "");
});

test("a failed lesson cell before the exercises makes every exercise an error, even a pass shown after it", () => {
  const rows = gradeLesson(
    "ada",
    lesson,
    lessonNotebook,
    runOf(lessonNotebook, {
      ...allPass,
      2: {
        status: "error",
        reason: 'evalmachine.<anonymous>:7\nthrow new Error("boom");\n^\n\nError: boom\n    at x',
      },
    }),
  );
  assert.deepEqual(results(rows), ["Exercise 1: error", "Exercise 2: error", "Exercise 3: error"]);
  for (const r of rows)
    assert.match(
      r.reason,
      /^the lesson failed before its exercises: code cell 2 \(const f = .*\) failed: Error: boom; its checker said "pass" after that, which does not count$/,
    );
});

test("a failure inside one exercise is that exercise's error; the others keep their verdicts", () => {
  const answerFailed = gradeLesson(
    "ada",
    lesson,
    lessonNotebook,
    runOf(lessonNotebook, {
      ...allPass,
      5: { status: "error", reason: "2:10 - Type 'string' is not assignable to type 'number[]'." },
      6: { status: "error", reason: "1:14 - Cannot find name 'b'.", verdicts: [] },
    }),
  );
  assert.deepEqual(results(answerFailed), [
    "Exercise 1: pass",
    "Exercise 2: error",
    "Exercise 3: pass",
  ]);
  assert.match(
    answerFailed[1].reason,
    /^a cell of this exercise, code cell 4 .* failed: 2:10 - Type/,
  );
  const timedOut = gradeLesson(
    "ada",
    lesson,
    lessonNotebook,
    runOf(lessonNotebook, {
      ...allPass,
      4: {
        status: "timeout",
        reason: "ran longer than 10 s (an endless loop?) and was interrupted",
      },
    }),
  );
  assert.deepEqual(results(timedOut), [
    "Exercise 1: error",
    "Exercise 2: pass",
    "Exercise 3: pass",
  ]);
  assert.match(timedOut[0].reason, /^its cell, code cell 3 .* timed out: ran longer than 10 s/);
  const stopped = gradeLesson(
    "ada",
    lesson,
    lessonNotebook,
    runOf(lessonNotebook, {
      4: { verdicts: [verdict("Exercise 1", "pass")] },
      5: { status: "dead", reason: "the kernel died while running this cell" },
      6: { status: "not run", reason: "the kernel stopped at cell 6" },
      7: { status: "not run", reason: "the kernel stopped at cell 6" },
    }),
  );
  assert.deepEqual(results(stopped), [
    "Exercise 1: pass",
    "Exercise 2: error",
    "Exercise 3: error",
  ]);
  assert.match(stopped[2].reason, /did not run: the kernel stopped/);
  const aborted = gradeLesson(
    "ada",
    lesson,
    lessonNotebook,
    runOf(lessonNotebook, { ...allPass, 7: { status: "abort", verdicts: [] } }),
  );
  assert.match(aborted[2].reason, /^its cell, code cell 6 .* was aborted$/);
});

test("a checker cell that ran without a verdict, or with another's, is an error, never a pass", () => {
  const rows = gradeLesson(
    "ada",
    lesson,
    lessonNotebook,
    runOf(lessonNotebook, {
      4: { verdicts: [] },
      6: { verdicts: [verdict("Exercise 1", "pass")] },
      7: { verdicts: ["{not json"] },
    }),
  );
  assert.deepEqual(results(rows), ["Exercise 1: error", "Exercise 2: error", "Exercise 3: error"]);
  assert.match(rows[0].reason, /ran but showed no verdict for Exercise 1/);
  assert.match(rows[1].reason, /no verdict for Exercise 2/);
  assert.match(rows[2].reason, /a verdict that is not JSON/);
});

test("another version of the lesson: a missing exercise, another checker, an unknown label", () => {
  const older: Notebook = {
    cells: [
      ...lessonNotebook.cells.slice(0, 6),
      code('checkDerivative(b, f, { label: "Exercise 2" });'),
      code('checkDerivative(d, f, { label: "Exercise 4" });'),
    ],
  };
  const rows = gradeLesson(
    "ada",
    lesson,
    older,
    runOf(older, {
      ...allPass,
      6: { verdicts: [verdict("Exercise 2", "pass")] },
      7: { verdicts: [verdict("Exercise 4", "pass")] },
    }),
  );
  assert.deepEqual(results(rows), [
    "Exercise 1: pass",
    "Exercise 2: error",
    "Exercise 3: error",
    "Exercise 4: error",
  ]);
  assert.match(
    rows[1].reason,
    /checks Exercise 2 with checkDerivative, the course's lesson 09 checks it with checkGradient: .*older version/,
  );
  assert.match(rows[2].reason, /no cell of this notebook checks Exercise 3 .*older version/);
  assert.match(rows[3].reason, /not an exercise of the course's lesson 09 .*older version/);
});

test("an exercise is found by its grade_id, or by its label when the checker call moved to another cell", () => {
  const moved: Notebook = {
    cells: [
      ...lessonNotebook.cells.slice(0, 4),
      code("const a = (x: number): number => 2 * x;", { grade_id: "exercise-1" }),
      code('checkDerivative(a, f, { label: "Exercise 1" });'),
    ],
  };
  assert.deepEqual(locateExercise(moved, lesson.exercises[0]), {
    index: 5,
    checker: "checkDerivative",
  });
  assert.deepEqual(locateExercise(lessonNotebook, lesson.exercises[1]), {
    index: 6,
    checker: "checkGradient",
  });
});

test("a notebook the kernel could not run makes every exercise an error with the runner's reason", () => {
  const rows = gradeLesson("ada", lesson, lessonNotebook, {
    notebook: "x",
    seconds: 0,
    error: "nbformat cannot read it: NotJSONError",
    cells: [],
  });
  assert.deepEqual(results(rows), ["Exercise 1: error", "Exercise 2: error", "Exercise 3: error"]);
  assert.match(rows[0].reason, /did not run: nbformat cannot read it/);
});

test("the error line of a failed cell is the thrown error, or the compile error", () => {
  assert.equal(
    errorLine("evalmachine.<anonymous>:7\nthrow e;\n^\n\nError: boom\n    at …"),
    "Error: boom",
  );
  assert.equal(
    errorLine("TypeError: x is not a function\n  at y"),
    "TypeError: x is not a function",
  );
  assert.equal(errorLine("1:1 - Cannot find name 'q'.\n"), "1:1 - Cannot find name 'q'.");
});

test("grades.csv quotes what needs quoting and defuses spreadsheet formulas", () => {
  assert.equal(csvField("plain"), "plain");
  assert.equal(csvField('say "hi", then'), '"say ""hi"", then"');
  assert.equal(csvField("=HYPERLINK(1)"), "'=HYPERLINK(1)");
  const csv = gradesCsv([
    { learner: "ada", lesson: "01-x", exercise: "Exercise 1", result: "fail", reason: "a\nb, c" },
  ]);
  assert.equal(csv, 'learner,lesson,exercise,result,reason\nada,01-x,Exercise 1,fail,"a b, c"\n');
});

const someRows: GradeRow[] = [
  ...["Exercise 1", "Exercise 2", "Exercise 3"].map((exercise, i) => ({
    learner: "ada",
    lesson: lesson.name,
    exercise,
    result: (["pass", "fail", "error"] as const)[i],
    reason: i === 0 ? "" : `reason ${i}`,
  })),
  ...["Exercise 1", "Exercise 2", "Exercise 3"].map((exercise) => ({
    learner: '<b>"bob"</b>',
    lesson: lesson.name,
    exercise,
    result: "not attempted" as const,
    reason: "✗ Not answered yet: <hint>",
  })),
];

test("the summary shows one mark per exercise and each exercise's pass rate", () => {
  const text = summaryTable(someRows, [lesson]);
  assert.match(text, /^learner +09 +passed$/m);
  assert.match(text, /^ada +✓✗! +1\/3$/m);
  assert.match(text, /^<b>"bob"<\/b> +○○○ +0\/3$/m);
  assert.match(text, /09 Exercise 1: 1\/2 passed \(0 fail, 1 not attempted, 0 error\)/);
});

test("the report is one offline page: nothing loaded, no script, learners' text escaped", () => {
  const html = reportHtml(someRows, [lesson], { folder: "class/", date: "2026-12-03 10:00" });
  assert.doesNotMatch(html, /<script|https?:\/\/|src=|<link/i);
  assert.doesNotMatch(html, /<b>"bob"/);
  assert.match(html, /&lt;b&gt;&quot;bob&quot;&lt;\/b&gt;/);
  assert.match(html, /&lt;hint&gt;/);
  assert.match(html, /1 of 2 \(50 %\)/);
  assert.match(html, /<html lang="en">/);
  // A screen reader hears each mark as words.
  assert.match(html, /<span class="visually-hidden">Exercise 2: fail\.<\/span>/);
  // bob's three rows share a reason: one line of the problems table.
  assert.equal(html.match(/Not answered yet/g)?.length, 1);
});

test("a learner's lessons are found by course name, in notebooks/ (a hub folder) or not, or by number", () => {
  const folder = mkdtempSync(path.join(tmpdir(), "downhill-grade-find-"));
  const lessons = courseLessons().slice(0, 3);
  mkdirSync(path.join(folder, "notebooks"));
  writeFileSync(path.join(folder, "notebooks", lessons[0].file), "{}");
  writeFileSync(path.join(folder, "02-my-copy.ipynb"), "{}");
  writeFileSync(path.join(folder, "notes.txt"), "");
  symlinkSync(path.join(folder, "notebooks"), path.join(folder, "notebooks", "src"));
  const { files, others } = findLessons(folder, lessons);
  assert.deepEqual(
    [...files].map(([lesson, file]) => [lesson, path.relative(folder, file)]),
    [
      [lessons[0].name, `notebooks/${lessons[0].file}`],
      [lessons[1].name, "02-my-copy.ipynb"],
    ],
  );
  assert.deepEqual(others, ["notes.txt"]);
});

test("a file that is not a notebook, or a corrupt one, is named before any kernel starts", () => {
  assert.match(notebookProblem("my notes")!, /^not a notebook: not JSON/);
  assert.match(
    notebookProblem('{"cells": "oops"}')!,
    /^a corrupt notebook: JSON without a list of cells/,
  );
  assert.match(notebookProblem('{"cells": [{}]}')!, /a cell without a cell_type/);
  assert.equal(notebookProblem('{"cells": [{"cell_type": "code"}]}'), undefined);
});

test("the teacher's page lists each lesson's core path and minutes, and each checked exercise's checker, as the notebooks do", () => {
  const page = readFileSync(path.join(projectRoot, "docs", "teaching.md"), "utf8");
  const lessons = courseLessons();
  const planned = [...page.matchAll(/^\| (\d\d) · [^|]+\| ([^|]+) \| (\d+) \|$/gm)].map((m) => [
    m[1],
    m[2].trim(),
    m[3],
  ]);
  const stated = (notebookPaths() as string[]).map((file, i) => {
    const nb = JSON.parse(readFileSync(file, "utf8")) as Notebook;
    const text = nb.cells
      .slice(0, 3)
      .map((c) => [c.source].flat().join(""))
      .join("\n");
    const m = text.match(/Core path: (§[^·\n]+?) · about (\d+) minutes/);
    return [lessons[i].number, m?.[1], m?.[2]];
  });
  assert.deepEqual(planned, stated);
  const listed = [...page.matchAll(/^\| (\d\d) \| (Exercise \d+) \| [^|]+ \| `(\w+)` \|$/gm)].map(
    (m) => m.slice(1, 4).join(" "),
  );
  assert.deepEqual(
    listed,
    lessons.flatMap((l) => l.exercises.map((e) => `${l.number} ${e.label} ${e.checker}`)),
  );
});

// No answer leaks from the student edition (issue 27, item 4), without a kernel: `npm run student
// --no-handouts` writes the edition, and every reference solution's code and every Markdown answer of
// the full course is looked for in it, as is any Markdown answer written without markers, and any
// solution spelled out in a module of src/ (tests/helpers/answerLeaks.ts says what counts). The
// student handouts are built from these notebooks (tests/student.test.ts executes them), so what is
// not in the notebooks is not in the handouts.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { notebookPaths } from "../scripts/notebookFormat.mjs";
import { studentMarkdown, studentNotebook } from "../scripts/studentEdition.mjs";
import {
  type LeakNotebook,
  answerLeaks,
  regionsOf,
  runIndex,
  significantPart,
} from "./helpers/answerLeaks";
import { projectRoot } from "../scripts/paths.mjs";

const read = (file: string): LeakNotebook => JSON.parse(readFileSync(file, "utf8"));

/** The modules of src/ a learner can open: every `.ts` file but the tests. */
function srcModules(): Map<string, string> {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
    );
  return new Map(
    walk(path.join(projectRoot, "src"))
      .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
      .map((file) => [path.relative(projectRoot, file), readFileSync(file, "utf8")]),
  );
}

test("a Markdown answer is removed with its markers, and bad markers are named with their cell", () => {
  const text =
    "**Exercise 2.** Why?\n<!-- BEGIN ANSWER -->\nBecause ∇L₂ = 2∇L.\n<!-- END ANSWER -->\nNext.";
  assert.deepEqual(studentMarkdown(text), { source: "**Exercise 2.** Why?\nNext.", regions: 1 });
  // Quoted as inline code, a marker is text.
  const quoted = "Answers go between `<!-- BEGIN ANSWER -->` and `<!-- END ANSWER -->`.";
  assert.deepEqual(studentMarkdown(quoted), { source: quoted, regions: 0 });
  assert.throws(
    () => studentMarkdown("<!-- BEGIN ANSWER -->\nsecret", "02.ipynb, cell 74 (id a)"),
    /02.ipynb, cell 74 \(id a\), line 1: "<!-- BEGIN ANSWER -->" is never closed/,
  );
  assert.throws(
    () => studentMarkdown("secret\n<!-- END ANSWER -->"),
    /line 2: "<!-- END ANSWER -->" without a "<!-- BEGIN ANSWER -->"/,
  );
  assert.throws(
    () => studentMarkdown("<!-- BEGIN ANSWER -->\n<!-- BEGIN ANSWER -->\n<!-- END ANSWER -->"),
    /line 2: .* inside the answer opened at line 1/,
  );
  assert.throws(
    () => studentMarkdown("(Answer: 2η) <!-- BEGIN ANSWER -->\nx\n<!-- END ANSWER -->"),
    /line 1: "<!-- BEGIN ANSWER -->" must stand on a line of its own/,
  );
});

test("the student notebook drops Markdown answers, names their cells, and leaves code markers alone", () => {
  const nb = {
    cells: [
      {
        cell_type: "markdown",
        id: "ex",
        metadata: {},
        source: "Q?\n<!-- BEGIN ANSWER -->\nA.\n<!-- END ANSWER -->",
      },
      {
        cell_type: "code",
        id: "c",
        metadata: {},
        source: "// <!-- BEGIN ANSWER -->\n1",
        outputs: [],
      },
    ],
    metadata: {},
  };
  const { notebook, regions, answers } = studentNotebook(nb, "fixture.ipynb");
  assert.deepEqual(answers, [{ cell: "ex", count: 1 }]);
  assert.deepEqual(regions, []);
  assert.deepEqual(notebook.cells[0].source, ["Q?"]);
  assert.throws(
    () =>
      studentNotebook(
        { cells: [{ cell_type: "markdown", id: "m", source: "<!-- BEGIN ANSWER -->" }] },
        "fixture.ipynb",
      ),
    /fixture.ipynb, cell 1 \(id m\), line 1: "<!-- BEGIN ANSWER -->" is never closed/,
  );
});

test("a significant line is the code without its comment, 12 characters or more", () => {
  assert.equal(significantPart("  return 1 / c;   // |1 − 2cη| < 1", "solution"), "return 1 / c;");
  assert.equal(significantPart("  return out;", "solution"), null);
  assert.equal(significantPart("  // Σⱼ δⱼ w⁽¹⁾ⱼᵢ", "solution"), null);
  assert.equal(significantPart("so a step on L₂ // is 2η", "answer"), "so a step on L₂ // is 2η");
});

/** A tiny course: an exercise text, a solution with its checker, a Markdown question and answer. */
function fixture({ markers = true, later = "", intro = "" } = {}) {
  const markdown = (id: string, source: string) => ({ cell_type: "markdown", id, source });
  const code = (id: string, source: string) => ({ cell_type: "code", id, source });
  const answer = "A step on L₂ with rate η is a step on L with rate 2η.";
  return {
    cells: [
      code("setup", 'import { checkStableRate, yourTurn } from "./src/index";\nconst c = 3;'),
      markdown("ex1", `**Exercise 1.** The largest stable rate.${intro}`),
      code(
        "sol1",
        "const largest = (c: number): number => {\n  // BEGIN SOLUTION\n  return 1 / c;   // |1 − 2cη| < 1\n  // END SOLUTION\n};\ncheckStableRate(largest);",
      ),
      markdown(
        "ex2",
        markers
          ? `**Exercise 2.** Why?\n<!-- BEGIN ANSWER -->\n${answer}\n<!-- END ANSWER -->`
          : `**Exercise 2.** Why?\n\n(Answer to the question: ${answer})`,
      ),
      code("after", `show(largest(c));${later}`),
    ],
  };
}
const studentOf = (nb: LeakNotebook) => studentNotebook(nb, "fixture.ipynb").notebook;

test("the scan finds no leak in a course whose solutions and answers are all between markers", () => {
  const nb = fixture();
  assert.deepEqual(
    regionsOf(nb).map((r) => [r.kind, r.id]),
    [
      ["solution", "sol1"],
      ["answer", "ex2"],
    ],
  );
  const src = runIndex(new Map([["src/optim/other.ts", "export const other = 2 * x + 1;"]]));
  assert.deepEqual(answerLeaks("fixture.ipynb", nb, studentOf(nb), src), []);
});

test("the scan names a solution repeated after its exercise, and a Markdown answer without markers", () => {
  const repeated = fixture({ later: "\nconst again = () => { return 1 / c; };" });
  assert.deepEqual(answerLeaks("fixture.ipynb", repeated, studentOf(repeated)), [
    'fixture.ipynb, solution in cell 3 (id sol1): "return 1 / c;" stands in the student edition, cell 5 (id after)',
  ]);
  const unmarked = fixture({ markers: false });
  assert.deepEqual(answerLeaks("fixture.ipynb", unmarked, studentOf(unmarked)), [
    'fixture.ipynb, cell 4 (id ex2): an answer without <!-- BEGIN ANSWER --> / <!-- END ANSWER --> markers: "(Answer to the question: A step on L₂ with rate η is a step on L with rate 2η.)"',
  ]);
  // A Markdown answer's text left elsewhere in the edition is found wherever it stands.
  const echoed = fixture({ later: "\n// A step on L₂ with rate η is a step on L with rate 2η." });
  assert.match(
    answerLeaks("fixture.ipynb", echoed, studentOf(echoed)).join("\n"),
    /answer in cell 4 \(id ex2\): "A step on L₂ .*" stands in the student edition, cell 5 \(id after\)/,
  );
});

test("the scan names the src file that spells a solution out, unless the exercise sends the learner there", () => {
  const nb = fixture();
  nb.cells[2].source = nb.cells[2].source.replace(
    "return 1 / c;",
    "return { w: w.map((wi, i) => wi + beta * v[i] - eta * g[i]) };",
  );
  const src = runIndex(
    new Map([
      [
        "src/optim/step.ts",
        "/** @example step((w, v, g) => ({ w: w.map((wi, i) => wi + beta * v[i] - eta * g[i]) })) */",
      ],
    ]),
  );
  assert.deepEqual(answerLeaks("fixture.ipynb", nb, studentOf(nb), src), [
    "fixture.ipynb, solution in cell 3 (id sol1): 85% of its code is spelled out in src/optim/step.ts",
  ]);
  const sent = fixture({ intro: " Try it before you open `src/optim/step.ts`." });
  sent.cells[2].source = nb.cells[2].source;
  assert.deepEqual(answerLeaks("fixture.ipynb", sent, studentOf(sent), src), []);
});

describe("the student edition `npm run student` writes", () => {
  const outDir = path.join(projectRoot, "build", "student-leaks");
  const src = runIndex(srcModules());
  before(() => {
    const made = spawnSync(
      process.execPath,
      ["scripts/studentEdition.mjs", "--out", outDir, "--no-handouts"],
      { cwd: projectRoot, encoding: "utf8" },
    );
    assert.equal(made.status, 0, made.stderr);
  });
  for (const file of notebookPaths()) {
    const name = path.basename(file);
    test(`${name} gives away no reference solution and no Markdown answer, and src/ spells none out`, () => {
      const leaks = answerLeaks(name, read(file), read(path.join(outDir, "notebooks", name)), src);
      assert.deepEqual(leaks, [], `${leaks.length} leak(s):\n${leaks.join("\n")}`);
    });
  }
});

// A learner's copy of the course (scripts/hub/learnerCopy.mjs, run before each learner's server starts
// on the hub and in the Docker image): the notebooks copied, src/data/node_modules/deno.json linked; a course
// update adds new lessons and never overwrites a lesson the learner already has.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { provisionLearner } from "../scripts/hub/learnerCopy.mjs";
import { projectRoot } from "../scripts/paths.mjs";

test("the learner's notebooks are copies; an update adds lessons and keeps the learner's work", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "downhill-learner-copy-"));
  try {
    const course = path.join(dir, "course");
    for (const sub of ["notebooks", "src", "data", "node_modules"])
      mkdirSync(path.join(course, sub), { recursive: true });
    writeFileSync(path.join(course, "deno.json"), "{}");
    const lesson = (name: string) => path.join(course, "notebooks", name);
    writeFileSync(lesson("01-a.ipynb"), "course v1");
    writeFileSync(lesson("notes.txt"), "not a notebook");
    const home = path.join(dir, "learners", "ada");

    assert.deepEqual(provisionLearner(home, course, { solutions: true }), {
      copied: ["01-a.ipynb"],
      linked: ["notebooks/src", "data", "node_modules", "deno.json"],
    });
    const mine = path.join(home, "notebooks", "01-a.ipynb");
    assert.equal(readFileSync(mine, "utf8"), "course v1");
    assert.equal(readlinkSync(path.join(home, "notebooks", "src")), path.join(course, "src"));
    assert.equal(readlinkSync(path.join(home, "data")), path.join(course, "data"));

    writeFileSync(mine, "ada's work"); // the learner edits her copy…
    writeFileSync(lesson("01-a.ipynb"), "course v2"); // …and the course is updated
    writeFileSync(lesson("02-b.ipynb"), "new lesson");
    assert.deepEqual(provisionLearner(home, course, { solutions: true }), {
      copied: ["02-b.ipynb"],
      linked: [],
    });
    assert.equal(readFileSync(mine, "utf8"), "ada's work");
    assert.equal(
      readFileSync(lesson("01-a.ipynb"), "utf8"),
      "course v2",
      "the course is untouched",
    );
    assert.equal(readFileSync(path.join(home, "notebooks", "02-b.ipynb"), "utf8"), "new lesson");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a learner's copy is the student edition: no reference solution or Markdown answer, the stub instead", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "downhill-learner-student-"));
  try {
    const home = path.join(dir, "ada");
    const { copied } = provisionLearner(home, projectRoot);
    assert.ok(copied.length >= 6, `copied ${copied.join(", ")}`);
    for (const name of copied) {
      const mine = readFileSync(path.join(home, "notebooks", name), "utf8");
      const course = readFileSync(path.join(projectRoot, "notebooks", name), "utf8");
      const cells: { cell_type: string; source: string[] }[] = JSON.parse(mine).cells;
      for (const cell of cells)
        assert.doesNotMatch(
          cell.source.join(""),
          /^\s*\/\/ BEGIN SOLUTION|<!-- BEGIN ANSWER -->/m,
          name,
        );
      if (/BEGIN SOLUTION/.test(course)) assert.match(mine, /return yourTurn\(\);/, name);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

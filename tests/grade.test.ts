// `npm run grade` on a class made from the course (lessons 01 and 02 only, to keep the suite's time
// budget), in the real tslab kernel, learners two at a time: the reference solutions pass every checked
// exercise, the student edition none (every one "not attempted"), a lesson 2 whose first code cell
// throws none of lesson 2 (each row saying why); bad input is a row with its reason, never a crash:
// an endless loop, a corrupt notebook, a file that is not a notebook, an older version of a lesson, an
// empty folder, a folder missing from the class list, a file where a folder should be. The learners'
// folders are only read; the report opens offline with no serious accessibility violation.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { launchBrowser, offlineContext } from "../scripts/handouts/browser.mjs";
import { projectRoot } from "../scripts/environment.mjs";
import {
  courseNotebook,
  exercisesOnly,
  linkSrc,
  olderVersion,
  studentEdition,
  withFirstCellEnding,
  write,
} from "./helpers/gradeClass";
import { jupyterEnv, jupyterPython } from "./helpers/jupyter";

const work = mkdtempSync(path.join(tmpdir(), "downhill-grade-test-"));
const dir = path.join(work, "class");
const classList = path.join(work, "class.txt");
const one = courseNotebook("01");
const two = courseNotebook("02");
let output = "";
let status: number | null = null;
let seconds = 0;
let rows: Record<string, string>[] = [];
let before_: Map<string, string>;

/** Every file under a folder (not following links) with its content hash: to see that nothing changed. */
function snapshot(folder: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const full = path.join(at, name);
      const s = statSync(full, { throwIfNoEntry: false });
      if (!s || full === path.join(dir, "grades.csv") || full === path.join(dir, "grades.html"))
        continue;
      if (s.isDirectory() && !full.endsWith(`${path.sep}src`)) walk(full);
      else if (s.isFile())
        found.set(
          full,
          `${s.mtimeMs} ${createHash("sha1").update(readFileSync(full)).digest("hex")}`,
        );
    }
  };
  walk(folder);
  return found;
}

/** grades.csv's rows as objects (RFC 4180 quoting). */
function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") (record.push(field), (field = ""));
    else if (ch === "\n") (record.push(field), records.push(record), (record = []), (field = ""));
    else field += ch;
  }
  const [header, ...body] = records;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

const of = (learner: string, lesson?: string) =>
  rows.filter(
    (r) => r.learner === learner && (lesson === undefined || r.lesson.startsWith(lesson)),
  );
const resultsOf = (learner: string, lesson?: string) =>
  of(learner, lesson).map((r) => `${r.lesson.slice(0, 2)} ${r.exercise}: ${r.result}`);

before(async () => {
  // The three learners of the issue.
  for (const l of [one, two]) write(path.join(dir, "ref", l.file), l.nb);
  // The student edition, in a hub learner's layout (notebooks/ with its src link).
  for (const l of [one, two])
    write(path.join(dir, "stu", "notebooks", l.file), studentEdition(l.nb));
  linkSrc(path.join(dir, "stu", "notebooks"), projectRoot);
  // slip hands in lesson 2 only: lesson 1 is "not attempted".
  write(
    path.join(dir, "slip", two.file),
    withFirstCellEnding(two.nb, 'throw new Error("a slip in the first cell");'),
  );
  // Bad input. Short copies of lesson 1 (the import cell and the exercises) keep the kernel runs short.
  write(
    path.join(dir, "dora", one.file),
    exercisesOnly(one.nb, {
      "Exercise 2": (s) => s.replace("checkDerivative(", "while (true) {}\ncheckDerivative("),
    }),
  );
  write(path.join(dir, "dora", two.file), '{"nbformat": 4, "cells": "oops"}');
  write(path.join(dir, "eve", one.file), olderVersion(one.nb));
  write(path.join(dir, "eve", two.file), "my notes for lesson 2\n");
  write(path.join(dir, "eve", "notes.txt"), "not a lesson\n");
  mkdirSync(path.join(dir, "finn"));
  writeFileSync(path.join(dir, "zed.txt"), "a file where a learner's folder should be\n");
  writeFileSync(classList, "ref\nstu\nslip\ndora\neve\nfinn\ngus\n");
  before_ = snapshot(dir);

  jupyterPython(); // fails early, with its message, when Jupyter is missing
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/grade/grade.ts",
      dir,
      "--jobs",
      "2",
      "--timeout",
      "15",
      "--class",
      classList,
    ],
    { cwd: projectRoot, env: jupyterEnv(), stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  status = await new Promise((resolve) => child.on("close", resolve));
  seconds = (Date.now() - started) / 1000;
  console.log(output);
  console.log(`# npm run grade: ${seconds.toFixed(1)} s`);
  rows = parseCsv(readFileSync(path.join(dir, "grades.csv"), "utf8"));
});

after(() => rmSync(work, { recursive: true, force: true }));

test("the command succeeds and prints the summary, every learner of the folder and of the class list", () => {
  assert.equal(status, 0, output);
  assert.deepEqual(
    [...new Set(rows.map((r) => r.learner))],
    ["dora", "eve", "finn", "gus", "ref", "slip", "stu", "zed.txt"],
  );
  assert.match(output, /^learner +01 +02 +passed$/m);
  assert.match(output, /^ref +✓✓✓ +✓✓✓ +6\/6$/m);
  assert.match(output, /pass rate per exercise:/);
  assert.match(output, /not graded \(not a lesson of the course\): notes\.txt/);
});

test("the reference solutions pass every checked exercise", () => {
  assert.deepEqual(resultsOf("ref"), [
    "01 Exercise 1: pass",
    "01 Exercise 2: pass",
    "01 Exercise 3: pass",
    "02 Exercise 1: pass",
    "02 Exercise 2: pass",
    "02 Exercise 3: pass",
  ]);
});

test("the student edition passes none: each exercise is not attempted, with the checker's hint", () => {
  assert.equal(of("stu").length, 6);
  for (const r of of("stu")) {
    assert.equal(r.result, "not attempted", `${r.lesson} ${r.exercise}`);
    assert.match(r.reason, new RegExp(`^✗ ${r.exercise}: Not answered yet: .+`));
  }
});

test("a lesson 2 that throws in its first code cell passes nothing in lesson 2, each row saying why", () => {
  assert.deepEqual(resultsOf("slip", "01"), [
    "01 Exercise 1: not attempted",
    "01 Exercise 2: not attempted",
    "01 Exercise 3: not attempted",
  ]);
  assert.match(
    of("slip", "01")[0].reason,
    /^no 01-.*\.ipynb in slip\/ \(nor in slip\/notebooks\/\)$/,
  );
  assert.equal(of("slip", "02").length, 3);
  for (const r of of("slip", "02")) {
    assert.equal(r.result, "error");
    assert.match(
      r.reason,
      /^the lesson failed before its exercises: code cell 1 \(.*\) failed: Error: a slip in the first cell/,
    );
  }
});

test("an endless loop is stopped by the time limit; the exercises before and after it are graded", () => {
  assert.deepEqual(resultsOf("dora", "01"), [
    "01 Exercise 1: pass",
    "01 Exercise 2: error",
    "01 Exercise 3: pass",
  ]);
  assert.match(
    of("dora", "01")[1].reason,
    /^its cell, code cell 3 \(.*\) timed out: ran longer than 15 s \(an endless loop\?\) and was interrupted/,
  );
});

test("a corrupt notebook and a file that is not a notebook are rows with the reason", () => {
  for (const r of of("dora", "02")) {
    assert.equal(r.result, "error");
    assert.match(r.reason, /a corrupt notebook: JSON without a list of cells/);
  }
  for (const r of of("eve", "02")) {
    assert.equal(r.result, "error");
    assert.match(r.reason, /not a notebook: not JSON/);
  }
});

test("an older version of a lesson: its matching exercises graded, the others named as another version", () => {
  assert.deepEqual(resultsOf("eve", "01"), [
    "01 Exercise 1: pass",
    "01 Exercise 2: pass",
    "01 Exercise 3: error",
    "01 Exercise 4: error",
  ]);
  assert.match(
    of("eve", "01")[2].reason,
    /no cell of this notebook checks Exercise 3 .*older version/,
  );
  assert.match(
    of("eve", "01")[3].reason,
    /not an exercise of the course's lesson 01 .*older version/,
  );
});

test("an empty folder, a learner without a folder, a file instead of a folder: error rows that say so", () => {
  const expect = {
    finn: /the folder is empty/,
    gus: /no folder gus\//,
    "zed.txt": /is a file, not a folder/,
  };
  for (const [learner, reason] of Object.entries(expect)) {
    assert.equal(of(learner).length, 6, learner);
    for (const r of of(learner)) {
      assert.equal(r.result, "error");
      assert.match(r.reason, reason);
    }
  }
});

test("a pass is only ever a checker's verdict: no learner passes an exercise that errored or was a stub", () => {
  const passes: Record<string, number> = {};
  for (const r of rows.filter((r) => r.result === "pass"))
    passes[r.learner] = (passes[r.learner] ?? 0) + 1;
  // ref's six, dora's and eve's exercises of lesson 1 that ran cleanly.
  assert.deepEqual(passes, { dora: 2, eve: 2, ref: 6 });
});

test("the learners' folders are only read", () => {
  assert.deepEqual(snapshot(dir), before_);
});

test("the report opens offline, agrees with the CSV and has no serious accessibility violation", async () => {
  const html = path.join(dir, "grades.html");
  const text = readFileSync(html, "utf8");
  assert.match(text, /10 pass/);
  assert.match(text, /3 of 8 \(38 %\)/); // lesson 1's exercise 1: ref, dora, eve
  assert.match(text, /1 of 8 \(13 %\)/); // lesson 2's exercises: ref only
  const browser = await launchBrowser();
  try {
    const { context, blocked } = await offlineContext(browser);
    const page = await context.newPage();
    await page.goto(`file://${html}`);
    const axe = readFileSync(createRequire(__filename).resolve("axe-core/axe.min.js"), "utf8");
    await page.addScriptTag({ content: axe });
    const violations = await page.evaluate(async () => {
      const result = await (window as any).axe.run(document, { resultTypes: ["violations"] });
      return result.violations.map((v: any) => `${v.id} (${v.impact})`);
    });
    assert.deepEqual(violations, []);
    assert.deepEqual(blocked, [], "the report asks for nothing outside the file");
  } finally {
    await browser.close();
  }
});

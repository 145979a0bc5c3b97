// The handout builder's pure functions (scripts/handouts), without a browser or a kernel: the course
// page's lines, which highlighting classes a style sheet uses, and when an executed copy of a notebook
// is fresh enough to reuse (the rule that lets every test share one execution of the course).
import assert from "node:assert/strict";
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { staleReason } from "../scripts/handouts/executed.mjs";
import { highlightClasses } from "../scripts/handouts/highlighting.mjs";
import { inlineMarkdown, lessonSummary } from "../scripts/handouts/indexPage.mjs";
import { notebookPaths } from "../scripts/notebookFormat.mjs";
import { codePage } from "./helpers/highlightedCode";

test("a lesson's line on the course page is its first heading and the paragraph after it", () => {
  const nb = {
    cells: [
      { cell_type: "code", source: "x" },
      {
        cell_type: "markdown",
        source: [
          "# 2 · Steepest descent\n",
          "\n",
          "*Why the gradient\n",
          "points uphill.*\n",
          "\n",
          "**You will learn**",
        ],
      },
    ],
  };
  assert.deepEqual(lessonSummary(nb), {
    title: "2 · Steepest descent",
    blurb: "Why the gradient points uphill.",
  });
  assert.equal(
    inlineMarkdown("a *b* **c** `d<e>` $x^2$"),
    "a <em>b</em> <strong>c</strong> <code>d&lt;e&gt;</code> $x^2$",
  );
});

test("highlightClasses reads which classes the sheet styles, and how", () => {
  const classes = highlightClasses(codePage);
  assert.equal(classes.get("k"), "colour");
  assert.equal(classes.get("err"), "other");
  assert.equal(classes.has("nx"), false);
});

test("an executed copy is reused only when it is newer than its inputs, has the notebook's code and no error", () => {
  const notebook = (notebookPaths() as string[])[0];
  const dir = mkdtempSync(path.join(tmpdir(), "downhill-executed-"));
  try {
    const copy = path.join(dir, path.basename(notebook));
    assert.equal(staleReason(notebook, dir), "not executed yet");
    const nb = JSON.parse(readFileSync(notebook, "utf8"));
    let count = 0;
    for (const cell of nb.cells) if (cell.cell_type === "code") cell.execution_count = ++count;
    writeFileSync(copy, JSON.stringify(nb));
    assert.equal(staleReason(notebook, dir), null);
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(copy, old, old);
    assert.match(staleReason(notebook, dir) ?? "", /older than its notebook, src/);
    const edited = structuredClone(nb);
    edited.cells.find((c: { cell_type: string }) => c.cell_type === "code").source = "1 + 1";
    writeFileSync(copy, JSON.stringify(edited));
    assert.equal(staleReason(notebook, dir), "its code differs from the notebook");
    const failed = structuredClone(nb);
    failed.cells.find((c: { cell_type: string }) => c.cell_type === "code").outputs = [
      { output_type: "error", ename: "", evalue: "", traceback: [] },
    ];
    writeFileSync(copy, JSON.stringify(failed));
    assert.equal(staleReason(notebook, dir), "it has an error or an unexecuted cell");
    copyFileSync(notebook, copy); // the clean notebook: no cell executed
    assert.equal(staleReason(notebook, dir), "it has an error or an unexecuted cell");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

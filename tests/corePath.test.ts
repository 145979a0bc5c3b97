import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { notebookPaths } from "../scripts/notebookFormat.mjs";
import {
  coreCells,
  estimateMinutes,
  expandSections,
  findCorePath,
  numberedSections,
  type NotebookCell,
} from "./helpers/lessonMinutes";

const SESSION_MINUTES = 90; // one class session
const SLACK_MINUTES = 15; // a stated time may round up, but not hide a short lesson behind a long one

for (const file of notebookPaths() as string[]) {
  const name = path.basename(file);
  const cells: NotebookCell[] = JSON.parse(readFileSync(file, "utf8")).cells;

  test(`${name} states its core path and minutes in its first three Markdown cells`, () => {
    const core = findCorePath(cells);
    assert.ok(
      core,
      `${name}: no "Core path: §… · about N minutes" line in the first three Markdown cells`,
    );
    const known = numberedSections(cells);
    const unknown = core.sections.filter((s) => !known.includes(s));
    assert.deepEqual(unknown, [], `${name}: the core path names sections the lesson does not have`);
  });

  test(`${name}'s core path fits one ${SESSION_MINUTES}-minute session and its minutes match the page`, () => {
    const core = findCorePath(cells);
    assert.ok(core);
    const estimate = estimateMinutes(coreCells(cells, core.sections));
    const evidence = `${core.line}; estimated ${estimate.minutes.toFixed(1)} min from ${estimate.words} words, ${estimate.codeCells} code cells, ${estimate.codeLines} code lines`;
    assert.ok(core.minutes <= SESSION_MINUTES, `${name}: ${evidence}: longer than a session`);
    assert.ok(
      core.minutes >= Math.ceil(estimate.minutes),
      `${name}: ${evidence}: states fewer minutes than the page takes`,
    );
    assert.ok(
      core.minutes <= Math.ceil(estimate.minutes) + SLACK_MINUTES,
      `${name}: ${evidence}: states far more minutes than the page takes`,
    );
  });
}

test("section lists expand ranges and lists, and refuse what they cannot read", () => {
  assert.deepEqual(expandSections("§4.1–4.3, §4.7"), ["4.1", "4.2", "4.3", "4.7"]);
  assert.deepEqual(expandSections("§2.1-§2.2 and §2.5"), ["2.1", "2.2", "2.5"]);
  assert.throws(() => expandSections("§4.1–5.2"), /spans two lessons/);
  assert.throws(() => expandSections("§intro"), /cannot read/);
});

test("the estimate leaves out optional sections and exercises, and counts words, cells and lines", () => {
  const md = (source: string): NotebookCell => ({ cell_type: "markdown", source });
  const code = (source: string): NotebookCell => ({ cell_type: "code", source });
  const cells = [
    md("# 9 · A lesson\n\nCore path: §9.1 · about 5 minutes"),
    md("## 9.1 Core\n\none two three"),
    code("const a = 1;\n\nshow(a);"),
    md("## 9.2 Optional\n\nfour five"),
    code("skipped();"),
    md("## Going deeper\n\nsix"),
    md("## Summary\n\nseven"),
    md("## Exercises\n\neight nine"),
    code("exercise();"),
  ];
  const core = findCorePath(cells);
  assert.ok(core);
  assert.deepEqual(core.sections, ["9.1"]);
  const kept = coreCells(cells, core.sections);
  assert.deepEqual(
    kept.map((c) => [c.source].flat().join("").slice(0, 8)),
    ["# 9 · A ", "## 9.1 C", "const a ", "## Summa"],
  );
  const estimate = estimateMinutes(kept);
  assert.equal(estimate.codeCells, 1);
  assert.equal(estimate.codeLines, 2);
  // "9 A lesson Core path 9.1 about 5 minutes" + "9.1 Core one two three" + "Summary seven"
  assert.equal(estimate.words, 9 + 5 + 2);
});

// Markdown that gives an exercise's answer away sits between `<!-- BEGIN ANSWER -->` and
// `<!-- END ANSWER -->` lines, which the student edition removes (CONTRIBUTING.md, "Exercises and the
// student edition"). This test holds the markers' form in every lesson, and finds an answer written
// outside them: a line that opens with "Answer" (as "(Answer to the question: …)" did in lesson 2).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { notebookPaths } from "../scripts/notebookFormat.mjs";

const BEGIN = "<!-- BEGIN ANSWER -->";
const END = "<!-- END ANSWER -->";
const answerLine = /^\s*[(*_]*\s*answer\b/i;

interface Cell {
  cell_type: string;
  id: string;
  source: string | string[];
}

/** Everything wrong with one Markdown cell's answer markers and answers, as sentences. */
function answerProblems(markdown: string, where: string): string[] {
  const found: string[] = [];
  let open: number | undefined;
  markdown.split("\n").forEach((line, i) => {
    const at = `${where}, line ${i + 1}`;
    const marker = line.includes(BEGIN) ? BEGIN : line.includes(END) ? END : undefined;
    if (marker && line.trim() !== marker) found.push(`${at}: ${marker} must be a line of its own`);
    if (marker === BEGIN) {
      if (open !== undefined) found.push(`${at}: ${BEGIN} inside the answer opened at ${open}`);
      open = i + 1;
    } else if (marker === END) {
      if (open === undefined) found.push(`${at}: ${END} without ${BEGIN} before it`);
      open = undefined;
    } else if (open === undefined && answerLine.test(line)) {
      found.push(`${at}: an answer outside ${BEGIN} … ${END}: ${line.trim().slice(0, 60)}`);
    }
  });
  if (open !== undefined) found.push(`${where}, line ${open}: ${BEGIN} is never closed`);
  return found;
}

test("the answer check finds an unmarked answer and malformed markers, and accepts marked ones", () => {
  assert.deepEqual(answerProblems(`Question?\n\n${BEGIN}\n(Answer: 2η.)\n${END}\n`, "c"), []);
  assert.match(answerProblems("(Answer to the question: 2η.)", "c").join(), /outside/);
  assert.match(answerProblems(`${BEGIN}\n(Answer: 2η.)`, "c").join(), /never closed/);
  assert.match(answerProblems(`${END}`, "c").join(), /without/);
  assert.match(answerProblems(`text ${BEGIN}`, "c").join(), /line of its own/);
});

for (const file of notebookPaths() as string[]) {
  const name = path.basename(file);
  test(`${name}: every Markdown answer lies between answer markers`, () => {
    const cells: Cell[] = JSON.parse(readFileSync(file, "utf8")).cells;
    const found = cells
      .filter((cell) => cell.cell_type === "markdown")
      .flatMap((cell) => answerProblems([cell.source].flat().join(""), `${name} cell ${cell.id}`));
    assert.deepEqual(found, []);
  });
}

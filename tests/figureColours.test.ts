// One colour per meaning across every lesson (issue 27, item 6): every figure of every executed lesson
// draws each named quantity (−∇E, +∇E, the minimum ŵ, training and validation error, each optimiser, …)
// in the colour `palette` (src/plot/palette.ts) gives it. Names are read as the learner reads them,
// from legend text, marker names and annotation labels (tests/helpers/figureColours.ts has the
// table). Needs the executed notebooks (executedNotebooks(): reused when fresh), no browser.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { notebookPaths } from "../scripts/notebookFormat.mjs";
import { executedNotebooks } from "./helpers/executedNotebooks";
import { figuresBySection, figureTitle } from "./helpers/executedFigures";
import { colourViolations } from "./helpers/figureColours";

test("every named quantity in every lesson's figures is drawn in its palette colour", () => {
  const dir = executedNotebooks();
  const lines: string[] = [];
  let figures = 0;
  for (const file of notebookPaths()) {
    const lesson = path.basename(file);
    const nb = JSON.parse(readFileSync(path.join(dir, lesson), "utf8"));
    figuresBySection(nb).forEach(({ section, figure }, i) => {
      figures += 1;
      const where = `${lesson}, figure ${i + 1} in ${section} ("${figureTitle(figure)}")`;
      const byName = new Map<string, string[]>();
      for (const v of colourViolations(figure)) {
        const key = `${v.kind} "${v.name}" (${v.quantity}, expected ${v.expected})`;
        byName.set(key, [...(byName.get(key) ?? []), `${v.part} ${v.found}`]);
      }
      for (const [key, parts] of byName) lines.push(`${where}: ${key} has ${parts.join(", ")}`);
    });
  }
  assert.ok(figures > 30, `only ${figures} figures found`);
  assert.deepEqual(lines, [], `${lines.length} colour(s) off the palette:\n${lines.join("\n")}`);
});

// The README and docs/ say what the code and the results say: links resolve, the lesson table lists
// every lesson with the minutes the lesson states, the trace types, checkers and npm scripts named exist,
// and the benchmark tables are a generated region with its machine line. Kernel-free, a second.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { readGeneratedRegion } from "../bench/generatedRegion";
import { notebookPaths } from "../scripts/notebookFormat.mjs";
import { plotlyTraceTypes } from "../src/plot/plotlyBundle";
import { findCorePath, type NotebookCell } from "./helpers/lessonMinutes";

const README_MAX_LINES = 200;

const read = (file: string) => readFileSync(file, "utf8");
const docs = readdirSync("docs")
  .filter((name) => name.endsWith(".md"))
  .map((name) => path.join("docs", name));
const pages = ["README.md", "CONTRIBUTING.md", ...docs];

/** Markdown without fenced code blocks and inline code spans' backticks kept as plain text. */
const withoutCodeBlocks = (markdown: string) => markdown.replace(/^```[\s\S]*?^```/gm, "");

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");

const anchors = (markdown: string) =>
  new Set(
    [...withoutCodeBlocks(markdown).matchAll(/^#{1,6} (.*)$/gm)].map((m) => slug(m[1] as string)),
  );

/** The section of a Markdown page under a `## Title` heading, up to the next `## `. */
function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`\n## ${title}\n`);
  assert.ok(start >= 0, `no "## ${title}" section`);
  const rest = markdown.slice(start + 1);
  const next = rest.indexOf("\n## ", 1);
  return next < 0 ? rest : rest.slice(0, next);
}

test(`the README is at most ${README_MAX_LINES} lines`, () => {
  const lines = read("README.md").split("\n").length;
  assert.ok(lines <= README_MAX_LINES, `README.md has ${lines} lines: move detail to docs/`);
});

test("every relative link in the README, CONTRIBUTING and docs/ resolves to a file and heading", () => {
  const broken: string[] = [];
  let checked = 0;
  for (const page of pages) {
    const text = withoutCodeBlocks(read(page));
    for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1] as string;
      if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:
      checked += 1;
      const [file, anchor] = target.split("#");
      const resolved = file === "" ? page : path.join(path.dirname(page), file as string);
      if (!existsSync(resolved)) {
        broken.push(`${page}: ${target} (no such file)`);
        continue;
      }
      if (anchor !== undefined && resolved.endsWith(".md") && !anchors(read(resolved)).has(anchor))
        broken.push(`${page}: ${target} (${resolved} has no heading #${anchor})`);
    }
  }
  assert.ok(checked >= 15, `only ${checked} relative links found`);
  assert.deepEqual(broken, []);
});

interface LessonRow {
  notebook: string;
  minutes: string;
}

function lessonTable(): { rows: LessonRow[]; total: string | undefined } {
  const rows: LessonRow[] = [];
  let total: string | undefined;
  for (const line of section(read("README.md"), "The lessons").split("\n")) {
    if (!line.startsWith("| ")) continue;
    const cells = line.split(" | ").map((c) => c.replace(/^\| ?|\*\*| ?\|$/g, "").trim());
    const notebook = cells[0]?.match(/\]\(notebooks\/([^)]+\.ipynb)\)/)?.[1];
    if (notebook) rows.push({ notebook, minutes: cells[1] ?? "" });
    else if (cells[0]?.toLowerCase() === "total") total = cells[1];
  }
  return { rows, total };
}

test("the README's lesson table lists every lesson once, with the minutes its core-path line states, and their total", () => {
  const { rows, total } = lessonTable();
  const lessons = (notebookPaths() as string[]).map((file) => path.basename(file));
  assert.deepEqual(
    rows.map((r) => r.notebook),
    lessons,
    "one row per notebook in notebooks/, in order",
  );
  const wrong: string[] = [];
  let sum = 0;
  for (const row of rows) {
    const cells: NotebookCell[] = JSON.parse(read(path.join("notebooks", row.notebook))).cells;
    const core = findCorePath(cells);
    if (!core) {
      wrong.push(
        `${row.notebook} states no "Core path: §… · about N minutes" line (tests/corePath.test.ts requires one)`,
      );
      continue;
    }
    sum += core.minutes;
    if (row.minutes !== String(core.minutes))
      wrong.push(`${row.notebook}: the README says "${row.minutes}", the lesson ${core.minutes}`);
  }
  if (wrong.length === 0 && total !== String(sum))
    wrong.push(`the total row says "${total}"; the lessons add up to ${sum}`);
  assert.deepEqual(wrong, []);
});

test("the plotly trace types the docs name are plotlyTraceTypes", () => {
  const lists = pages.flatMap((page) =>
    [...read(page).matchAll(/trace types the course uses\s+\(([^)]*)\)/g)].map((m) => ({
      page,
      types: [...(m[1] as string).matchAll(/`([a-z0-9]+)`/g)].map((t) => t[1]),
    })),
  );
  assert.ok(lists.length > 0, 'no doc names "the trace types the course uses (…)"');
  for (const { page, types } of lists)
    assert.deepEqual(types, [...plotlyTraceTypes], `${page} lists other trace types`);
});

test("CONTRIBUTING names every exercise checker in src/exercises, and no other", () => {
  const checkers = readdirSync("src/exercises")
    .filter((name) => /^check[A-Z]\w*\.ts$/.test(name) && !name.endsWith(".test.ts"))
    .map((name) => name.replace(/\.ts$/, ""))
    .sort();
  assert.ok(checkers.length >= 9, `only ${checkers.length} checkers found`);
  const named = new Set(
    [...read("CONTRIBUTING.md").matchAll(/`(check[A-Z]\w*)/g)].map((m) => m[1] as string),
  );
  for (const notebookCheck of ["checkClose", "checkThat"]) named.delete(notebookCheck);
  assert.deepEqual([...named].sort(), checkers);
});

test("every npm command the README and docs/ mention is a script in package.json", () => {
  const scripts = Object.keys(JSON.parse(read("package.json")).scripts as object);
  const missing: string[] = [];
  for (const page of ["README.md", ...docs]) {
    for (const m of read(page).matchAll(/\bnpm (?:run ([\w:-]+)|(start|test)\b)/g)) {
      const name = (m[1] ?? m[2]) as string;
      if (!scripts.includes(name)) missing.push(`${page}: npm ${m[0].slice(4)}`);
    }
  }
  assert.deepEqual(missing, []);
});

test("docs/benchmarks.md holds the benchmark tables as a generated region with its machine and date", () => {
  const region = readGeneratedRegion(read("docs/benchmarks.md"), "bench");
  assert.match(region, /^Machine: .+\. Run \d{4}-\d{2}-\d{2}\b/m);
  assert.match(region, /^Method: /m);
  for (const measure of ["1", "2", "3", "3b", "4", "5", "6", "7", "8"])
    assert.match(region, new RegExp(`^\\*\\*${measure}\\. `, "m"), `no table ${measure}`);
  assert.match(region, /^Targets met: /m);
});

test("the benchmark's 'every figure shown ≤ 1 s' mark agrees with table 5", () => {
  const region = readGeneratedRegion(read("docs/benchmarks.md"), "bench");
  const mark = region.match(/5 every figure shown ≤ 1 s ([✓✗])/)?.[1];
  if (mark === undefined) return; // measure 5 skipped in that run
  const table = region.slice(region.indexOf("**5. Handouts**"), region.indexOf("**6. "));
  const shown = [...table.matchAll(/^\| [^|]+\.html \|[^|]*\|[^|]*\| \*\*(\d+)\*\* \|/gm)].map(
    (m) => Number(m[1]),
  );
  assert.ok(shown.length > 0, "table 5 has no page rows");
  assert.equal(mark, shown.every((ms) => ms <= 1000) ? "✓" : "✗");
});

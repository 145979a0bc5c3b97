// Where a student edition gives an answer away: the pure scan behind tests/studentLeaks.test.ts.
// The student edition (scripts/studentEdition.mjs) is the full course with every reference solution
// (`// BEGIN SOLUTION` … `// END SOLUTION`) replaced by a stub and every Markdown answer
// (`<!-- BEGIN ANSWER -->` … `<!-- END ANSWER -->`) removed. An answer still leaks when its text
// stands elsewhere: repeated in a later cell or in the prose, written in Markdown without markers, or
// spelled out in a module of src/ that a learner can open.

/** A notebook as JSON: cells with their source (a string or a list of lines). */
export interface LeakNotebook {
  cells: { cell_type: string; id?: string; source: string | string[] }[];
}

/** One reference solution or Markdown answer of the full course. */
export interface Region {
  kind: "solution" | "answer";
  /** Index of its cell in the notebook (the student edition keeps the cells in the same order). */
  cell: number;
  id: string;
  lines: string[];
}

/**
 * The shortest line (whitespace collapsed) that the scan looks for. Lines shorter than this carry
 * no answer: `}`, `});`, `return g;`, `return out;` (11 characters), `.slice(1)`, `// eq. (2)`. The
 * shortest line that is a whole answer is lesson 1 Exercise 3's `return 1 / c;` (13): 12 keeps it.
 */
export const significantLength = 12;

/**
 * The length of a run of code (whitespace removed) that counts as copied from src/. 16 characters
 * is about one expression: `Math.hypot(g[0],g[1])`, `x/(1-beta1**t)`; shorter runs such as
 * `.map((x,i)=>` or `returnMath.` occur everywhere by chance.
 */
export const copiedRun = 16;

/**
 * A solution is spelled out in a src file when at least this share of its own code (what the notebook
 * does not already show the learner) is covered by runs found in that file.
 */
export const copiedShare = 0.5;

const sourceOf = (cell: { source: string | string[] }) => [cell.source].flat().join("");
const collapse = (text: string) => text.replace(/\s+/g, " ").trim();
const labelOf = (nb: LeakNotebook, i: number) => `cell ${i + 1} (id ${nb.cells[i].id ?? "?"})`;

const BEGIN_SOLUTION = /^\s*\/\/ BEGIN SOLUTION\s*$/;
const END_SOLUTION = /^\s*\/\/ END SOLUTION\s*$/;
const BEGIN_ANSWER = /^\s*<!-- BEGIN ANSWER -->\s*$/;
const END_ANSWER = /^\s*<!-- END ANSWER -->\s*$/;

/** Every solution region (code cells) and answer region (Markdown cells) of a notebook, in order. */
export function regionsOf(nb: LeakNotebook): Region[] {
  const regions: Region[] = [];
  nb.cells.forEach((cell, i) => {
    const [begin, end, kind] =
      cell.cell_type === "code"
        ? [BEGIN_SOLUTION, END_SOLUTION, "solution" as const]
        : cell.cell_type === "markdown"
          ? [BEGIN_ANSWER, END_ANSWER, "answer" as const]
          : [null, null, null];
    if (!begin || !end || !kind) return;
    let open: string[] | null = null;
    for (const line of sourceOf(cell).split("\n")) {
      if (begin.test(line)) open = [];
      else if (end.test(line) && open) {
        regions.push({ kind, cell: i, id: cell.id ?? "?", lines: open });
        open = null;
      } else if (open) open.push(line);
    }
  });
  return regions;
}

/**
 * The part of a region's line worth looking for, with whitespace collapsed, or null when it is shorter
 * than `significantLength`. For code, the code without its trailing `//` comment: a solution's comment
 * names the formula the line implements, which the exercise's text and hint name on purpose (a hint is
 * the first step of the derivation, CONTRIBUTING.md), often in the same symbols (lesson 4's
 * `// Σⱼ δⱼ w⁽¹⁾ⱼᵢ`); the answer is the code.
 * @example significantPart("  return 1 / c;   // |1 − 2cη| < 1", "solution") // => "return 1 / c;"
 */
export function significantPart(line: string, kind: Region["kind"]): string | null {
  const at = kind === "solution" ? line.search(/(^|\s)\/\/\s/) : -1;
  const part = collapse(at < 0 ? line : line.slice(0, at));
  return part.length >= significantLength ? part : null;
}

/** Code without `//` comments and without whitespace: how runs are compared with src/. */
export const squeezed = (code: string) => code.replace(/\/\/[^\n]*/g, "").replace(/\s+/g, "");

/** Which characters of `text` lie in a run of `copiedRun` characters that `has` finds. */
function coveredBy(text: string, has: (run: string) => boolean): boolean[] {
  const covered = new Array<boolean>(text.length).fill(false);
  for (let i = 0; i + copiedRun <= text.length; i++)
    if (has(text.slice(i, i + copiedRun))) covered.fill(true, i, i + copiedRun);
  return covered;
}

/** Every run of `copiedRun` characters of each text, with the names of the texts that hold it. */
export function runIndex(texts: Map<string, string>): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const [name, raw] of texts) {
    const text = squeezed(raw);
    for (let i = 0; i + copiedRun <= text.length; i++) {
      const run = text.slice(i, i + copiedRun);
      let names = index.get(run);
      if (!names) index.set(run, (names = new Set()));
      names.add(name);
    }
  }
  return index;
}

/**
 * Every way the student edition `student` of notebook `name` (made from `full`) gives an answer away,
 * one sentence each (empty when none):
 * - the code of a significant line of a reference solution in the student edition, from the
 *   exercise's text (the Markdown cells just before the solution's cell) on. What comes before is the
 *   lesson the exercise builds on (lesson 4's δₖ line, lesson 5's tanh node in §5.3 and its function
 *   with a bug to fix), not a leak;
 * - a significant line of a Markdown answer anywhere in the student edition;
 * - a Markdown line that opens like an answer ("(Answer to the question: …", "**Answer:**") outside
 *   the markers;
 * - a solution whose own code (what the student edition does not show) is spelled out in a file of
 *   `src` (`runIndex` of the files): at least `copiedShare` of it in runs found in one file. Allowed
 *   when the Markdown introducing the exercise names that file: the learner is sent there on purpose.
 */
export function answerLeaks(
  name: string,
  full: LeakNotebook,
  student: LeakNotebook,
  src: Map<string, Set<string>> = new Map(),
): string[] {
  const leaks: string[] = [];
  const texts = student.cells.map((cell) => collapse(sourceOf(cell)));
  for (const region of regionsOf(full)) {
    const where = `${name}, ${region.kind} in ${labelOf(full, region.cell)}`;
    // A solution is looked for from the exercise's text on; a Markdown answer everywhere.
    const from = region.kind === "answer" ? 0 : exerciseStart(full, region.cell);
    for (const line of region.lines) {
      const part = significantPart(line, region.kind);
      if (part === null) continue;
      const found = texts.findIndex((text, i) => i >= from && text.includes(part));
      if (found >= 0)
        leaks.push(`${where}: "${part}" stands in the student edition, ${labelOf(student, found)}`);
    }
  }
  student.cells.forEach((cell, i) => {
    if (cell.cell_type !== "markdown") return;
    for (const line of sourceOf(cell).split("\n"))
      if (/^[\s>(*_]*answers?\b[^.?!\n]*:/i.test(line))
        leaks.push(
          `${name}, ${labelOf(student, i)}: an answer without <!-- BEGIN ANSWER --> / <!-- END ANSWER --> markers: "${collapse(line).slice(0, 80)}"`,
        );
  });
  if (src.size > 0) {
    const shown = new Set<string>();
    for (const cell of student.cells) {
      const text = squeezed(sourceOf(cell));
      for (let i = 0; i + copiedRun <= text.length; i++) shown.add(text.slice(i, i + copiedRun));
    }
    for (const region of regionsOf(full)) {
      if (region.kind !== "solution") continue;
      const code = squeezed(region.lines.join("\n"));
      const given = coveredBy(code, (run) => shown.has(run));
      const own = given.filter((g) => !g).length;
      if (own < copiedRun) continue;
      const files = new Set<string>();
      for (let i = 0; i + copiedRun <= code.length; i++)
        for (const file of src.get(code.slice(i, i + copiedRun)) ?? []) files.add(file);
      const start = exerciseStart(full, region.cell);
      const intro = full.cells
        .slice(start, region.cell)
        .map((cell) => sourceOf(cell))
        .join("\n");
      for (const file of [...files].sort()) {
        const inFile = coveredBy(code, (run) => src.get(run)?.has(file) ?? false);
        const share = inFile.filter((c, i) => c && !given[i]).length / own;
        if (share >= copiedShare && !intro.includes(file))
          leaks.push(
            `${name}, solution in ${labelOf(full, region.cell)}: ${Math.round(share * 100)}% of its code is spelled out in ${file}`,
          );
      }
    }
  }
  return leaks;
}

/** The first of the Markdown cells just before cell `at` (up to the previous code cell), or `at`. */
function exerciseStart(nb: LeakNotebook, at: number): number {
  let start = at;
  while (start > 0 && nb.cells[start - 1].cell_type === "markdown") start -= 1;
  return start;
}

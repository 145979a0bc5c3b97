// `npm run student`: the student edition of the course. Every reference solution in a notebook's code
// cells (the lines from `// BEGIN SOLUTION` to `// END SOLUTION`, markers included) becomes
// `return yourTurn();` at the same indentation, every answer in its Markdown cells (the lines from
// `<!-- BEGIN ANSWER -->` to `<!-- END ANSWER -->`, markers included) is removed, outputs are
// cleared, and the notebooks are written to
// dist/student/notebooks/ with `src` linked to the project's src/ and dist/student/data linked to data/,
// so the notebooks' `./src/index` and `../data/…` paths work unchanged. See CONTRIBUTING.md,
// "Exercises and the student edition".
// Usage: node --import tsx scripts/studentEdition.mjs [--out DIR] [--no-handouts]   (default dist/student)
// (tsx for the handouts only: with --no-handouts, plain Node runs it.)
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { clean, notebookPaths } from "./notebookFormat.mjs";
import { buildDir, dataDir, distDir, isMain, projectRoot } from "./paths.mjs";

/** @typedef {import("./notebookFormat.mjs").Notebook} Notebook */

/**
 * A kind of region and what becomes of it: the lines that open and close it, their names for the
 * messages, and what replaces the region (a line, or nothing when null) given the opening line's match.
 * @typedef {{ begin: RegExp, end: RegExp, names: [begin: string, end: string], noun: string,
 *   replacement: (begin: RegExpMatchArray) => string | null }} Markers
 */

/**
 * What a region replacement gives: the new source and how many regions were replaced.
 * @typedef {{ source: string, regions: number }} Replaced
 */

export const STUB = "return yourTurn();";
/** @type {Markers} */
const SOLUTION = {
  begin: /^(\s*)\/\/ BEGIN SOLUTION\s*$/,
  end: /^\s*\/\/ END SOLUTION\s*$/,
  names: ["// BEGIN SOLUTION", "// END SOLUTION"],
  noun: "region",
  // The stub, at the indentation of the BEGIN marker.
  replacement: (begin) => `${begin[1]}${STUB}`,
};
const BEGIN_ANSWER = "<!-- BEGIN ANSWER -->";
const END_ANSWER = "<!-- END ANSWER -->";
/** @type {Markers} */
const ANSWER = {
  begin: /^\s*<!-- BEGIN ANSWER -->\s*$/,
  end: /^\s*<!-- END ANSWER -->\s*$/,
  names: [BEGIN_ANSWER, END_ANSWER],
  noun: "answer",
  replacement: () => null,
};

/**
 * `source` with each region between a line matching `markers.begin` and one matching `markers.end`
 * (markers included) replaced by `markers.replacement(beginMatch)`, a line, or nothing when null.
 * Throws, naming `where` and the line, on a BEGIN without an END, an END without a BEGIN, or a BEGIN
 * inside a region.
 * @param {string} source @param {string} where the cell, for the messages @param {Markers} markers
 * @returns {Replaced}
 */
function replaceRegions(source, where, markers) {
  const [beginName, endName] = markers.names;
  /** @type {string[]} */
  const out = [];
  /** @type {{ line: number, begin: RegExpMatchArray } | null} */
  let open = null;
  let regions = 0;
  for (const [i, line] of source.split("\n").entries()) {
    const begin = line.match(markers.begin);
    if (begin) {
      if (open)
        throw new Error(
          `${where}, line ${i + 1}: "${beginName}" inside the ${markers.noun} opened at line ${open.line}`,
        );
      open = { line: i + 1, begin };
    } else if (markers.end.test(line)) {
      if (!open)
        throw new Error(`${where}, line ${i + 1}: "${endName}" without a "${beginName}" before it`);
      const replaced = markers.replacement(open.begin);
      if (replaced !== null) out.push(replaced);
      regions += 1;
      open = null;
    } else if (!open) out.push(line);
  }
  if (open)
    throw new Error(`${where}, line ${open.line}: "${beginName}" is never closed by "${endName}"`);
  return { source: out.join("\n"), regions };
}

/**
 * One code cell's source with every solution region replaced by the stub. Throws, naming `where`, on a
 * BEGIN without an END, an END without a BEGIN, or a BEGIN inside a region.
 * @param {string} source @param {string} [where] the cell, for the messages
 * @returns {Replaced} the student source and how many regions were replaced
 */
export function studentSource(source, where = "cell") {
  return replaceRegions(source, where, SOLUTION);
}

/**
 * One Markdown cell's source without its answers: the lines from `<!-- BEGIN ANSWER -->` to
 * `<!-- END ANSWER -->`, markers included, are left out. A marker must stand on a line of its own
 * (then the text around it on the line cannot leak); one quoted as inline code is text. Throws,
 * naming `where`, on a BEGIN without an END, an END without a BEGIN, a BEGIN inside an answer, or a
 * marker sharing its line with text.
 * @param {string} source @param {string} [where] the cell, for the messages
 * @returns {Replaced} the student source and how many answers were removed
 */
export function studentMarkdown(source, where = "cell") {
  source.split("\n").forEach((line, i) => {
    // A marker quoted as inline code (`<!-- BEGIN ANSWER -->` in a sentence about them) is no marker.
    const bare = line.replace(/`[^`]*`/g, "");
    const marker = [BEGIN_ANSWER, END_ANSWER].find((m) => bare.includes(m));
    if (marker && line.trim() !== marker)
      throw new Error(
        `${where}, line ${i + 1}: "${marker}" must stand on a line of its own, without other text`,
      );
  });
  return replaceRegions(source, where, ANSWER);
}

/**
 * A notebook's student edition: solutions replaced in every code cell, answers removed from every
 * Markdown cell, outputs cleared (cell ids kept).
 * @param {Notebook} nb @param {string} [name] the notebook, for the messages
 * @returns {{ notebook: Notebook, regions: CellCount[], answers: CellCount[] }} the code cells whose
 *   solutions were replaced, and the Markdown cells whose answers were removed
 */
export function studentNotebook(nb, name = "notebook") {
  /** @typedef {{ cell: string, count: number }} CellCount a cell's id and how many regions it had */
  /** @type {CellCount[]} */
  const regions = [];
  /** @type {CellCount[]} */
  const answers = [];
  const cells = nb.cells.map((cell, i) => {
    // An id-less cell gets this id from clean() below.
    const id = cell.id ?? `cell-${i + 1}`;
    const where = `${name}, cell ${i + 1} (id ${id})`;
    const text = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
    if (cell.cell_type === "markdown") {
      const { source, regions: count } = studentMarkdown(text, where);
      if (count === 0) return cell;
      answers.push({ cell: id, count });
      return { ...cell, source };
    }
    if (cell.cell_type !== "code") return cell;
    const { source, regions: count } = studentSource(text, where);
    if (count === 0) return cell;
    regions.push({ cell: id, count });
    return { ...cell, source };
  });
  const notebook = clean({ ...nb, cells });
  if (
    regions.length > 0 &&
    !notebook.cells.some(
      (c) =>
        c.cell_type === "code" &&
        /\byourTurn\b[\s\S]*from "\.\/src\/index"/.test([c.source].flat().join("")),
    )
  ) {
    throw new Error(
      `${name}: has solution regions but does not import yourTurn from "./src/index"`,
    );
  }
  return { notebook, regions, answers };
}

/**
 * Writes the student edition to outDir; returns one line per notebook for the log.
 * @param {string} outDir
 */
export function writeStudentEdition(outDir) {
  const notebooksOut = path.join(outDir, "notebooks");
  rmSync(notebooksOut, { recursive: true, force: true });
  mkdirSync(notebooksOut, { recursive: true });
  const lines = [];
  for (const file of notebookPaths()) {
    const name = path.basename(file);
    const { notebook, regions, answers } = studentNotebook(
      JSON.parse(readFileSync(file, "utf8")),
      name,
    );
    writeFileSync(path.join(notebooksOut, name), JSON.stringify(notebook, null, 1) + "\n");
    const count = (/** @type {{ count: number }[]} */ list) =>
      list.reduce((n, r) => n + r.count, 0);
    lines.push(
      `${name}: ${count(regions)} solution(s) replaced by the stub, ${count(answers)} Markdown answer(s) removed`,
    );
  }
  // Relative links, so the edition can be opened from any working directory.
  const link = (/** @type {string} */ target, /** @type {string} */ at) => {
    rmSync(at, { recursive: true, force: true });
    symlinkSync(path.relative(path.dirname(at), target), at);
  };
  link(path.join(projectRoot, "src"), path.join(notebooksOut, "src"));
  link(dataDir, path.join(outDir, "data"));
  return lines;
}

/**
 * Executes the student notebooks (or reuses fresh executed copies) and builds their handouts. Needs
 * tsx (the handouts load src).
 * @param {string} outDir the edition's folder (writeStudentEdition's)
 * @param {{ executedDir?: string }} [options]
 */
export async function buildStudentHandouts(
  outDir,
  { executedDir = path.join(buildDir, "student-executed") } = {},
) {
  const { buildHandouts } = await import("./handouts/build.mjs");
  const notebooks = notebookPaths().map((file) =>
    path.join(outDir, "notebooks", path.basename(file)),
  );
  return buildHandouts({
    notebooks,
    outDir: path.join(outDir, "handouts"),
    executedDir,
    workDir: path.join(buildDir, "student-handouts"),
  });
}

if (isMain(import.meta.url)) {
  const at = process.argv.indexOf("--out");
  const outDir = path.resolve(at >= 0 ? process.argv[at + 1] : path.join(distDir, "student"));
  for (const line of writeStudentEdition(outDir)) console.log(`[student] ${line}`);
  console.log(
    `[student] wrote ${path.relative(process.cwd(), path.join(outDir, "notebooks")) || "."} (src and ../data linked)`,
  );
  if (!process.argv.includes("--no-handouts")) {
    // No top-level await: tests import this module through tsx, which compiles it to CommonJS.
    buildStudentHandouts(outDir).then(
      () =>
        console.log(
          `[student] wrote ${path.relative(process.cwd(), path.join(outDir, "handouts"))}`,
        ),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  }
}

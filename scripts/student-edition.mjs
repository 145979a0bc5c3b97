// `npm run student`: the student edition of the course. Every reference solution in a notebook's code
// cells (the lines from `// BEGIN SOLUTION` to `// END SOLUTION`, markers included) becomes
// `return yourTurn();` at the same indentation, every answer in its Markdown cells (the lines from
// `<!-- BEGIN ANSWER -->` to `<!-- END ANSWER -->`, markers included) is removed, outputs are
// cleared, and the notebooks are written to
// dist/student/notebooks/ with `src` linked to the project's src/ and dist/student/data linked to data/,
// so the notebooks' `./src/index` and `../data/…` paths work unchanged. See CONTRIBUTING.md,
// "Exercises and the student edition".
// Usage: node scripts/student-edition.mjs [--out DIR]   (default dist/student)
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { clean, notebookPaths } from "./notebook-format.mjs";

const projectRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
export const STUB = "return yourTurn();";
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
 * @returns { source, regions } — the new source and how many regions were replaced
 */
function replaceRegions(source, where, markers) {
  const [beginName, endName] = markers.names;
  const out = [];
  let open = null;
  let regions = 0;
  source.split("\n").forEach((line, i) => {
    const begin = line.match(markers.begin);
    if (begin) {
      if (open)
        throw new Error(
          `${where}, line ${i + 1}: "${beginName}" inside the ${markers.noun} opened at line ${open.line}`,
        );
      open = { line: i + 1, begin };
      return;
    }
    if (markers.end.test(line)) {
      if (!open)
        throw new Error(`${where}, line ${i + 1}: "${endName}" without a "${beginName}" before it`);
      const replaced = markers.replacement(open.begin);
      if (replaced !== null) out.push(replaced);
      regions += 1;
      open = null;
      return;
    }
    if (!open) out.push(line);
  });
  if (open)
    throw new Error(`${where}, line ${open.line}: "${beginName}" is never closed by "${endName}"`);
  return { source: out.join("\n"), regions };
}

/**
 * One code cell's source with every solution region replaced by the stub. Throws, naming `where`, on a
 * BEGIN without an END, an END without a BEGIN, or a BEGIN inside a region.
 * @returns { source, regions } — the student source and how many regions were replaced
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
 * @returns { source, regions } — the student source and how many answers were removed
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
 * @returns { notebook, regions: [{ cell: id, count }], answers: [{ cell: id, count }] } — the code
 *   cells whose solutions were replaced, and the Markdown cells whose answers were removed
 */
export function studentNotebook(nb, name = "notebook") {
  const regions = [];
  const answers = [];
  const cells = nb.cells.map((cell, i) => {
    const where = `${name}, cell ${i + 1} (id ${cell.id})`;
    const text = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
    if (cell.cell_type === "markdown") {
      const { source, regions: count } = studentMarkdown(text, where);
      if (count === 0) return cell;
      answers.push({ cell: cell.id, count });
      return { ...cell, source };
    }
    if (cell.cell_type !== "code") return cell;
    const { source, regions: count } = studentSource(text, where);
    if (count === 0) return cell;
    regions.push({ cell: cell.id, count });
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

/** Writes the student edition to outDir; returns one line per notebook for the log. */
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
    const count = (list) => list.reduce((n, r) => n + r.count, 0);
    lines.push(
      `${name}: ${count(regions)} solution(s) replaced by the stub, ${count(answers)} Markdown answer(s) removed`,
    );
  }
  // Relative links, so the edition can be opened from any working directory.
  const link = (target, at) => {
    rmSync(at, { recursive: true, force: true });
    symlinkSync(path.relative(path.dirname(at), target), at);
  };
  link(path.join(projectRoot, "src"), path.join(notebooksOut, "src"));
  link(path.join(projectRoot, "data"), path.join(outDir, "data"));
  return lines;
}

/** Executes the student notebooks (or reuses fresh executed copies) and builds their handouts. */
export async function buildStudentHandouts(
  outDir,
  { executedDir = path.join(projectRoot, "build", "student-executed") } = {},
) {
  const { buildHandouts } = await import("./handouts/build.mjs");
  const notebooks = notebookPaths().map((file) =>
    path.join(outDir, "notebooks", path.basename(file)),
  );
  return buildHandouts({
    notebooks,
    outDir: path.join(outDir, "handouts"),
    executedDir,
    workDir: path.join(projectRoot, "build", "student-handouts"),
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf("--out");
  const outDir = path.resolve(
    at >= 0 ? process.argv[at + 1] : path.join(projectRoot, "dist", "student"),
  );
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

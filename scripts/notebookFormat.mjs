// What a committed notebook must look like, and how to make it so: nbformat 4.5 with cell ids, the tslab
// kernelspec, and no outputs or execution counts (executed copies are build output).
// `node scripts/notebookFormat.mjs` cleans notebooks/*.ipynb in place; `--check` only reports.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isMain, notebooksDir } from "./paths.mjs";

/**
 * A notebook as nbformat 4 stores it, as far as the scripts read it (other fields are kept as they
 * are): cells, a code cell's outputs, metadata.
 * @typedef {{ output_type?: string, data?: Record<string, string | string[]>,
 *   text?: string | string[] }} Output
 * @typedef {{ cell_type: string, id?: string, source: string | string[],
 *   metadata?: Record<string, any>, outputs?: Output[], execution_count?: number | null }} Cell
 * @typedef {{ cells: Cell[], metadata?: Record<string, any>, nbformat?: number,
 *   nbformat_minor?: number }} Notebook
 */

export const kernelspec = { display_name: "TypeScript", language: "typescript", name: "tslab" };
// Where it was defined before scripts/paths.mjs.
export { notebooksDir };

/**
 * The course's notebooks, in lesson order.
 * @returns {string[]}
 */
export function notebookPaths() {
  return readdirSync(notebooksDir)
    .filter((n) => /^\d\d-.*\.ipynb$/.test(n))
    .sort()
    .map((n) => path.join(notebooksDir, n));
}

/**
 * Everything wrong with a notebook's stored form, as sentences naming the cell.
 * @param {Notebook} nb
 */
export function problems(nb) {
  /** @type {string[]} */
  const found = [];
  if (nb.nbformat !== 4 || nb.nbformat_minor !== 5)
    found.push(`nbformat is ${nb.nbformat}.${nb.nbformat_minor}; expected 4.5`);
  if (nb.metadata?.kernelspec?.name !== "tslab")
    found.push(`kernelspec is ${JSON.stringify(nb.metadata?.kernelspec?.name)}; expected "tslab"`);
  const ids = new Set();
  nb.cells.forEach((cell, i) => {
    const where = `cell ${i + 1}`;
    if (typeof cell.id !== "string" || !/^[a-zA-Z0-9-_]{1,64}$/.test(cell.id))
      found.push(`${where} has no valid id`);
    else if (ids.has(cell.id)) found.push(`${where} repeats the id ${cell.id}`);
    ids.add(cell.id);
    // One string per line, as Jupyter saves it: a diff or a merge of a lesson then works line by line.
    if (typeof cell.source === "string" && cell.source.includes("\n"))
      found.push(`${where} stores its source as one string; expected a list of lines`);
    if (cell.cell_type !== "code") return;
    if (cell.outputs?.length) found.push(`${where} has ${cell.outputs.length} output(s)`);
    if (cell.execution_count !== null)
      found.push(`${where} has execution count ${cell.execution_count}`);
    if (cell.metadata?.execution) found.push(`${where} has execution timing metadata`);
  });
  return found;
}

/**
 * A cell's source as Jupyter saves it: a list of lines, each but the last ending in "\n".
 * @param {string | string[] | undefined} source
 * @returns {string[]}
 */
export function sourceLines(source) {
  const text = Array.isArray(source) ? source.join("") : String(source ?? "");
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/**
 * The notebook in its committed form.
 * @param {Notebook} nb
 * @returns {Notebook}
 */
export function clean(nb) {
  const ids = new Set();
  const cells = nb.cells.map((cell, i) => {
    let id =
      typeof cell.id === "string" && /^[a-zA-Z0-9-_]{1,64}$/.test(cell.id) && !ids.has(cell.id)
        ? cell.id
        : `cell-${i + 1}`;
    while (ids.has(id)) id += "x";
    ids.add(id);
    const { execution, ...metadata } = cell.metadata ?? {};
    const base = { ...cell, id, metadata, source: sourceLines(cell.source) };
    return cell.cell_type === "code" ? { ...base, execution_count: null, outputs: [] } : base;
  });
  return { ...nb, nbformat: 4, nbformat_minor: 5, metadata: { ...nb.metadata, kernelspec }, cells };
}

if (isMain(import.meta.url)) {
  const check = process.argv.includes("--check");
  let dirty = 0;
  for (const file of notebookPaths()) {
    const nb = JSON.parse(readFileSync(file, "utf8"));
    const found = problems(nb);
    if (found.length === 0) continue;
    dirty += 1;
    if (check) console.log(`${path.relative(process.cwd(), file)}: ${found.join("; ")}`);
    else {
      writeFileSync(file, JSON.stringify(clean(nb), null, 1) + "\n");
      console.log(`cleaned ${path.relative(process.cwd(), file)}`);
    }
  }
  process.exit(check && dirty ? 1 : 0);
}

// The executed copies the handouts are made from. An executed copy in the executed folder is reused when
// it is fresh (newer than its notebook, everything in src/ and data/ and package-lock.json, with the same code and
// no error output), so `npm test` runs each notebook once; stale or missing ones are executed with the
// course's runner (scripts/executeNotebooks.py), which fails loudly on any failing cell.
import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../paths.mjs";

/** @typedef {import("../notebookFormat.mjs").Notebook} Notebook */

/**
 * The newest modification time of the file, or of anything in the folder (links not followed).
 * @param {string} file
 * @returns {number}
 */
function newestMtime(file) {
  const stat = lstatSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(file).map((name) => newestMtime(path.join(file, name))),
  );
}

/** @param {Notebook} nb */
const codeOf = (nb) =>
  nb.cells.filter((c) => c.cell_type === "code").map((c) => [c.source].flat().join(""));

/**
 * Why the executed copy of `notebook` in `executedDir` cannot be reused, or null when it can.
 * @param {string} notebook @param {string} executedDir
 */
export function staleReason(notebook, executedDir) {
  const copy = path.join(executedDir, path.basename(notebook));
  if (!existsSync(copy)) return "not executed yet";
  const inputs = [
    notebook,
    ...["src", "data", "package-lock.json"].map((p) => path.join(projectRoot, p)),
  ].filter(existsSync);
  if (lstatSync(copy).mtimeMs < Math.max(...inputs.map(newestMtime)))
    return "older than its notebook, src/, data/ or package-lock.json";
  /** @type {Notebook} */
  const executed = JSON.parse(readFileSync(copy, "utf8"));
  if (
    JSON.stringify(codeOf(executed)) !==
    JSON.stringify(codeOf(JSON.parse(readFileSync(notebook, "utf8"))))
  )
    return "its code differs from the notebook";
  const failed = executed.cells.some(
    (c) =>
      (c.outputs ?? []).some((o) => o.output_type === "error") ||
      (c.cell_type === "code" && c.source.length && c.execution_count === null),
  );
  return failed ? "it has an error or an unexecuted cell" : null;
}

/**
 * Makes sure `executedDir` holds a fresh executed copy of every notebook; throws when one fails.
 * @param {string[]} notebooks
 * @param {string} executedDir
 * @param {{ python: string, env: NodeJS.ProcessEnv, log?: (message: string) => void }} options the
 *   Python with Jupyter and the environment with the tslab kernel (ensureEnvironment's)
 */
export function ensureExecuted(notebooks, executedDir, { python, env, log = console.log }) {
  const stale = notebooks.filter((notebook) => {
    const reason = staleReason(notebook, executedDir);
    if (reason) log(`executing ${path.basename(notebook)} (${reason})`);
    return reason;
  });
  if (stale.length === 0) return;
  const run = spawnSync(
    python,
    [path.join(projectRoot, "scripts", "executeNotebooks.py"), "--out", executedDir, ...stale],
    { env, encoding: "utf8" },
  );
  if (run.status !== 0)
    throw new Error(`notebooks failed, no handouts made:\n${run.stdout}${run.stderr}`);
}

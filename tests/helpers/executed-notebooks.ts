// The course's notebooks executed, for every test that reads their outputs (figures in the classic
// Notebook, the student edition against the full course, the handouts). Each such test asks for them
// here, so none depends on another test file having run first: fresh copies in build/executed (as
// tests/notebooks.test.ts leaves them) are reused, stale or missing ones are executed now. What counts
// as fresh is the handouts builder's rule (scripts/handouts/executed.mjs).
import path from "node:path";
import { ensureExecuted } from "../../scripts/handouts/executed.mjs";
import { notebookPaths } from "../../scripts/notebook-format.mjs";
import { jupyterEnv, jupyterPython } from "./jupyter";

/** Where the executed copies are: build/executed, the folder the handouts builder reads. */
export const executedDir = path.resolve(__dirname, "..", "..", "build", "executed");

let ready = false;

/** Makes sure build/executed holds a fresh executed copy of every notebook; returns the folder. */
export function executedNotebooks(): string {
  if (!ready) {
    ensureExecuted(notebookPaths(), executedDir, {
      python: jupyterPython(),
      env: jupyterEnv(),
      log: (line: string) => console.log(`[executed notebooks] ${line}`),
    });
    ready = true;
  }
  return executedDir;
}

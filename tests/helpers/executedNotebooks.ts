// The course's notebooks executed, once per `npm test`, for every test that reads their outputs: the
// full course in build/executed (tests/notebooks.test.ts checks it, the student test compares with it,
// the handouts and the classic Notebook test show it) and the student edition in build/student-executed
// (tests/student.test.ts checks it; tests/notebooks.test.ts compares it, cell by cell, with the full
// course: the second run that proves the outputs reproducible). Each test asks here, so none depends
// on another file having run first: fresh copies are reused, stale or missing ones executed now, under
// a lock (./lock.ts), so that two test files running at once execute nothing twice. What counts as
// fresh is the handouts builder's rule (scripts/handouts/executed.mjs: newer than the notebook, src/,
// data/ and package-lock.json, the same code, every cell run, no error). The same, under Deno's kernel
// (`--kernel deno`), in build/executed-deno and build/student-executed-deno (tests/denoKernel.test.ts).
import { existsSync, readFileSync, statSync, utimesSync } from "node:fs";
import path from "node:path";
import { staleReason } from "../../scripts/handouts/executed.mjs";
import { notebookPaths } from "../../scripts/notebookFormat.mjs";
import { writeStudentEdition } from "../../scripts/studentEdition.mjs";
import { withLock } from "./lock";
import { runNotebooks, type RunResult } from "./runNotebooks";
import { buildDir } from "../../scripts/paths.mjs";

const build = buildDir;
/** Where the executed copies are: build/executed, the folder the handouts builder reads. */
export const executedDir = path.join(build, "executed");
/** The student edition (`npm run student --out build/studentEdition`: notebooks/, data linked). */
export const studentDir = path.join(build, "student-edition");
/** Its executed copies. */
export const studentExecutedDir = path.join(build, "student-executed");

/** The course executed under Deno's kernel. */
export const executedDenoDir = path.join(build, "executed-deno");
/** The student edition executed under Deno's kernel. */
export const studentExecutedDenoDir = path.join(build, "student-executed-deno");

/** The course's kernels (scripts/kernelSpecs.mjs): tslab's, which most tests read, and Deno's. */
export type Kernel = "tslab" | "deno";

/** One notebook's outcome: executed now (the runner's result) or `reused` (a fresh copy). */
export type Execution = RunResult & { reused?: boolean };

const log = (line: string) => console.log(`[executed notebooks] ${line}`);

/** Executes the stale ones of `notebooks` into `outDir` (under the lock `name`); every notebook's outcome. */
function execute(
  name: string,
  notebooks: string[],
  outDir: string,
  kernel: Kernel = "tslab",
): Execution[] {
  return withLock(name, () => {
    const stale = notebooks.filter((notebook) => {
      const reason = staleReason(notebook, outDir);
      if (reason)
        log(`executing ${path.relative(build, outDir)}/${path.basename(notebook)} (${reason})`);
      return reason;
    });
    const args = ["--kernel", kernel];
    const ran = stale.length > 0 ? runNotebooks(stale, outDir, args, false).results : [];
    return notebooks.map(
      (notebook) =>
        ran.find((r) => path.basename(r.notebook) === path.basename(notebook)) ?? {
          notebook,
          passed: true,
          reused: true,
        },
    );
  });
}

function requirePassed(executions: Execution[], what: string): void {
  const failed = executions.filter((e) => !e.passed);
  if (failed.length > 0)
    throw new Error(
      `${what}: ${failed.map((f) => `${path.basename(f.notebook)} failed at cell ${f.cell}: ${f.message}`).join("; ")}`,
    );
}

let course: Execution[] | undefined;

/** Every notebook of the course executed (fresh copies reused): each one's outcome. */
export function executeCourse(): Execution[] {
  course ??= execute("executed", notebookPaths(), executedDir);
  return course;
}

/** Makes sure build/executed holds a fresh executed copy of every notebook; returns the folder. */
export function executedNotebooks(): string {
  requirePassed(executeCourse(), "the course does not execute");
  return executedDir;
}

/**
 * Writes the student edition into build/studentEdition (`npm run student`'s own writer); a notebook
 * that comes out the same as before keeps its time, so its fresh executed copy stays fresh.
 * @returns the edition's notebooks
 */
export function writeSharedStudentEdition(): string[] {
  const notebooks = notebookPaths().map((file: string) =>
    path.join(studentDir, "notebooks", path.basename(file)),
  );
  withLock("student-edition", () => {
    const before = new Map(
      notebooks
        .filter((file) => existsSync(file))
        .map((file) => [file, { bytes: readFileSync(file), mtime: statSync(file).mtime }]),
    );
    writeStudentEdition(studentDir);
    for (const [file, { bytes, mtime }] of before)
      if (readFileSync(file).equals(bytes)) utimesSync(file, mtime, mtime);
  });
  return notebooks;
}

let student: Execution[] | undefined;

/** Every notebook of the student edition written and executed (fresh copies reused): each one's outcome. */
export function executeStudentEdition(): Execution[] {
  student ??= execute("student-executed", writeSharedStudentEdition(), studentExecutedDir);
  return student;
}

let denoCourse: Execution[] | undefined;

/** Every notebook of the course executed under Deno's kernel (fresh copies reused): each one's outcome. */
export function executeCourseUnderDeno(): Execution[] {
  denoCourse ??= execute("executed-deno", notebookPaths(), executedDenoDir, "deno");
  return denoCourse;
}

let denoStudent: Execution[] | undefined;

/** The student edition written and executed under Deno's kernel (fresh copies reused). */
export function executeStudentEditionUnderDeno(): Execution[] {
  denoStudent ??= execute(
    "student-executed-deno",
    writeSharedStudentEdition(),
    studentExecutedDenoDir,
    "deno",
  );
  return denoStudent;
}

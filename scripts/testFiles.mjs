// Which files are tests, and how `npm test` and `npm run test:unit` group them.
// - Every `*.test.ts` below src/ and tests/ is a test, found by walking the folders (not following
//   symbolic links: notebooks/src links back to src/, the same tests again). A new file is picked up
//   by `npm test` with nothing to register.
// - `kernelFreeTests` is THE list of tests/ files that need no kernel, browser, hub or network: with
//   src's unit tests they are `npm run test:unit`. tests/testFiles.test.ts checks that each exists and
//   imports none of the kernel, browser or hub helpers. A new kernel-free file belongs here.
// - `firstTests` are the tests/ files `npm test` starts first (see scripts/test.mjs); the other files
//   of tests/ follow by name, then the unit tests.
import { lstatSync, readdirSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "./paths.mjs";

export { projectRoot };

/**
 * Every `*.test.ts` below `folder` (relative to the project), sorted.
 * @param {string} folder
 * @returns {string[]}
 */
export function testFiles(folder) {
  /** @type {(dir: string) => string[]} */
  const walk = (dir) =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      const entry = lstatSync(full);
      if (entry.isSymbolicLink()) return [];
      if (entry.isDirectory()) return walk(full);
      return name.endsWith(".test.ts") ? [path.relative(projectRoot, full)] : [];
    });
  return walk(path.join(projectRoot, folder)).sort();
}

/** The files of tests/ that need no kernel, browser, hub or network (`npm run test:unit` runs them). */
export const kernelFreeTests = [
  "tests/answerMarkers.test.ts",
  "tests/badInput.test.ts",
  "tests/benchDocs.test.ts",
  "tests/corePath.test.ts",
  "tests/data.test.ts",
  "tests/docExamples.test.ts",
  "tests/docs.test.ts",
  "tests/figureColoursTable.test.ts",
  "tests/figureLabelsRules.test.ts",
  "tests/fileNames.test.ts",
  "tests/gradeReport.test.ts",
  "tests/handoutFunctions.test.ts",
  "tests/hubState.test.ts",
  "tests/learnerCopy.test.ts",
  "tests/notebooksClean.test.ts",
  "tests/oneHome.test.ts",
  "tests/publicApi.test.ts",
  "tests/readme.test.ts",
  "tests/setupPlan.test.ts",
  "tests/studentLeaks.test.ts",
  "tests/studentStubs.test.ts",
  "tests/testFiles.test.ts",
  "tests/typedScripts.test.ts",
];

/** Unit tests: every test of src/ and the kernel-free files of tests/. */
export function unitTestFiles() {
  return [...testFiles("src"), ...kernelFreeTests];
}

/**
 * The tests/ files `npm test` starts first, in this order (two at a time): the course's execution and
 * the student edition's side by side (both shared with every later file), then the handouts of the
 * course (which wait for the first), then the rest, longest first (build/test-timings.txt says how
 * long each took), so that the last files to start are short ones.
 */
export const firstTests = [
  "tests/notebooks.test.ts",
  "tests/student.test.ts",
  "tests/siteHandouts.test.ts",
  "tests/handoutFixture.test.ts",
  "tests/hub.test.ts",
  "tests/grade.test.ts",
  "tests/denoKernel.test.ts",
  "tests/runner.test.ts",
  "tests/uiClassicNotebook.test.ts",
  "tests/binder.test.ts",
];

/**
 * The files of `npm test` beside the unit tests, in the order they start: `firstTests`, then every
 * other file of tests/ that is not kernel-free (new files included), by name.
 */
export function courseTestFiles() {
  const all = testFiles("tests");
  const kernelFree = new Set(kernelFreeTests);
  const rest = all.filter((f) => !kernelFree.has(f) && !firstTests.includes(f));
  return [...firstTests.filter((f) => all.includes(f)), ...rest];
}

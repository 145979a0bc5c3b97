// How the tests are grouped (scripts/testFiles.mjs): the kernel-free list names files that exist and
// need no kernel, browser or hub (they import none of the helpers that start one), and `npm test`
// runs every test file there is, each once.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import {
  courseTestFiles,
  kernelFreeTests,
  testFiles,
  unitTestFiles,
} from "../scripts/testFiles.mjs";
import { projectRoot } from "../scripts/paths.mjs";

const root = projectRoot;

/** What a kernel-free test must not import or call: each of these starts a kernel, browser, server or hub. */
const heavyModules =
  /helpers\/(jupyter|runNotebooks|executedNotebooks|freePort|lock|handoutPages)$|scripts\/handouts\/(browser|build)\.mjs$|^playwright-core$/;
const heavyCalls = /\b(startHub|launchBrowser|runLesson|buildHandouts|ensureExecuted|spawn)\(/;

test("every kernel-free test file exists and imports nothing that starts a kernel, browser or hub", () => {
  for (const file of kernelFreeTests as string[]) {
    assert.ok(existsSync(path.join(root, file)), `${file} is listed but not there`);
    const source = readFileSync(path.join(root, file), "utf8");
    for (const [, module] of source.matchAll(/from "([^"]+)"/g))
      assert.doesNotMatch(module, heavyModules, `${file} is listed as kernel-free`);
    const code = source.replace(/\/\/.*$/gm, "").replace(/"(?:[^"\\\n]|\\.)*"/g, '""');
    assert.doesNotMatch(code, heavyCalls, `${file} is listed as kernel-free`);
  }
});

test("npm test runs every test file of src/ and tests/ once; test:unit the kernel-free ones", () => {
  const all = [...testFiles("src"), ...testFiles("tests")].sort();
  const run: string[] = [...unitTestFiles(), ...courseTestFiles()];
  assert.deepEqual([...run].sort(), all);
  assert.equal(new Set(run).size, run.length, "a file runs twice");
  assert.ok(testFiles("src").length > 40, "src's unit tests are found");
});

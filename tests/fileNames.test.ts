// One file-name convention (CONTRIBUTING, "File names"): code in src/, scripts/, tests/ and bench/ is
// camelCase, whatever its language; notebooks and data keep the lessons' kebab-case.
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { projectRoot } from "../scripts/paths.mjs";

function files(dir: string): string[] {
  return readdirSync(path.join(projectRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isSymbolicLink() || entry.name === "__pycache__") return [];
    return entry.isDirectory() ? files(relative) : [relative];
  });
}

const codeName = /^[a-z][a-zA-Z0-9]*(\.test)?\.(ts|mjs|js|py|sh|html\.j2|css)$/;
const notebookOrDataName = /^[a-z0-9]+(-[a-z0-9]+)*\.(ipynb|csv|json)$/;

test("every code file in src, scripts, tests and bench is camelCase; notebooks and data kebab-case", () => {
  const all = ["src", "scripts", "tests", "bench"].flatMap(files);
  assert.ok(all.length > 200, `found only ${all.length} files`);
  const wrong = all.filter((file) => {
    const name = path.basename(file);
    return !codeName.test(name) && !notebookOrDataName.test(name);
  });
  assert.deepEqual(wrong, [], "rename these (CONTRIBUTING, File names)");
});

test("the name rule refuses the kebab-case and snake_case code names it replaced", () => {
  for (const name of [
    "run-tests.mjs",
    "bad-input.test.ts",
    "execute_notebooks.py",
    "install-course.sh",
  ])
    assert.equal(codeName.test(name), false, name);
  for (const name of [
    "runTests.mjs",
    "badInput.test.ts",
    "executeNotebooks.py",
    "installCourse.sh",
  ])
    assert.equal(codeName.test(name), true, name);
});

// No untyped script: every JavaScript file of scripts/ and bench/ is in `npm run typecheck`'s program
// (tsconfig.json) with checkJs, so its JSDoc types are checked like the TypeScript around it; and the
// project's folders come from one module, scripts/paths.mjs. Reads tsconfig.json through TypeScript's
// own parser; runs no compiler (a second).
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import ts from "typescript";
import { isMain, projectRoot } from "../scripts/paths.mjs";

/** Still untyped: the test runner's scripts, typed on their own branch (tsconfig.json's exclude). */
const pending: string[] = [];

/** Still finding the project's folders on their own: files of other branches (issue 28). */
const pendingPaths: string[] = [];

/** The files below `dir` whose names match `pattern` (not following links: notebooks/src is src/). */
function filesIn(dir: string, pattern: RegExp): string[] {
  return readdirSync(path.join(projectRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return filesIn(relative, pattern);
    return entry.isFile() && pattern.test(entry.name) ? [relative] : [];
  });
}
const scriptsIn = (dir: string) => filesIn(dir, /\.(mjs|cjs|js)$/);

test("every script in scripts/ and bench/ is type-checked (checkJs), but the pending ones", () => {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(projectRoot, "tsconfig.json"),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => assert.fail(String(d.messageText)) },
  );
  assert.ok(config, "tsconfig.json parses");
  assert.equal(config.options.checkJs, true, "checkJs is on");
  const checked = new Set(config.fileNames.map((f) => path.relative(projectRoot, f)));
  const scripts = [...scriptsIn("scripts"), ...scriptsIn("bench")];
  assert.ok(scripts.length > 20, `found the scripts (${scripts.length})`);
  assert.deepEqual(
    scripts.filter((f) => !checked.has(f) && !pending.includes(f)),
    [],
  );
});

test("the project root is the folder with package.json, and a module imported is not main", () => {
  assert.deepEqual(
    readdirSync(projectRoot).filter((n) => ["package.json", "src", "notebooks"].includes(n)),
    ["notebooks", "package.json", "src"],
  );
  assert.equal(isMain(new URL("../scripts/paths.mjs", `file://${__filename}`).href), false);
});

test("the project's folders are found in one place, scripts/paths.mjs, not from each file's own", () => {
  const sources = ["src", "scripts", "tests", "bench"].flatMap((d) => filesIn(d, /\.(ts|mjs)$/));
  const ownRoot = /(__dirname|import\.meta\.url\)\)?),\s*"\.\./;
  assert.deepEqual(
    sources.filter(
      (f) =>
        ownRoot.test(readFileSync(path.join(projectRoot, f), "utf8")) &&
        f !== "scripts/paths.mjs" &&
        !pendingPaths.includes(f),
    ),
    [],
  );
});

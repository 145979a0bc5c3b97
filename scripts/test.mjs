// `npm test`: installs what is missing (see environment.mjs), type-checks src with tslab's TypeScript
// version, then runs every test with Node's test runner: unit tests beside each module in src/, and the
// course-wide tests in tests/ (clean notebooks, every notebook executed in the real tslab kernel).
// Extra arguments are passed to `node --test`, e.g. `npm test -- --test-name-pattern=gradcheck`.
import { spawnSync } from "node:child_process";
import { lstatSync, readdirSync } from "node:fs";
import path from "node:path";
import { ensureEnvironment, projectRoot } from "./environment.mjs";

function testFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const entry = lstatSync(full);
    if (entry.isSymbolicLink()) return []; // notebooks' src links: the same tests, found again
    if (entry.isDirectory()) return testFiles(full);
    return name.endsWith(".test.ts") ? [path.relative(projectRoot, full)] : [];
  });
}

const { python, env } = ensureEnvironment({ browser: true });
const childEnv = { ...env, DOWNHILL_PYTHON: python };

console.log("[downhill] type check (TypeScript 5.0, as tslab compiles)");
const typecheck = spawnSync(process.execPath, [path.join(projectRoot, "node_modules", "typescript", "bin", "tsc"), "-p", projectRoot], { stdio: "inherit" });
if (typecheck.status !== 0) process.exit(typecheck.status ?? 1);

const files = [...testFiles(path.join(projectRoot, "src")), ...testFiles(path.join(projectRoot, "tests"))].sort();
const result = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=1", ...process.argv.slice(2), ...files], { cwd: projectRoot, env: childEnv, stdio: "inherit" });
process.exit(result.status ?? 1);

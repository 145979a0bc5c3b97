// `npm test`: installs what is missing (see environment.mjs); type-checks src with tslab's TypeScript
// version and checks the formatting (prettier, the files .prettierignore does not leave out), both at
// once; then runs every test with Node's test runner, two files at a time, one per core
// (scripts/runTests.mjs): the unit tests in one process (scripts/unitTests.mjs: src/'s tests and the
// kernel-free files of tests/), and each other file of tests/ (scripts/testFiles.mjs: which, in which
// order). What several files need is made once and shared, whichever file asks first: the executed
// course and student edition (tests/helpers/executedNotebooks.ts, under a lock), the plotly.js bundle
// (built atomically by src/plot/plotlyBundle.ts). No two files write the same build folder.
// `npm run test:unit` (`--unit`): the unit tests and the type check, at once — no kernel, no browser.
// Other arguments are Node options for each test file's process, e.g.
// `npm test -- --test-name-pattern=gradcheck`.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ensureEnvironment } from "./environment.mjs";
import { courseTestFiles, projectRoot } from "./testFiles.mjs";

// The folders prettier checks: the same as package.json's `format` and `format:check`.
const formattedFolders = ["src", "scripts", "tests", "bench"];

const unitOnly = process.argv.includes("--unit");
const testArgs = process.argv.slice(2).filter((a) => a !== "--unit");
const unitTests = path.join(projectRoot, "scripts", "unitTests.mjs");

/**
 * Runs a command, its output kept until it ends (so two at once do not interleave); resolves its status.
 * @param {string} label @param {string[]} args @param {import("node:child_process").SpawnOptions} [options]
 * @returns {Promise<number>}
 */
function run(label, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: projectRoot, ...options });
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    child.on("close", (status) => {
      console.log(`[downhill] ${label}: ${status === 0 ? "ok" : "FAILED"}`);
      if (output.trim()) process.stdout.write(output.endsWith("\n") ? output : `${output}\n`);
      resolve(status ?? 1);
    });
  });
}

const tsc = path.join(projectRoot, "node_modules", "typescript", "bin", "tsc");
const typecheck = () => run("type check (TypeScript 5.0, as tslab compiles)", [tsc, "-p", "."]);

if (unitOnly) {
  // The type check beside the tests: the two take about the same time, one core each.
  const checking = typecheck();
  const tests = spawnSync(process.execPath, ["--import", "tsx", ...testArgs, unitTests], {
    cwd: projectRoot,
    stdio: "inherit",
  });
  const typed = await checking;
  process.exit(tests.status !== 0 ? (tests.status ?? 1) : typed);
}

const { python, env } = ensureEnvironment({ browser: true });
const childEnv = { ...env, DOWNHILL_PYTHON: python };

const prettier = path.join(projectRoot, "node_modules", "prettier", "bin", "prettier.cjs");
const statuses = await Promise.all([
  typecheck(),
  run("formatting (prettier; `npm run format` fixes it)", [
    prettier,
    "--check",
    "--log-level=warn",
    ...formattedFolders,
  ]),
]);
if (statuses.some((s) => s !== 0)) process.exit(1);

// In the order of scripts/testFiles.mjs, two at a time (scripts/runTests.mjs; `node --test` would
// sort the files by name): the course's files first (the two executions side by side), the unit tests
// last, filling the second core while the longest file finishes.
const files = [...courseTestFiles(), path.relative(projectRoot, unitTests)];
const timings = path.join(projectRoot, "build", "test-timings.txt");
const runner = path.join(projectRoot, "scripts", "runTests.mjs");
const result = spawnSync(process.execPath, ["--import", "tsx", ...testArgs, runner, ...files], {
  cwd: projectRoot,
  env: { ...childEnv, DOWNHILL_TEST_TIMINGS: timings },
  stdio: "inherit",
});
if (existsSync(timings))
  console.log(
    `[downhill] when each test file ran, in seconds (${path.relative(projectRoot, timings)}):\n${readFileSync(timings, "utf8")}`,
  );
process.exit(result.status ?? 1);

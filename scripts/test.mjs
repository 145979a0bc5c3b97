// `npm test`: installs what is missing (see environment.mjs), type-checks src with tslab's TypeScript
// version, checks the formatting (prettier, the files .prettierignore does not leave out), then runs
// every test with Node's test runner: unit tests beside each module in src/, and the course-wide tests
// in tests/ (clean notebooks, every notebook executed in the real tslab kernel).
// `npm run test:unit` (`--unit`): the unit tests (src/'s and the kernel-free files of tests/, listed in
// scripts/test-files.mjs) and the type check, at once; no setup, no kernel, no browser.
// Other arguments are passed to `node --test`, e.g. `npm test -- --test-name-pattern=gradcheck`.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { ensureEnvironment } from "./environment.mjs";
import { projectRoot, testFiles } from "./test-files.mjs";

// The folders prettier checks: the same as package.json's `format` and `format:check`.
const formattedFolders = ["src", "scripts", "tests", "bench"];

const unitOnly = process.argv.includes("--unit");
const testArgs = process.argv.slice(2).filter((a) => a !== "--unit");

if (unitOnly) {
  // The type check beside the tests (one core each): both take about the same time.
  const tsc = path.join(projectRoot, "node_modules", "typescript", "bin", "tsc");
  const typecheck = spawn(process.execPath, [tsc, "-p", projectRoot], { stdio: "inherit" });
  const typed = new Promise((resolve) => typecheck.on("close", (status) => resolve(status ?? 1)));
  const args = [
    "--import",
    "tsx",
    ...testArgs,
    path.join(projectRoot, "scripts", "unit-tests.mjs"),
  ];
  const result = spawnSync(process.execPath, args, { cwd: projectRoot, stdio: "inherit" });
  const typeStatus = await typed;
  console.log(
    `[downhill] type check (TypeScript 5.0, as tslab compiles): ${typeStatus === 0 ? "ok" : "FAILED"}`,
  );
  process.exit(result.status !== 0 ? (result.status ?? 1) : typeStatus);
}

const { python, env } = ensureEnvironment({ browser: true });
const childEnv = { ...env, DOWNHILL_PYTHON: python };

console.log("[downhill] type check (TypeScript 5.0, as tslab compiles)");
const tsc = path.join(projectRoot, "node_modules", "typescript", "bin", "tsc");
const typecheck = spawnSync(process.execPath, [tsc, "-p", projectRoot], { stdio: "inherit" });
if (typecheck.status !== 0) process.exit(typecheck.status ?? 1);

console.log("[downhill] formatting (prettier; `npm run format` fixes it)");
const prettier = path.join(projectRoot, "node_modules", "prettier", "bin", "prettier.cjs");
const format = spawnSync(
  process.execPath,
  [prettier, "--check", "--log-level=warn", ...formattedFolders],
  {
    cwd: projectRoot,
    stdio: "inherit",
  },
);
if (format.status !== 0) process.exit(format.status ?? 1);

const files = [...testFiles("src"), ...testFiles("tests")];
const args = ["--import", "tsx", "--test", "--test-concurrency=1", ...testArgs, ...files];
const result = spawnSync(process.execPath, args, {
  cwd: projectRoot,
  env: childEnv,
  stdio: "inherit",
});
process.exit(result.status ?? 1);

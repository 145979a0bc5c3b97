// `npm run bench`: installs what is missing (scripts/environment.mjs: npm dependencies, Jupyter, the
// tslab kernel — the course-execution measure needs them), then runs bench/run.ts with tsx. Plain Node,
// so it works on a fresh clone before `npm ci`. Arguments go to bench/run.ts.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensureEnvironment } from "../scripts/environment.mjs";
import { projectRoot } from "../scripts/paths.mjs";

const { python, env } = ensureEnvironment({ browser: true });
const run = spawnSync(
  process.execPath,
  ["--import", "tsx", path.join(projectRoot, "bench", "run.ts"), ...process.argv.slice(2)],
  { cwd: projectRoot, env: { ...env, DOWNHILL_PYTHON: python }, stdio: "inherit" },
);
process.exit(run.status ?? 1);

/**
 * Measure 4, course execution: the wall time to execute every notebook (scripts/executeNotebooks.py,
 * each notebook in a fresh tslab kernel, through the project-local kernel of scripts/environment.mjs)
 * against N × the kernel floor. The floor is the time of a one-cell notebook whose cell imports the
 * library and shows one number — the least any lesson can cost (kernel start, tslab compiling src/,
 * one cell) — run N times by the same runner; a bare `1 + 1` notebook (no import) is timed too. Target:
 * the course costs ≤ 2× its floor, i.e. the lessons' own computations cost no more than starting them.
 * Takes a minute or more; `--skip-notebooks` skips it.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensureEnvironment } from "../scripts/environment.mjs";
import { kernelspec, notebookPaths } from "../scripts/notebookFormat.mjs";
import { buildDir, projectRoot } from "../scripts/paths.mjs";
import { nowMs } from "./timing";

export const courseTarget = 2;

export interface CourseResult {
  notebooks: string[];
  /** Wall time of executing every notebook once. */
  totalMs: number;
  /** Per-notebook floor: a one-cell notebook importing the library, median over N runs. */
  floorMs: number;
  /** A one-cell `1 + 1` notebook, no import: the kernel alone. */
  bareKernelMs: number;
  /** totalMs / (N · floorMs). */
  ratio: number;
  passed: boolean;
}

function oneCellNotebook(source: string): string {
  const cell = {
    cell_type: "code",
    id: "only-cell",
    metadata: {},
    execution_count: null,
    outputs: [],
    source,
  };
  return JSON.stringify({
    cells: [cell],
    metadata: { kernelspec },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

/** Runs the notebook runner on `files`; returns its wall time and whether every notebook passed. */
function runNotebooks(
  python: string,
  env: NodeJS.ProcessEnv,
  files: string[],
  outDir: string,
): { ms: number; passed: boolean; output: string } {
  const start = nowMs();
  const run = spawnSync(
    python,
    [path.join(projectRoot, "scripts", "executeNotebooks.py"), "--out", outDir, ...files],
    { cwd: projectRoot, env, encoding: "utf8", timeout: 20 * 60 * 1000 },
  );
  return { ms: nowMs() - start, passed: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

/** Executes the course and the floor notebooks; wall times. */
export function measureCourse(): CourseResult {
  const { python, env } = ensureEnvironment();
  const notebooks = notebookPaths();
  const N = notebooks.length;
  // Inside the project (build/ is not committed), so that tslab finds node_modules as the lessons do.
  const work = path.join(buildDir, "bench");
  rmSync(work, { recursive: true, force: true });
  try {
    // Floor notebooks live beside a `src` link, as the lessons do (notebooks/src → ../src).
    const floorDir = path.join(work, "floor");
    mkdirSync(floorDir, { recursive: true });
    symlinkSync(path.join(projectRoot, "src"), path.join(floorDir, "src"));
    const floorFiles = Array.from({ length: N }, (_, n) =>
      path.join(floorDir, `floor-${n + 1}.ipynb`),
    );
    const bareFiles = Array.from({ length: N }, (_, n) =>
      path.join(floorDir, `bare-${n + 1}.ipynb`),
    );
    floorFiles.forEach((f) =>
      writeFileSync(
        f,
        oneCellNotebook('import { formatNumber } from "./src/index";\nformatNumber(Math.PI)'),
      ),
    );
    bareFiles.forEach((f) => writeFileSync(f, oneCellNotebook("1 + 1")));

    const bare = runNotebooks(python, env, bareFiles, path.join(work, "out-bare"));
    const floor = runNotebooks(python, env, floorFiles, path.join(work, "out-floor"));
    const course = runNotebooks(python, env, notebooks, path.join(work, "out-course"));
    if (!bare.passed || !floor.passed)
      throw new Error(`the floor notebooks failed to run:\n${bare.output}${floor.output}`);
    return {
      notebooks: notebooks.map((n) => path.basename(n)),
      totalMs: course.ms,
      floorMs: floor.ms / N,
      bareKernelMs: bare.ms / N,
      ratio: course.ms / floor.ms,
      passed: course.passed,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// Runs scripts/executeNotebooks.py (the real Jupyter runner, tslab's kernel or Deno's) and reads its JSON report.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { jupyterEnv, jupyterPython } from "./jupyter";

export interface RunResult {
  notebook: string;
  passed: boolean;
  cell?: number | null;
  code_cell?: number;
  status?: string;
  message?: string;
}

/**
 * Executes the notebooks, writing executed copies to outDir; returns each result and the runner's
 * output (echoed unless `echo` is false). `env`: the runner's environment (default jupyterEnv(), with
 * the project's kernels; the kernels inherit it, so a PATH there chooses tslab's Node).
 */
export function runNotebooks(
  notebooks: string[],
  outDir: string,
  extraArgs: string[] = [],
  echo = true,
  env: NodeJS.ProcessEnv = jupyterEnv(),
): { results: RunResult[]; output: string; status: number | null } {
  const python = jupyterPython();
  const report = path.join(mkdtempSync(path.join(tmpdir(), "downhill-run-")), "report.json");
  const run = spawnSync(
    python,
    [
      "scripts/executeNotebooks.py",
      "--out",
      outDir,
      "--report",
      report,
      ...extraArgs,
      ...notebooks,
    ],
    { encoding: "utf8", env, timeout: 30 * 60 * 1000 },
  );
  const output = `${run.stdout}${run.stderr}`;
  if (echo) process.stdout.write(run.stdout);
  let results: RunResult[] = [];
  try {
    results = JSON.parse(readFileSync(report, "utf8"));
  } catch {
    throw new Error(`the notebook runner wrote no report (exit ${run.status}):\n${output}`);
  }
  return { results, output, status: run.status };
}

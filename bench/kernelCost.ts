/**
 * Measure 4b, the two kernels (tslab's and Deno's, scripts/kernelSpecs.mjs), each started as Jupyter
 * starts it, in notebooks/:
 * - first result: wall time from asking Jupyter to start the kernel to the first output of a cell that
 *   imports ./src/index and runs a gradient check (what a learner waits for after opening a lesson),
 *   median of `starts` fresh kernels;
 * - lesson 1's CPU: the CPU seconds (user + system) of the kernel's processes after running every code
 *   cell of lesson 1, start included (Linux: read from /proc before the kernel is shut down).
 * Class capacity per kernel (measure 8 runs tslab's only) is not measured.
 */
import { spawnSync } from "node:child_process";
import { ensureEnvironment } from "../scripts/environment.mjs";
import { kernelDisplayNames, kernelNames } from "../scripts/kernelSpecs.mjs";
import { notebookPaths, notebooksDir } from "../scripts/notebookFormat.mjs";
import { median } from "../src/stats/median";

export interface KernelCostRow {
  kernel: string;
  displayName: string;
  /** Median wall time from kernel start to the gradient check's first output. */
  firstResultMs: number;
  /** CPU seconds of the kernel's processes for lesson 1, start included. */
  lesson1CpuSeconds: number;
  /** Whether every cell of lesson 1 replied "ok". */
  lesson1Passed: boolean;
}

/** The cell timed for the first result: the library imported and one gradient check shown. */
export const firstCell = [
  'import { gradcheck, showGradcheck } from "./src/index";',
  "showGradcheck(gradcheck(([a, b]: number[]) => a * a * b, [4, 1], [1, 2]));",
].join("\n");

// Jupyter's own client, driving one kernel the way a front end does.
const script = String.raw`
import json, os, sys, time
from jupyter_client.manager import KernelManager

kernel, cwd, cell, lesson, starts = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
TICKS = os.sysconf("SC_CLK_TCK")

def start():
    km = KernelManager(kernel_name=kernel)
    km.start_kernel(cwd=cwd)
    kc = km.client()
    kc.start_channels()
    return km, kc

def run(kc, code, first_output=False):
    """Sends a cell; returns (status, the time of its first output). With first_output, waits for that
    output even past the cell's "idle" (Deno's kernel may send outputs after it; any output counts,
    whatever request it names: nothing else runs)."""
    msg_id = kc.execute(code)
    first = None
    idle = False
    while not idle or (first_output and first is None):
        msg = kc.get_iopub_msg(timeout=600)
        kind = msg["msg_type"]
        if first is None and kind in ("display_data", "execute_result", "stream", "error"):
            first = time.monotonic()
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if kind == "status" and msg["content"]["execution_state"] == "idle":
            idle = True
    while True:
        reply = kc.get_shell_msg(timeout=600)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"]["status"], first

def tree_cpu(pid):
    """CPU seconds of pid and its descendants (user + system)."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            fields = open(f"/proc/{p}/stat").read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except OSError:
            pass
        todo.extend(children.get(p, []))
    return total / TICKS

firsts = []
for _ in range(starts):
    began = time.monotonic()
    km, kc = start()
    try:
        kc.wait_for_ready(timeout=120)
        status, first = run(kc, cell, first_output=True)
        if status != "ok" or first is None:
            raise SystemExit(f"the gradient check failed under {kernel}: {status}")
        firsts.append(first - began)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)

import nbformat
nb = nbformat.read(lesson, as_version=4)
km, kc = start()
passed = True
try:
    kc.wait_for_ready(timeout=120)
    for c in nb.cells:
        if c.cell_type == "code" and c.source.strip():
            status, _ = run(kc, c.source)
            if status != "ok":
                passed = False
                break
    cpu = tree_cpu(km.provisioner.pid)
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
print(json.dumps({"firsts": firsts, "cpu": cpu, "passed": passed}))
`;

/** Measures both kernels; `starts` fresh kernels each for the first result (fewer with --quick). */
export function measureKernels(quick: boolean): KernelCostRow[] {
  const { python, env } = ensureEnvironment();
  const starts = quick ? 1 : 5;
  const lesson = notebookPaths()[0];
  return kernelNames.map((kernel) => {
    const run = spawnSync(
      python,
      ["-c", script, kernel, notebooksDir, firstCell, lesson, String(starts)],
      { env, encoding: "utf8", timeout: 30 * 60 * 1000 },
    );
    if (run.status !== 0)
      throw new Error(`measuring the ${kernel} kernel failed:\n${run.stdout}${run.stderr}`);
    const r: { firsts: number[]; cpu: number; passed: boolean } = JSON.parse(
      run.stdout.trim().split("\n").pop()!,
    );
    return {
      kernel,
      displayName: kernelDisplayNames[kernel],
      firstResultMs: median(r.firsts.map((s) => s * 1000)),
      lesson1CpuSeconds: r.cpu,
      lesson1Passed: r.passed,
    };
  });
}

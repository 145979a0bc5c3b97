// `npm start` brings up Jupyter on notebooks/ with the tslab kernel, and the setup it runs first is
// idempotent: once everything is installed, a second run installs nothing.
import assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { freePort } from "./helpers/freePort";
import { jupyterPython } from "./helpers/jupyter";

const token = "downhill-test";

async function poll<T>(
  what: string,
  seconds: number,
  attempt: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const value = await attempt().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out after ${seconds} s waiting for ${what}`);
}

// Runs code in a kernel the server started, through its connection file, and returns what it printed.
const runInKernel = `
import json, sys
from jupyter_client import BlockingKernelClient
client = BlockingKernelClient(connection_file=sys.argv[1])
client.load_connection_file()
client.start_channels(hb=False)
client.kernel_info(reply=True, timeout=60)
printed = []
reply = client.execute_interactive(sys.argv[2], timeout=120, output_hook=lambda m: printed.append(m["content"].get("text", "")) if m["msg_type"] == "stream" else None)
print(json.dumps({"status": reply["content"]["status"], "printed": "".join(printed)}))
`;

let jupyter: ChildProcess | undefined;
after(() => {
  if (jupyter?.pid) process.kill(-jupyter.pid, "SIGTERM");
});

test("a second environment setup installs nothing", () => {
  const run = spawnSync(process.execPath, ["scripts/environment.mjs"], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  assert.doesNotMatch(run.stdout, /installing|registering/);
  assert.match(run.stdout, /ready: Jupyter from .*, tslab kernel in \.jupyter/);
});

test("npm start serves notebooks/ with the tslab kernel, and code importing the course's src runs in it", async () => {
  const port = await freePort();
  const runtime = mkdtempSync(path.join(tmpdir(), "downhill-runtime-"));
  const env = { ...process.env, JUPYTER_RUNTIME_DIR: runtime };
  jupyter = spawn(
    "npm",
    [
      "start",
      "--",
      "--no-browser",
      `--port=${port}`,
      `--NotebookApp.token=${token}`,
      "--ip=127.0.0.1",
    ],
    { stdio: "ignore", detached: true, env },
  );
  const api = (route: string, init?: RequestInit) =>
    fetch(`http://127.0.0.1:${port}/api/${route}`, {
      ...init,
      headers: { Authorization: `token ${token}` },
    });
  const specs = await poll("the Jupyter server", 90, async () => {
    const r = await api("kernelspecs");
    return r.ok ? r.json() : undefined;
  });
  assert.ok(
    Object.keys(specs.kernelspecs).includes("tslab"),
    `kernels: ${Object.keys(specs.kernelspecs)}`,
  );
  const contents = await (await api("contents")).json();
  assert.ok(
    contents.content.some(
      (item: { name: string }) => item.name === "01-derivative-as-linear-approximation.ipynb",
    ),
  );
  const kernel = await (
    await api("kernels", { method: "POST", body: JSON.stringify({ name: "tslab" }) })
  ).json();
  assert.equal(kernel.name, "tslab");
  const code =
    'import { centralDifference } from "./src/index";\nconsole.log(centralDifference(Math.sin, 0).toFixed(9));';
  const python = jupyterPython();
  const run = spawnSync(
    python,
    ["-c", runInKernel, path.join(runtime, `kernel-${kernel.id}.json`), code],
    { encoding: "utf8", timeout: 180_000 },
  );
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), { status: "ok", printed: "1.000000000\n" });
});

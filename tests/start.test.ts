// `npm start` brings up Jupyter on notebooks/ offering both kernels, tslab's and Deno's, under names that
// tell them apart, and the setup it runs first is idempotent: once everything is installed, a second
// run installs nothing.
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
  assert.match(run.stdout, /ready: Jupyter from .*, tslab and Deno kernels in \.jupyter/);
});

test("npm start serves notebooks/ with both kernels, and code importing the course's src runs in each", async () => {
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
  const offered = specs.kernelspecs as Record<string, { spec: { display_name: string } }>;
  assert.ok("tslab" in offered && "deno" in offered, `kernels: ${Object.keys(specs.kernelspecs)}`);
  assert.deepEqual(
    [offered.tslab.spec.display_name, offered.deno.spec.display_name],
    ["TypeScript (tslab)", "TypeScript (Deno)"],
  );
  const contents = await (await api("contents")).json();
  assert.ok(
    contents.content.some(
      (item: { name: string }) => item.name === "01-derivative-as-linear-approximation.ipynb",
    ),
  );
  const code =
    'import { centralDifference } from "./src/index";\nconsole.log(centralDifference(Math.sin, 0).toFixed(9));';
  const python = jupyterPython();
  for (const name of ["tslab", "deno"]) {
    const kernel = await (
      await api("kernels", { method: "POST", body: JSON.stringify({ name }) })
    ).json();
    assert.equal(kernel.name, name);
    const run = spawnSync(
      python,
      ["-c", runInKernel, path.join(runtime, `kernel-${kernel.id}.json`), code],
      { encoding: "utf8", timeout: 180_000 },
    );
    assert.equal(run.status, 0, `${name}: ${run.stderr}`);
    assert.deepEqual(JSON.parse(run.stdout), { status: "ok", printed: "1.000000000\n" }, name);
    // Shut down through the server: Deno's kernel does not exit with its server when that is killed.
    const deleted = await api(`kernels/${kernel.id}`, { method: "DELETE" });
    assert.equal(deleted.status, 204, `${name}: the kernel shut down`);
  }
});

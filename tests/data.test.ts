// Every data set is made by a committed, seeded script: running the script again must reproduce the
// committed files byte for byte. The script runs from a copy in a scratch folder (its `../src` linked
// to src/), so it writes its data there: the committed files are never touched, not even their times
// (the executed notebooks count as stale when data/ changes: scripts/handouts/executed.mjs).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { loadCsv } from "../src/index";
import { projectRoot } from "../scripts/paths.mjs";

const root = projectRoot;

const scripts: [string, string][] = [
  ["scripts/makeLineFitData.ts", "data/line-fit"],
  ["scripts/makeLinearNeuronData.ts", "data/linear-neuron"],
];

for (const [script, folder] of scripts) {
  test(`${script} reproduces ${folder} byte for byte`, () => {
    const files = readdirSync(folder)
      .filter((f) => f.endsWith(".csv"))
      .map((f) => path.join(folder, f));
    const scratch = mkdtempSync(path.join(tmpdir(), "downhill-data-"));
    try {
      mkdirSync(path.join(scratch, "scripts"));
      copyFileSync(path.join(root, script), path.join(scratch, script));
      // The script finds data/ through scripts/paths.mjs: beside it, in the scratch folder.
      copyFileSync(
        path.join(root, "scripts", "paths.mjs"),
        path.join(scratch, "scripts", "paths.mjs"),
      );
      symlinkSync(path.join(root, "src"), path.join(scratch, "src"));
      const run = spawnSync(process.execPath, ["--import", "tsx", path.join(scratch, script)], {
        cwd: root,
        encoding: "utf8",
      });
      assert.equal(run.status, 0, run.stderr);
      for (const file of files) {
        const made = path.join(scratch, file);
        assert.ok(
          readFileSync(made).equals(readFileSync(file)),
          `${file} changed when regenerated`,
        );
      }
      const madeFiles = readdirSync(path.join(scratch, folder)).filter((f) => f.endsWith(".csv"));
      assert.deepEqual(madeFiles.sort(), files.map((f) => path.basename(f)).sort());
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
  test(`every file in ${folder} loads as a table of finite numbers`, () => {
    for (const file of readdirSync(folder).filter((f) => f.endsWith(".csv"))) {
      assert.ok(loadCsv(path.join(folder, file)).rows.length > 0, file);
    }
  });
}

test("every data folder is described in data/README.md", () => {
  const readme = readFileSync("data/README.md", "utf8");
  for (const folder of readdirSync("data", { withFileTypes: true }).filter((d) =>
    d.isDirectory(),
  )) {
    assert.match(readme, new RegExp(`## ${folder.name}/`), `data/${folder.name} is not described`);
  }
});

// Every data set is made by a committed, seeded script: running the script again must reproduce the
// committed files byte for byte (if it does not, the originals are put back and the test fails).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { loadCsv } from "../src/index";

const scripts: [string, string][] = [
  ["scripts/make-line-fit-data.ts", "data/line-fit"],
  ["scripts/make-linear-neuron-data.ts", "data/linear-neuron"],
];

for (const [script, folder] of scripts) {
  test(`${script} reproduces ${folder} byte for byte`, () => {
    const files = readdirSync(folder)
      .filter((f) => f.endsWith(".csv"))
      .map((f) => path.join(folder, f));
    const before = new Map(files.map((f) => [f, readFileSync(f)]));
    const run = spawnSync(process.execPath, ["--import", "tsx", script], { encoding: "utf8" });
    try {
      assert.equal(run.status, 0, run.stderr);
      for (const [file, bytes] of before)
        assert.ok(readFileSync(file).equals(bytes), `${file} changed when regenerated`);
    } finally {
      for (const [file, bytes] of before) writeFileSync(file, bytes);
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

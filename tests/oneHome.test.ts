// One home per helper: a helper shared by src, scripts, tests and bench is written once. Each rule names
// the one file allowed to hold it; a second copy anywhere else fails here.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { projectRoot } from "../scripts/paths.mjs";

const root = projectRoot;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isSymbolicLink() || entry.name === "fixtures") return [];
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.(ts|mjs|py)$/.test(entry.name) ? [relative] : [];
  });
}

const files = ["src", "scripts", "tests", "bench"]
  .flatMap(sourceFiles)
  .filter((f) => f !== path.join("tests", "oneHome.test.ts"));
const text = new Map(files.map((f) => [f, readFileSync(path.join(root, f), "utf8")]));

const rules: [what: string, pattern: RegExp, home: string[]][] = [
  [
    "HTML escaping",
    /(function|const) escapeHtml\b|\.replace\(\/&\/g, "&amp;"\)/,
    ["src/display/format.ts"],
  ],
  ["inline-script escaping", /\.replace\(\/<\\\/\(?script/i, ["src/display/format.ts"]],
  ["the pass/fail colours", /#1a7f37|#cf222e/i, ["src/display/verdict.ts"]],
  // setupPlan.mjs is the lookup's pure decision (facts in, plan out), tested with made-up facts.
  [
    "the Jupyter Python lookup",
    /\/usr\/bin\/python3/,
    ["scripts/environment.mjs", "scripts/setupPlan.mjs", "tests/setupPlan.test.ts"],
  ],
  [
    "where the executed notebooks are (a test that reads them asks tests/helpers/executedNotebooks.ts)",
    /"build", "executed"|"build\/executed"/,
    ["tests/helpers/executedNotebooks.ts", "scripts/handouts/build.mjs"],
  ],
];

for (const [what, pattern, home] of rules) {
  test(`one home: ${what} only in ${home.join(", ")}`, () => {
    const found = files
      .filter((f) => pattern.test(text.get(f) ?? ""))
      .map((f) => f.split(path.sep).join("/"));
    assert.deepEqual(
      found.filter((f) => !home.includes(f)),
      [],
    );
  });
}

test("no unit test in src/ reads the clock: speed is measured by `npm run bench`, not asserted", () => {
  const clocked = files.filter(
    (f) =>
      f.startsWith("src") &&
      f.endsWith(".test.ts") &&
      /Date\.now\(\)|performance\.now\(\)/.test(text.get(f) ?? ""),
  );
  assert.deepEqual(clocked, []);
});

test("the argument checks of src/errors import nothing from the layers above them (optim, models, …)", () => {
  const upward = files
    .filter((f) => f.startsWith(path.join("src", "errors")) && !f.endsWith(".test.ts"))
    .flatMap((f) =>
      [...(text.get(f) ?? "").matchAll(/^import[^;]*?from "([^"]+)"/gms)]
        .map((m) => m[1])
        .filter((from) => !from.startsWith("./"))
        .map((from) => `${f} imports ${from}`),
    );
  assert.deepEqual(upward, []);
});

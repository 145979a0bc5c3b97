// src/index.ts is the lessons' API: every name a notebook imports is exported there, and notebooks
// import nothing else (not src/internal.ts, not a module file).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { notebookPaths } from "../scripts/notebookFormat.mjs";
import * as api from "../src/index";
import { projectRoot } from "../scripts/paths.mjs";

const root = projectRoot;
const indexText = readFileSync(path.join(root, "src", "index.ts"), "utf8");

/** Each notebook's imports from its src link: [module, names]. */
function notebookImports(notebook: string): [string, string[]][] {
  const cells: { cell_type: string; source: string | string[] }[] = JSON.parse(
    readFileSync(notebook, "utf8"),
  ).cells;
  const code = cells.filter((c) => c.cell_type === "code").map((c) => [c.source].flat().join(""));
  return code.flatMap((source) =>
    [...source.matchAll(/import\s*\{([^}]*)\}\s*from\s*"\.\/src\/?([^"]*)"/g)].map(
      (m): [string, string[]] => [
        m[2],
        m[1]
          .split(",")
          .map((n) => n.trim().replace(/^type\s+/, ""))
          .filter(Boolean),
      ],
    ),
  );
}

for (const notebook of notebookPaths() as string[]) {
  test(`${path.basename(notebook)} imports only from src/index, and src/index exports each name`, () => {
    const imports = notebookImports(notebook);
    assert.ok(imports.length > 0, "no import from ./src/index");
    for (const [module, names] of imports) {
      assert.equal(module, "index", `imports from "./src/${module}"`);
      for (const name of names) {
        const exported =
          name in api ||
          new RegExp(`\\btype ${name}\\b|export type \\{[^}]*\\b${name}\\b`).test(indexText);
        assert.ok(exported, `${name} is not exported by src/index.ts`);
      }
    }
  });
}

test("the internal entry adds to the public API and takes nothing away", async () => {
  const internal = await import("../src/internal");
  for (const name of Object.keys(api)) assert.ok(name in internal, name);
});

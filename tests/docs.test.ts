// The error messages and imports the docs show are the ones the code produces: each example is
// compared, numbers and paths aside, with a message thrown by the same call.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { gradientDescent, LinearNeuron, loadCsv } from "../src/index";

/** A message with every number replaced by #, so an example compares by shape. */
const shape = (message: string) => message.replace(/-?\d+(\.\d+)?(e[+-]?\d+)?/g, "#");

function messageOf(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("the call did not throw");
}

const divergence = messageOf(() =>
  gradientDescent(new LinearNeuron(1), { X: [[1]], t: [1] }, [0], {
    learningRate: 2.5,
    steps: 2000,
  }),
);

test("the troubleshooting guide's DivergenceError example has the shape of the message gradientDescent throws", () => {
  const example = readFileSync("docs/troubleshooting.md", "utf8").match(
    /DivergenceError: (gradientDescent: .*)/,
  )?.[1];
  assert.ok(example, "no DivergenceError example in docs/troubleshooting.md");
  assert.equal(shape(example), shape(divergence));
});

test("gradientDescent's @throws example has the shape of the message it throws", () => {
  const example = readFileSync("src/optim/gradientDescent.ts", "utf8").match(
    /`(gradientDescent: diverged.*?)( …)?`/,
  )?.[1];
  assert.ok(example, "no divergence example in gradientDescent's doc comment");
  assert.ok(shape(divergence).startsWith(shape(example)), `${example} vs ${divergence}`);
});

test("loadCsv's example message (doc comment and troubleshooting guide) is the one it throws for a word among the numbers", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "downhill-docs-"));
  const file = path.join(dir, "x.csv");
  writeFileSync(file, "x,w2\n" + "1,2\n".repeat(5) + "3,abc\n");
  const actual = messageOf(() => loadCsv(file)).replace(file, "data/x.csv");
  const doc = readFileSync("src/data/loadCsv.ts", "utf8").match(
    /`(loadCsv: data\/x\.csv line .*?)`/,
  )?.[1];
  assert.equal(doc, actual);
  const guide = readFileSync("docs/troubleshooting.md", "utf8").match(
    /`(loadCsv: data\/x\.csv line .*?)`/,
  )?.[1];
  assert.equal(guide?.replace('("t")', '("w2")'), actual);
});

test('no doc tells a notebook to import the folder "./src" (tslab cannot load it)', () => {
  const docs = readdirSync("docs").map((name) => path.join("docs", name));
  for (const file of ["src/index.ts", "README.md", "CONTRIBUTING.md", ...docs]) {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (/"\.\/src"/.test(line)) assert.match(line, /cannot|fails/, `${file}: ${line}`);
    }
  }
});

/** The `## N.M` headings and `\tag{k}` equation numbers of a notebook. */
function landmarks(notebook: string): { sections: Set<string>; equations: Set<string> } {
  const nb = JSON.parse(readFileSync(notebook, "utf8")) as {
    cells: { cell_type: string; source: string | string[] }[];
  };
  const text = nb.cells
    .filter((cell) => cell.cell_type === "markdown")
    .map((cell) => (Array.isArray(cell.source) ? cell.source.join("") : cell.source))
    .join("\n");
  const sections = new Set([...text.matchAll(/^#{2,3} (\d+\.\d+) /gm)].map((m) => m[1]));
  const equations = new Set([...text.matchAll(/\\tag\{(\d+)\}/g)].map((m) => m[1]));
  return { sections, equations };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

test("every @see in src names a notebook, a section and an equation that exist", () => {
  const wrong: string[] = [];
  let cited = 0;
  for (const file of sourceFiles("src")) {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (!line.includes("@see notebooks/")) continue;
      // Each notebook named on the line owns the § and eq. references that follow it.
      for (const part of line.split(/(?=notebooks\/\d\d-)/).slice(1)) {
        const name = part.match(/^notebooks\/(\d\d-[a-z0-9-]+\.ipynb)/)?.[1];
        if (!name || !existsSync(path.join("notebooks", name))) {
          wrong.push(`${file}: ${part.trim()} (no such notebook)`);
          continue;
        }
        const { sections, equations } = landmarks(path.join("notebooks", name));
        for (const m of part.matchAll(/§(\d+\.\d+)(?:[–-]§?(\d+\.\d+))?/g)) {
          for (const section of [m[1], m[2]].filter(Boolean)) {
            cited += 1;
            if (!sections.has(section)) wrong.push(`${file}: ${name} has no section ${section}`);
          }
        }
        for (const m of part.matchAll(/eqs?\. \(([\d()–,\s and]+)/g)) {
          for (const number of m[1].match(/\d+/g) ?? []) {
            cited += 1;
            if (!equations.has(number)) wrong.push(`${file}: ${name} has no equation (${number})`);
          }
        }
      }
    }
  }
  assert.ok(cited > 50, `only ${cited} section and equation references found`);
  assert.deepEqual(wrong, []);
});

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { clean, notebookPaths, problems } from "../scripts/notebookFormat.mjs";

const MAX_LINE = 100; // the handouts show code cells at this width without a scroll bar

for (const file of notebookPaths() as string[]) {
  test(`${path.basename(file)} is stored clean: nbformat 4.5, cell ids, tslab kernel, no outputs`, () => {
    assert.deepEqual(problems(JSON.parse(readFileSync(file, "utf8"))), []);
  });

  test(`${path.basename(file)} has no code line longer than ${MAX_LINE} characters`, () => {
    const cells: { id: string; cell_type: string; source: string | string[] }[] = JSON.parse(
      readFileSync(file, "utf8"),
    ).cells;
    const long = cells
      .filter((cell) => cell.cell_type === "code")
      .flatMap((cell) =>
        [cell.source]
          .flat()
          .join("")
          .split("\n")
          .map((line, i) => ({ id: cell.id, line: i + 1, text: line })),
      )
      .filter(({ text }) => [...text].length > MAX_LINE)
      .map(
        ({ id, line, text }) =>
          `cell ${id}, line ${line} (${[...text].length} characters): ${text.slice(0, 60)}…`,
      );
    assert.deepEqual(long, []);
  });

  test(`${path.basename(file)} writes no file: a second run finds nothing the first one left`, () => {
    // npm test runs each lesson once more, in another folder (tests/reproducible.test.ts), not twice in
    // one: a file a cell wrote would survive to a learner's "Restart & Run All" unseen by that check.
    const code = (
      JSON.parse(readFileSync(file, "utf8")).cells as { cell_type: string; source: string[] }[]
    )
      .filter((cell) => cell.cell_type === "code")
      .map((cell) => [cell.source].flat().join(""))
      .join("\n");
    assert.doesNotMatch(
      code,
      /\b(writeFileSync|appendFileSync|writeFile|appendFile|mkdirSync|createWriteStream|rmSync|unlinkSync|renameSync)\b|from "(node:)?fs/,
    );
  });
}

test("the clean check finds outputs, execution counts, missing ids and another kernel, and clean() fixes them", () => {
  const dirty = {
    nbformat: 4,
    nbformat_minor: 4,
    metadata: { kernelspec: { name: "python3" } },
    cells: [
      {
        cell_type: "code",
        source: "1",
        metadata: { execution: { x: 1 } },
        execution_count: 3,
        outputs: [{ output_type: "stream" }],
      },
      { cell_type: "markdown", id: "a", source: "#", metadata: {} },
      { cell_type: "markdown", id: "a", source: "#", metadata: {} },
    ],
  };
  const found: string[] = problems(dirty);
  assert.equal(found.length, 7, found.join("\n"));
  assert.match(found.join("\n"), /nbformat is 4.4/);
  assert.match(found.join("\n"), /cell 1 has 1 output/);
  assert.match(found.join("\n"), /cell 3 repeats the id a/);
  assert.deepEqual(problems(clean(dirty)), []);
});

test("a source stored as one multi-line string is a problem, and clean() stores it as Jupyter's list of lines", () => {
  const nb = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "tslab" } },
    cells: [{ cell_type: "markdown", id: "a", metadata: {}, source: "# Title\n\nText" }],
  };
  assert.match(problems(nb).join("\n"), /cell 1 stores its source as one string/);
  const cleaned = clean(nb);
  assert.deepEqual(cleaned.cells[0].source, ["# Title\n", "\n", "Text"]);
  assert.deepEqual(problems(cleaned), []);
});

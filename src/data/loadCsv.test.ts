import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { column, loadCsv } from "./loadCsv";

function file(text: string): string {
  const name = path.join(mkdtempSync(path.join(tmpdir(), "downhill-")), "data.csv");
  writeFileSync(name, text);
  return name;
}

test("a CSV of numbers loads with its header, skipping comments and blank lines", () => {
  const table = loadCsv(file("# made by hand\nx1,x2,t\n1,2,3\n\n-0.5, 1e-3 ,4\n"));
  assert.deepEqual(table.columns, ["x1", "x2", "t"]);
  assert.deepEqual(table.rows, [
    [1, 2, 3],
    [-0.5, 0.001, 4],
  ]);
  assert.deepEqual(column(table, "t"), [3, 4]);
});

test("a bad value is reported with file, line and column", () => {
  const name = file("x,t\n1,2\n3,abc\n");
  assert.throws(() => loadCsv(name), {
    name: "DataFileError",
    message: new RegExp(
      `${name.replace(/[.]/g, "\\.")} line 3, column 2 \\("t"\\): "abc" is not a finite number`,
    ),
  });
  assert.throws(() => loadCsv(file("x,t\n1,2,3\n")), /line 2: 3 values; expected 2 \(x, t\)/);
  assert.throws(
    () => loadCsv(file("x,t\n1,\n")),
    /line 2, column 2 \("t"\): "" is not a finite number/,
  );
  assert.throws(() => loadCsv(file("x,t\nNaN,1\n")), /"NaN" is not a finite number/);
});

test("a missing, empty or header-only file is named in the error", () => {
  assert.throws(() => loadCsv("/no/such/file.csv"), {
    name: "DataFileError",
    message: /loadCsv: cannot read \/no\/such\/file.csv: no such file/,
  });
  assert.throws(() => loadCsv(file("")), /is empty; expected a header line/);
  assert.throws(() => loadCsv(file("x,t\n")), /has a header but no data lines/);
  assert.throws(
    () => column({ columns: ["x"], rows: [[1]] }, "t"),
    /column: no column "t"; the table has "x"/,
  );
});

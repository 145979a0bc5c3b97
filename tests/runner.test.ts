// The notebook runner, given notebooks that fail in every way we know, reports each one with its
// notebook, cell and message, keeps going with the rest, and exits non-zero.
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { before, describe, test } from "node:test";
import { runNotebooks, type RunResult } from "./helpers/runNotebooks";

const fixtures = path.join("tests", "fixtures", "runner");
const names = ["passes", "type-error", "thrown-error", "kernel-dies", "missing-data"];

describe("the notebook runner", () => {
  let run: { results: RunResult[]; output: string; status: number | null };
  const result = (name: string) =>
    run.results.find((r) => path.basename(r.notebook) === `${name}.ipynb`) as RunResult;
  before(() => {
    const out = mkdtempSync(path.join(tmpdir(), "downhill-runner-"));
    run = runNotebooks(
      names.map((n) => path.join(fixtures, `${n}.ipynb`)),
      out,
      ["--timeout", "60"],
      false,
    );
  });

  test("reports every notebook, keeps going after failures, and exits non-zero", () => {
    assert.equal(run.results.length, names.length);
    assert.equal(run.status, 1);
    assert.equal(result("passes").passed, true);
    assert.match(run.output, /1 of 5 notebooks passed/);
  });

  test("a type error names the cell and carries the compiler's message", () => {
    assert.deepEqual([result("type-error").cell, result("type-error").status], [2, "error"]);
    assert.match(
      result("type-error").message ?? "",
      /Type 'string' is not assignable to type 'number'/,
    );
    assert.match(run.output, /FAIL type-error.ipynb, cell 2 \(code cell 2\) \[error\]/);
  });

  test("a thrown error shows its own message, not tslab's empty one, without kernel stack frames", () => {
    assert.equal(result("thrown-error").cell, 2);
    assert.match(
      result("thrown-error").message ?? "",
      /RangeError: the learning rate is too large/,
    );
    assert.doesNotMatch(result("thrown-error").message ?? "", /node_modules\/tslab/);
  });

  test("a kernel that dies is reported at the cell that killed it", () => {
    assert.deepEqual([result("kernel-dies").cell, result("kernel-dies").status], [2, "dead"]);
    assert.match(result("kernel-dies").message ?? "", /kernel died/);
  });

  test("a missing data file is reported with the file's name", () => {
    assert.equal(result("missing-data").cell, 2);
    assert.match(
      result("missing-data").message ?? "",
      /DataFileError: loadCsv: cannot read \.\.\/data\/no-such-file\.csv: no such file/,
    );
  });
});

test("an endless loop is stopped by the timeout and named", () => {
  // Alone, with a short timeout: the loop keeps a core busy until it is stopped.
  const out = mkdtempSync(path.join(tmpdir(), "downhill-runner-"));
  const { results } = runNotebooks(
    [path.join(fixtures, "infinite-loop.ipynb")],
    out,
    ["--timeout", "15"],
    false,
  );
  assert.deepEqual([results[0].cell, results[0].status], [2, "timeout"]);
  assert.match(results[0].message ?? "", /ran longer than 15 s/);
});

describe("--runs 2", () => {
  // One run of the runner for the three fixtures (a Python and a kernel start fewer per fixture).
  let run: { results: RunResult[]; output: string };
  const result = (name: string) =>
    run.results.find((r) => path.basename(r.notebook) === `${name}.ipynb`) as RunResult;
  before(() => {
    const out = mkdtempSync(path.join(tmpdir(), "downhill-runner-"));
    process.env.DOWNHILL_RUN_MARKER = path.join(out, "marker");
    run = runNotebooks(
      ["fails-on-second-run", "not-reproducible", "timing-cell"].map((n) =>
        path.join(fixtures, `${n}.ipynb`),
      ),
      out,
      ["--runs", "2"],
      false,
    );
  });

  test("restarts the kernel and runs everything again, catching state that survives a run", () => {
    assert.equal(result("fails-on-second-run").passed, false);
    assert.match(
      run.output,
      /FAIL fails-on-second-run.ipynb, cell 2 \(code cell 2\), in run 2 after a kernel restart/,
    );
    assert.match(result("fails-on-second-run").message ?? "", /state left over from the first run/);
  });

  test("also proves the notebook reproducible: an unseeded random number fails with the cell named", () => {
    assert.equal(result("not-reproducible").passed, false);
    assert.equal(result("not-reproducible").status, "not reproducible");
    assert.match(
      run.output,
      /FAIL not-reproducible.ipynb, cell 1 \(code cell 1\), in run 2 after a kernel restart \[not reproducible\]/,
    );
  });

  test('lets a cell tagged "timing" show different measured times in each run, and keeps going after failures', () => {
    assert.equal(result("timing-cell").passed, true);
  });
});

describe("the notebook runner under Deno's kernel (--kernel deno)", () => {
  // Deno answers a failed cell with a proper error reply (name, message, stack), not tslab's empty
  // one: the report must carry it the same way, notebook and cell named.
  let run: { results: RunResult[]; output: string; status: number | null };
  const result = (name: string) =>
    run.results.find((r) => path.basename(r.notebook) === `${name}.ipynb`) as RunResult;
  before(() => {
    const out = mkdtempSync(path.join(tmpdir(), "downhill-runner-"));
    run = runNotebooks(
      ["passes", "thrown-error", "missing-data"].map((n) => path.join(fixtures, `${n}.ipynb`)),
      out,
      ["--kernel", "deno", "--timeout", "60"],
      false,
    );
  });

  test("a thrown error is reported with its notebook, cell and message, once, without Deno's frames", () => {
    assert.equal(result("passes").passed, true);
    assert.deepEqual([result("thrown-error").cell, result("thrown-error").status], [2, "error"]);
    const message = result("thrown-error").message ?? "";
    assert.match(message, /^RangeError: the learning rate is too large/);
    assert.equal(message.match(/the learning rate is too large/g)?.length, 1);
    assert.doesNotMatch(message, /ext:|\x1b\[/);
    assert.match(run.output, /FAIL thrown-error.ipynb, cell 2 \(code cell 2\) \[error\]/);
    assert.match(run.output, /1 of 3 notebooks passed/);
    assert.equal(run.status, 1);
  });

  test("a missing data file is reported with the file's name", () => {
    assert.equal(result("missing-data").cell, 2);
    assert.match(
      result("missing-data").message ?? "",
      /DataFileError: loadCsv: cannot read \.\.\/data\/no-such-file\.csv: no such file/,
    );
  });
});

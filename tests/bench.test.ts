// `npm run bench` at a tiny size (--quick): it runs, and its results file has the expected shape with
// finite positive figures. No timing thresholds: how fast the code is, is the benchmark's business.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";

const positive = (value: unknown, name: string) =>
  assert.ok(
    typeof value === "number" && Number.isFinite(value) && value > 0,
    `${name} is ${value}; expected a finite number > 0`,
  );

test("the benchmark runs at a tiny size and writes results with finite positive figures", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "downhill-bench-test-"));
  try {
    const out = path.join(dir, "results.json");
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "bench/run.ts", "--quick", "--out", out],
      // Measure 7 starts a JupyterHub and two learners' servers even at --quick: a minute on 2 cores.
      { encoding: "utf8", timeout: 300_000 },
    );
    assert.equal(run.status, 0, `bench/run.ts --quick failed:\n${run.stdout}${run.stderr}`);
    const r = JSON.parse(readFileSync(out, "utf8"));
    assert.equal(r.quick, true);
    for (const key of ["cpu", "os", "node"])
      assert.equal(typeof r.machine[key], "string", `machine.${key}`);
    positive(r.machine.cores, "machine.cores");
    positive(r.machine.memoryBytes, "machine.memoryBytes");

    assert.equal(r.gradientCost.rows.length, 3);
    for (const g of r.gradientCost.rows)
      for (const key of ["N", "W", "lossMs", "gradientMs", "ratio"])
        positive(g[key], `gradientCost ${g.size}.${key}`);

    assert.ok(r.numericalGradient.points.length >= 3);
    for (const p of r.numericalGradient.points)
      for (const key of ["W", "backpropMs", "numericalMs", "speedup"])
        positive(p[key], `numericalGradient W=${p.W}.${key}`);
    assert.ok(Number.isFinite(r.numericalGradient.slope), "numericalGradient.slope is finite");

    assert.equal(r.training.rows.length, 3);
    for (const t of r.training.rows) {
      assert.equal(
        t.agrees,
        true,
        `${t.size}: TanhNetwork, TensorFlow.js and mathjs agree on the loss`,
      );
      for (const impl of ["ours", "tfjs", "mathjs"])
        for (const key of ["msPerEpoch", "samplesPerSecond"])
          positive(t[impl][key], `training ${t.size}.${impl}.${key}`);
      positive(t.speedupVsTfjs, `training ${t.size}.speedupVsTfjs`);
      positive(t.speedupVsMathjs, `training ${t.size}.speedupVsMathjs`);
    }
    assert.equal(r.autodiffCost.rows.length, 3);
    for (const a of r.autodiffCost.rows) {
      for (const key of ["N", "W", "nodes", "engineMs", "tanhNetworkMs", "ratio"])
        positive(a[key], `autodiffCost ${a.size}.${key}`);
      assert.ok(
        Number.isFinite(a.maxScaledDifference) && a.maxScaledDifference < 1e-9,
        `autodiffCost ${a.size}: the engine and TanhNetwork.gradient agree (${a.maxScaledDifference})`,
      );
    }
    assert.equal(r.capacity.skipped, false, `capacity: ${r.capacity.note}`);
    assert.deepEqual(
      r.capacity.rounds.map((c: { learners: number }) => c.learners),
      [1, 2],
    );
    for (const c of r.capacity.rounds) {
      assert.equal(c.passed, true, `capacity: every cell ok with ${c.learners} learner(s)`);
      for (const key of [
        "meanSeconds",
        "maxSeconds",
        "slowdown",
        "serverRssBytes",
        "kernelRssBytes",
        "serverPssBytes",
        "kernelPssBytes",
        "kernelCpuSeconds",
      ])
        positive(c[key], `capacity ${c.learners} learners.${key}`);
    }
    assert.equal(r.capacity.rounds[0].slowdown, 1);
    for (const key of [
      "hubPssBytes",
      "learnersWithinLimit",
      "learnersPerCore",
      "bytesPerLearner",
      "learnersPerGiB",
      "memoryBound",
    ])
      positive(r.capacity[key], `capacity.${key}`);
    assert.equal(r.course.skipped, true);
    assert.equal(r.handouts.skipped, true);
    assert.match(
      readFileSync(path.join(dir, "results.md"), "utf8"),
      /\| network \| N \| W \| loss \(ms\) \| gradient \(ms\) \| gradient \/ loss \|/,
    );
    assert.match(
      readFileSync(path.join(dir, "results.md"), "utf8"),
      /\*\*6\. Autodiff engine\*\*[^\n]*\n\n\| network \| N \| W \| graph nodes \|/,
    );
    assert.match(
      readFileSync(path.join(dir, "results.md"), "utf8"),
      /\*\*7\. Class capacity\*\*[^\n]*\n\n\| learners \| mean time \(s\) \|/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

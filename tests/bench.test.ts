// `npm run bench` at a tiny size (--quick): it runs, and its results file has the expected shape with
// finite positive figures. No timing thresholds: how fast the code is, is the benchmark's business.
// Measure 8 (class capacity) needs a JupyterHub: tests/hub.test.ts runs it at --quick on the hub it
// starts anyway (one hub per `npm test`), so here it is skipped (--skip-capacity).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { measurePages } from "../bench/handouts";

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
      ["--import", "tsx", "bench/run.ts", "--quick", "--skip-capacity", "--out", out],
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
      for (const impl of ["ours", "tfjs", "tfjsWasm", "mathjs"])
        for (const key of ["msPerEpoch", "samplesPerSecond"])
          positive(t[impl][key], `training ${t.size}.${impl}.${key}`);
      positive(t.speedupVsTfjs, `training ${t.size}.speedupVsTfjs`);
      positive(t.speedupVsTfjsWasm, `training ${t.size}.speedupVsTfjsWasm`);
      positive(t.speedupVsMathjs, `training ${t.size}.speedupVsMathjs`);
      assert.ok(
        t.relativeDifference.tfjsWasm <= r.training.tolerances.tfjs,
        `${t.size}: TensorFlow.js WASM agrees to the float32 tolerance`,
      );
    }
    assert.match(r.tfjs, /cpu backend .* wasm backend/, "both tfjs backends are named");
    positive(r.scalarLimit.dotLength, "scalarLimit.dotLength");
    assert.equal(r.scalarLimit.rows.length, 3);
    for (const s of r.scalarLimit.rows)
      for (const key of [
        "N",
        "W",
        "multiplyAdds",
        "gradientMs",
        "gradientRate",
        "dotRate",
        "ratio",
      ])
        positive(s[key], `scalarLimit ${s.size}.${key}`);
    assert.equal(r.readability.rows.length, 3);
    for (const x of r.readability.rows) {
      for (const key of ["N", "W", "fastMs", "readableMs", "ratio"])
        positive(x[key], `readability ${x.size}.${key}`);
      assert.ok(
        Number.isFinite(x.maxScaledDifference) && x.maxScaledDifference < 1e-13,
        `readability ${x.size}: TanhNetwork and TanhNetworkFast agree (${x.maxScaledDifference})`,
      );
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
    // Measure 7: steps to a tolerance, one row per optimiser and problem, each at its best setting.
    const methods = ["plain descent", "momentum", "Nesterov", "RMSProp", "Adam"];
    assert.ok(r.optimizers.grid.learningRates.length >= 2);
    assert.ok(r.optimizers.problems.length >= 2, "the linear neuron and at least one network");
    assert.match(r.optimizers.problems[0].problem, /linear neuron/);
    for (const p of r.optimizers.problems) {
      assert.equal(typeof p.tolerance, "string");
      positive(p.budget, `optimizers ${p.problem}.budget`);
      assert.deepEqual(
        p.rows.map((x: { method: string }) => x.method),
        methods,
      );
      for (const x of p.rows) {
        positive(x.settingsTried, `optimizers ${p.problem} ${x.method}.settingsTried`);
        assert.equal(typeof x.atGridEdge, "boolean");
        if (x.steps === null) continue;
        assert.ok(Number.isInteger(x.steps) && x.steps >= 1 && x.steps <= p.budget);
        positive(x.learningRate, `optimizers ${p.problem} ${x.method}.learningRate`);
        // a winner not marked "(grid edge)" lies strictly inside the range of η searched
        const [low, high] = x.searched.learningRates;
        assert.ok(
          low <= x.learningRate && x.learningRate <= high,
          `${x.method}: η outside searched`,
        );
        if (!x.atGridEdge) assert.ok(low < x.learningRate && x.learningRate < high, x.method);
        assert.match(x.label, new RegExp(`^${x.method.split(" ")[0]}`, "i"));
      }
      assert.ok(p.rows[0].steps !== null, `${p.problem}: plain descent reaches the tolerance`);
      assert.equal(p.rows[0].vsPlain, 1);
    }
    const theory = r.optimizers.problems[0].theory;
    for (const key of ["kappa", "plainSteps", "momentumSteps", "plainLearningRate"])
      positive(theory[key], `optimizers theory.${key}`);
    assert.match(
      readFileSync(path.join(dir, "results.md"), "utf8"),
      /\*\*7\. Optimisers: steps to a tolerance\*\*[^\n]*\n\n\*linear neuron[^\n]*\n\n\| method \| best setting \| searched \| steps \| vs plain descent \|/,
    );
    assert.deepEqual(r.capacity, { skipped: true, note: "--skip-capacity" });
    assert.equal(r.course.skipped, true);
    assert.equal(r.handouts.skipped, true);
    assert.match(
      readFileSync(path.join(dir, "results.md"), "utf8"),
      /\| network \| N \| W \| loss \(ms\) \| gradient \(ms\) \| gradient \/ loss \|/,
    );
    assert.match(
      readFileSync(path.join(dir, "results.md"), "utf8"),
      /\| network \| N \| TanhNetwork \| tfjs CPU \| tfjs WASM \| mathjs \|/,
    );
    assert.match(
      readFileSync(path.join(dir, "results.md"), "utf8"),
      /\*\*3b\. The scalar limit\*\*[^\n]*\n\n\| network \| N \| multiply-adds per gradient \|[^\n]*\| gradient \/ dot product \|/,
    );
    assert.match(
      readFileSync(path.join(dir, "results.md"), "utf8"),
      /\*\*3c\. The price of readability\*\*[^\n]*\n\n\| network \| N \| W \| TanhNetworkFast \(ms\) \| TanhNetwork \(ms\) \| readable \/ fast \|/,
    );
    assert.match(
      readFileSync(path.join(dir, "results.md"), "utf8"),
      /\*\*6\. Autodiff engine\*\*[^\n]*\n\n\| network \| N \| W \| graph nodes \|/,
    );
    assert.match(
      readFileSync(path.join(dir, "results.md"), "utf8"),
      /\*\*8\. Class capacity\*\* — skipped: --skip-capacity\./,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("measure 5 reports, per page, bytes, figures and the times to figures shown, plotly.js ready, first screen live and every figure live", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "downhill-bench-handouts-"));
  try {
    // Two figures as a handout has them (an image in the note), one in the first screen and one far
    // below it, and a stand-in for plotly.js that draws a figure when it comes into view.
    const image = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="90" height="42"/>')}`;
    const figure = `<div class="downhill-figure" style="min-height:420px"><p class="downhill-figure-note"><img src="${image}" width="900" height="420"></p></div>`;
    const page = path.join(dir, "page.html");
    writeFileSync(
      page,
      `<!DOCTYPE html><html><body>${figure}<div style="height:3000px"></div>${figure}<script>
addEventListener("load", () => setTimeout(() => {
  window.Plotly = {};
  const draw = (f) => {
    f.classList.add("js-plotly-plot");
    f.insertAdjacentHTML("beforeend", '<svg class="main-svg"></svg>');
    f.querySelector(".downhill-figure-note").style.display = "none";
  };
  const near = new IntersectionObserver((es) => es.forEach((e) => e.isIntersecting && draw(e.target)));
  document.querySelectorAll(".downhill-figure").forEach((f) => near.observe(f));
}, 20));
</script></body></html>`,
    );
    const index = path.join(dir, "index.html");
    writeFileSync(index, "<!DOCTYPE html><html><body><p>No figures.</p></body></html>");
    const [withFigures, without] = await measurePages([page, index], 2);
    assert.equal(withFigures.page, "page.html");
    assert.equal(withFigures.figures, 2);
    positive(withFigures.bytes, "bytes");
    for (const key of [
      "msToFiguresShown",
      "msToPlotlyReady",
      "msToFirstScreenLive",
      "msToFiguresLive",
    ] as const)
      positive(withFigures[key], key);
    assert.ok(withFigures.msToFiguresLive >= (withFigures.msToFirstScreenLive as number));
    assert.equal(without.figures, 0);
    positive(without.msToFiguresShown, "msToFiguresShown without figures");
    assert.equal(without.msToPlotlyReady, null);
    assert.equal(without.msToFirstScreenLive, null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

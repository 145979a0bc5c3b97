/**
 * `npm run bench`: measures the cost of a gradient and of training, against the theoretical limits and
 * against TensorFlow.js and mathjs, the price of the readable TanhNetwork against TanhNetworkFast, plus
 * the course's execution time, the two kernels' start and CPU, the handouts' weight and the cost of lesson 5's autodiff engine against
 * the hand-written backprop, and the steps each optimiser
 * of lesson 6 needs to reach a tolerance at its own tuned settings; prints
 * Markdown tables and writes dist/bench/results.json (and results.md). A run that measured everything
 * (no --quick, no measure skipped) also writes its tables into docs/benchmarks.md, between the
 * `<!-- BEGIN GENERATED: bench -->` and `<!-- END GENERATED: bench -->` lines.
 *
 * Usage: tsx bench/run.ts [--quick] [--skip-notebooks] [--skip-capacity] [--out FILE] [--handouts DIR]
 *   --quick           tiny sizes and few repeats (the smoke test in tests/bench.test.ts); skips 4, 4b and 5;
 *                     measure 7 on a tiny grid and one network target; 8 runs a one-cell notebook for
 *                     1 and 2 learners
 *   --skip-notebooks  skips measures 4 and 4b (executing the course and lesson 1 in both kernels
 *                     takes a few minutes)
 *   --skip-capacity   skips measure 8 (a JupyterHub with up to 32 learners: several minutes)
 *   --out FILE        where to write the JSON (default dist/bench/results.json; results.md beside it)
 *   --handouts DIR    the built handouts (default dist/handouts; skipped when absent)
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { distDir, projectRoot } from "../scripts/paths.mjs";
import { measureAutodiffCost } from "./autodiffCost";
import { measureCapacity } from "./capacity";
import { courseTarget, measureCourse } from "./courseExecution";
import { measureKernels } from "./kernelCost";
import { gradientCostTarget, measureGradientCost } from "./gradientCost";
import { measureHandouts } from "./handouts";
import { describeMachine } from "./machine";
import { measureNumericalGradient } from "./numericalGradient";
import { measureOptimizers } from "./optimizers";
import { problems } from "./problems";
import { measureReadability } from "./readability";
import { dotLength, measureScalarLimit } from "./scalarLimit";
import { replaceGeneratedRegion } from "./generatedRegion";
import { incompleteBecause, markdown, type Results } from "./report";
import { useTfjsBackends } from "./tfjsNetwork";
import { measureTraining, tolerances, trainingTargets } from "./training";
import type { TimingOptions } from "./timing";

const benchmarksDoc = "docs/benchmarks.md";
const log = (message: string) => console.error(`[bench] ${message}`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean", default: false },
      "skip-notebooks": { type: "boolean", default: false },
      "skip-capacity": { type: "boolean", default: false },
      out: { type: "string", default: path.join(distDir, "bench", "results.json") },
      handouts: { type: "string", default: path.join(distDir, "handouts") },
    },
  });
  const quick = values.quick === true;
  const timing: TimingOptions = quick
    ? { warmup: 1, repeats: 3, minSampleMs: 1 }
    : { warmup: 3, repeats: 15, minSampleMs: 10 };
  const machine = describeMachine();
  const tfjs = await useTfjsBackends();
  const list = problems(quick);

  log("1/8 cost of a gradient");
  const gradientRows = measureGradientCost(list, timing);
  log("2/8 backprop against numericalGradient");
  const numerical = measureNumericalGradient(quick);
  log("3/8 training throughput: TanhNetwork (fast), TensorFlow.js (cpu, wasm), mathjs");
  const trainingRows = measureTraining(list, timing, quick);
  log("3b/8 TanhNetworkFast.gradient's multiply-adds per second against a dot-product loop");
  const scalarLimitRows = measureScalarLimit(list, timing);
  log("3c/8 the price of readability: TanhNetwork.gradient against TanhNetworkFast.gradient");
  const readabilityRows = measureReadability(list, timing);
  let course: Results["course"];
  if (quick || values["skip-notebooks"])
    course = { skipped: true, note: quick ? "--quick" : "--skip-notebooks" };
  else {
    log("4/8 course execution (executes every notebook; a minute or more)");
    try {
      course = { skipped: false, target: courseTarget, ...measureCourse() };
    } catch (error) {
      log(String(error));
      course = { skipped: true, note: `could not be measured: ${String(error).split("\n")[0]}` };
    }
  }
  let kernels: Results["kernels"];
  if (quick || values["skip-notebooks"])
    kernels = { skipped: true, note: quick ? "--quick" : "--skip-notebooks" };
  else {
    log("4b/8 the two kernels: first result, lesson 1's CPU (a minute or two)");
    try {
      kernels = { skipped: false, rows: measureKernels(false) };
    } catch (error) {
      log(String(error));
      kernels = { skipped: true, note: `could not be measured: ${String(error).split("\n")[0]}` };
    }
  }
  log("5/8 handouts");
  const handouts = quick
    ? { skipped: true as const, note: "--quick" }
    : await measureHandouts(path.resolve(values.handouts as string), 5);
  log("6/8 autodiff engine against TanhNetworkFast.gradient");
  const autodiffRows = measureAutodiffCost(list, timing, quick);
  log("7/8 optimisers: steps to a tolerance, each at its own tuned settings (a minute or two)");
  const optimizers = measureOptimizers(quick);
  let capacity: Results["capacity"];
  if (values["skip-capacity"]) capacity = { skipped: true, note: "--skip-capacity" };
  else {
    log("8/8 class capacity: learners running lesson 1 at once on a JupyterHub (minutes)");
    try {
      capacity = { skipped: false, ...(await measureCapacity(quick, log)) };
    } catch (error) {
      log(String(error));
      capacity = { skipped: true, note: `could not be measured: ${String(error).split("\n")[0]}` };
    }
  }

  const bishop = trainingRows[0],
    largest = trainingRows[trainingRows.length - 1];
  const targetsMet: Record<string, boolean> = {
    "1 gradient/loss ≤ 3": gradientRows.every((g) => g.ratio <= gradientCostTarget),
    "3 agreement": trainingRows.every((t) => t.agrees),
    [`3 ≥ ${trainingTargets.bishop}× tfjs at ${bishop.size}`]:
      bishop.speedupVsTfjs >= trainingTargets.bishop,
    [`3 ≥ ${trainingTargets.largest}× tfjs at ${largest.size}`]:
      largest.speedupVsTfjs >= trainingTargets.largest,
    [`3 ≥ ${trainingTargets.wasm}× tfjs WASM at every size`]: trainingRows.every(
      (t) => t.speedupVsTfjsWasm >= trainingTargets.wasm,
    ),
  };
  if (!course.skipped)
    targetsMet[`4 course ≤ ${courseTarget}× floor`] = course.ratio <= courseTarget && course.passed;
  if (!handouts.skipped)
    targetsMet["5 every figure shown ≤ 1 s"] = handouts.pages.every(
      (p) => p.msToFiguresShown <= 1000,
    );

  const results: Results = {
    version: 1,
    quick,
    date: new Date().toISOString().slice(0, 10),
    machine,
    method: `measures 1–3c and 6: CPU time of this process per call, median of ${timing.repeats} interleaved samples after ${timing.warmup} warm-up calls, each sample ≥ ${timing.minSampleMs} ms; ratios from the same run. Measures 4, 5 and 8: wall time`,
    tfjs,
    gradientCost: { target: gradientCostTarget, rows: gradientRows },
    numericalGradient: numerical,
    training: { targets: trainingTargets, tolerances, rows: trainingRows },
    scalarLimit: { dotLength, rows: scalarLimitRows },
    readability: { rows: readabilityRows },
    course,
    kernels,
    handouts,
    autodiffCost: { rows: autodiffRows },
    optimizers,
    capacity,
    targetsMet,
  };
  const out = path.resolve(values.out as string);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(results, null, 2) + "\n");
  const md = markdown(results);
  writeFileSync(out.replace(/\.json$/, "") + ".md", md);
  console.log(md);
  log(`wrote ${path.relative(process.cwd(), out)}`);
  const incomplete = incompleteBecause(results);
  if (incomplete.length > 0) log(`left ${benchmarksDoc} as it was: ${incomplete.join(", ")}`);
  else {
    const doc = path.join(projectRoot, benchmarksDoc);
    writeFileSync(doc, replaceGeneratedRegion(readFileSync(doc, "utf8"), "bench", md));
    log(`wrote the tables into ${benchmarksDoc}`);
  }
  if (!trainingRows.every((t) => t.agrees)) {
    log("the implementations do not agree on the loss: see training.rows[].losses");
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

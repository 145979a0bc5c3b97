/**
 * The results file's shape, and the results as Markdown tables (printed by `npm run bench`, and written
 * into docs/benchmarks.md's generated region by a run that measured everything).
 */
import type { AutodiffCostRow } from "./autodiffCost";
import { capacitySlowdownLimit, capacitySummary, type CapacityResult } from "./capacity";
import type { CourseResult } from "./courseExecution";
import type { KernelCostRow } from "./kernelCost";
import type { GradientCostRow } from "./gradientCost";
import type { HandoutsResult } from "./handouts";
import { machineLine, type Machine } from "./machine";
import type { NumericalGradientResult } from "./numericalGradient";
import type { OptimizerRow, OptimizersResult } from "./optimizers";
import type { ReadabilityRow } from "./readability";
import type { ScalarLimitRow } from "./scalarLimit";
import type { TrainingRow } from "./training";

export interface Results {
  version: 1;
  quick: boolean;
  date: string;
  machine: Machine;
  /** "CPU time per call, median of interleaved samples" and the like: how the figures were measured. */
  method: string;
  tfjs: string;
  gradientCost: { target: number; rows: GradientCostRow[] };
  numericalGradient: NumericalGradientResult;
  training: {
    targets: { bishop: number; largest: number; wasm: number };
    tolerances: { tfjs: number; mathjs: number };
    rows: TrainingRow[];
  };
  /** Measure 3b: TanhNetworkFast.gradient's multiply-adds per second over a plain dot-product loop's. */
  scalarLimit: { dotLength: number; rows: ScalarLimitRow[] };
  /** Measure 3c: the readable TanhNetwork.gradient's time over TanhNetworkFast.gradient's. */
  readability: { rows: ReadabilityRow[] };
  course: { skipped: true; note: string } | ({ skipped: false; target: number } & CourseResult);
  /** Measure 4b: tslab's kernel and Deno's, first result and lesson 1's CPU. */
  kernels: { skipped: true; note: string } | { skipped: false; rows: KernelCostRow[] };
  handouts: HandoutsResult;
  /** Measure 6: lesson 5's engine against TanhNetworkFast.gradient (no target: the ratio is the lesson). */
  autodiffCost: { rows: AutodiffCostRow[] };
  /** Measure 7: steps to a tolerance per optimiser of lesson 6, each at its best setting of a grid. */
  optimizers: OptimizersResult;
  /** Measure 8: learners running lesson 1 at once on one JupyterHub (scripts/hub/). */
  capacity: { skipped: true; note: string } | ({ skipped: false } & CapacityResult);
  /** Which targets were met (measures 1, 3 and 4; absent when skipped). */
  targetsMet: Record<string, boolean>;
}

/**
 * What keeps a run's tables out of docs/benchmarks.md: --quick, or a measure that was skipped (the
 * page shows one run, every table from the same machine and date). Empty when nothing does.
 */
export function incompleteBecause(r: Results): string[] {
  const reasons: string[] = [];
  if (r.quick) reasons.push("--quick");
  if (r.course.skipped) reasons.push(`measure 4 skipped (${r.course.note})`);
  if (r.kernels.skipped) reasons.push(`measure 4b skipped (${r.kernels.note})`);
  if (r.handouts.skipped) reasons.push(`measure 5 skipped (${r.handouts.note})`);
  if (r.capacity.skipped) reasons.push(`measure 8 skipped (${r.capacity.note})`);
  return reasons;
}

const fixed = (x: number, digits = 2) => x.toFixed(digits);
const ms = (x: number) =>
  x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x >= 0.01 ? x.toFixed(3) : x.toExponential(2);
const rate = (x: number) =>
  x >= 1e9
    ? `${(x / 1e9).toFixed(2)} G`
    : x >= 1e6
      ? `${(x / 1e6).toFixed(2)} M`
      : x >= 1e3
        ? `${(x / 1e3).toFixed(1)} k`
        : x.toFixed(0);
const table = (header: string[], rows: string[][]) =>
  [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");

/** All results as Markdown: one table per measure, with the machine and the method first. */
export function markdown(r: Results): string {
  const parts: string[] = [];
  parts.push(
    `Machine: ${machineLine(r.machine)}. Run ${r.date}${r.quick ? " (--quick: tiny sizes, not meaningful)" : ""}.`,
  );
  parts.push(`Method: ${r.method}.`);

  parts.push(
    `**1. Cost of a gradient** — time of \`gradient(X, T)\` over \`loss(X, T)\` (target ≤ ${r.gradientCost.target})\n\n` +
      table(
        ["network", "N", "W", "loss (ms)", "gradient (ms)", "gradient / loss"],
        r.gradientCost.rows.map((g) => [
          g.size,
          String(g.N),
          String(g.W),
          ms(g.lossMs),
          ms(g.gradientMs),
          `**${fixed(g.ratio)}**`,
        ]),
      ),
  );

  const n = r.numericalGradient;
  parts.push(
    `**2. Backprop against central differences** (1-M-1 networks, N = ${n.N}); fitted log-log slope of the speed-up against W: **${fixed(n.slope)}** (1 = linear in W)\n\n` +
      table(
        ["W", "backprop (ms)", "numericalGradient (ms)", "speed-up"],
        n.points.map((p) => [
          String(p.W),
          ms(p.backpropMs),
          ms(p.numericalMs),
          `${p.speedup.toFixed(0)}×`,
        ]),
      ),
  );

  const t = r.training;
  parts.push(
    `**3. Training throughput** — full-batch gradient descent, samples/s (targets: ≥ ${t.targets.bishop}× TensorFlow.js CPU at 1-3-1, ≥ ${t.targets.largest}× at 10-100-10, ≥ ${t.targets.wasm}× TensorFlow.js WASM at every size). ${r.tfjs}.\n\n` +
      table(
        [
          "network",
          "N",
          "TanhNetwork",
          "tfjs CPU",
          "tfjs WASM",
          "mathjs",
          "vs tfjs CPU",
          "vs tfjs WASM",
          "vs mathjs",
          `loss after k epochs: rel. diff. tfjs CPU / WASM / mathjs`,
        ],
        t.rows.map((x) => [
          x.size,
          String(x.N),
          rate(x.ours.samplesPerSecond),
          rate(x.tfjs.samplesPerSecond),
          rate(x.tfjsWasm.samplesPerSecond),
          rate(x.mathjs.samplesPerSecond),
          `**${fixed(x.speedupVsTfjs, 1)}×**`,
          `**${fixed(x.speedupVsTfjsWasm, 2)}×**`,
          `${fixed(x.speedupVsMathjs, 1)}×`,
          `${x.relativeDifference.tfjs.toExponential(1)} / ${x.relativeDifference.tfjsWasm.toExponential(1)} / ${x.relativeDifference.mathjs.toExponential(1)} (k = ${x.checkEpochs}) ${x.agrees ? "✓" : "✗"}`,
        ]),
      ),
  );

  parts.push(
    `**3b. The scalar limit** — multiply-adds per second of \`gradient(X, T)\` (counted: N·(2W + KM), tanh not counted) over those of a plain float64 dot-product loop \`s += a[i] * b[i]\` (${r.scalarLimit.dotLength} entries), timed in the same run\n\n` +
      table(
        [
          "network",
          "N",
          "multiply-adds per gradient",
          "gradient (ms)",
          "gradient (multiply-adds/s)",
          "dot product (multiply-adds/s)",
          "gradient / dot product",
        ],
        r.scalarLimit.rows.map((s) => [
          s.size,
          String(s.N),
          s.multiplyAdds.toLocaleString("en"),
          ms(s.gradientMs),
          rate(s.gradientRate),
          rate(s.dotRate),
          `**${fixed(s.ratio)}**`,
        ]),
      ),
  );

  parts.push(
    `**3c. The price of readability** — time of \`TanhNetwork.gradient\` (src/models/tanhNetwork.ts: lesson 4's equations one example at a time, the module a learner opens) over \`TanhNetworkFast.gradient\` (src/models/tanhNetworkFast.ts: what training and measures 1–3 run), same network, weights and batch, timed in the same run\n\n` +
      table(
        [
          "network",
          "N",
          "W",
          "TanhNetworkFast (ms)",
          "TanhNetwork (ms)",
          "readable / fast",
          "max scaled diff.",
        ],
        r.readability.rows.map((x) => [
          x.size,
          String(x.N),
          String(x.W),
          ms(x.fastMs),
          ms(x.readableMs),
          `**${fixed(x.ratio, 1)}×**`,
          x.maxScaledDifference.toExponential(1),
        ]),
      ),
  );

  parts.push(
    r.course.skipped
      ? `**4. Course execution** — skipped: ${r.course.note}.`
      : `**4. Course execution** — every notebook in a fresh kernel, against N × a one-cell notebook importing the library (target ≤ ${r.course.target}×)\n\n` +
          table(
            [
              "notebooks",
              "all notebooks (s)",
              "floor per notebook (s)",
              "bare kernel, `1 + 1` (s)",
              "course / (N × floor)",
            ],
            [
              [
                String(r.course.notebooks.length),
                fixed(r.course.totalMs / 1000, 1),
                fixed(r.course.floorMs / 1000, 1),
                fixed(r.course.bareKernelMs / 1000, 1),
                `**${fixed(r.course.ratio)}**${r.course.passed ? "" : " (a notebook failed)"}`,
              ],
            ],
          ),
  );

  parts.push(
    r.kernels.skipped
      ? `**4b. The two kernels** — skipped: ${r.kernels.note}.`
      : "**4b. The two kernels** — wall time from starting a fresh kernel to the first output of a cell that imports `./src/index` and shows a gradient check (median of 5 starts); CPU seconds of the kernel's processes running all of lesson 1, start included\n\n" +
          table(
            ["kernel", "first result (s)", "lesson 1, CPU (s)"],
            r.kernels.rows.map((k) => [
              k.displayName,
              fixed(k.firstResultMs / 1000, 1),
              `${fixed(k.lesson1CpuSeconds, 1)}${k.lesson1Passed ? "" : " (a cell failed)"}`,
            ]),
          ),
  );

  parts.push(
    r.handouts.skipped
      ? `**5. Handouts** — skipped: ${r.handouts.note}.`
      : `**5. Handouts** — bytes per page and wall times in ms from navigation start, headless Chromium (1200 × 900), offline, median of interleaved loads: every figure shown (its decoded static image or its live plot, the ≤ 1 s target), plotly.js ready, the figures of the first screen live, and every figure live (scrolling each into view in turn; figures turn live only near the viewport)\n\n` +
          table(
            [
              "page",
              "bytes",
              "figures",
              "every figure shown",
              "plotly.js ready",
              "first screen live",
              "every figure live",
            ],
            r.handouts.pages.map((p) => [
              p.page,
              p.bytes.toLocaleString("en"),
              String(p.figures),
              `**${p.msToFiguresShown.toFixed(0)}**`,
              p.msToPlotlyReady === null ? "–" : p.msToPlotlyReady.toFixed(0),
              p.msToFirstScreenLive === null ? "–" : p.msToFirstScreenLive.toFixed(0),
              p.msToFiguresLive.toFixed(0),
            ]),
          ),
  );

  parts.push(
    `**6. Autodiff engine** — time of lesson 5's \`engineGradient\` (one object and closure per scalar) over \`TanhNetworkFast.gradient\` (loops over typed arrays), same network, weights and batch\n\n` +
      table(
        [
          "network",
          "N",
          "W",
          "graph nodes",
          "TanhNetworkFast (ms)",
          "engine (ms)",
          "engine / TanhNetworkFast",
          "max scaled diff.",
        ],
        r.autodiffCost.rows.map((a) => [
          a.size,
          String(a.N),
          String(a.W),
          a.nodes.toLocaleString("en"),
          ms(a.tanhNetworkMs),
          ms(a.engineMs),
          `**${a.ratio.toFixed(0)}×**`,
          a.maxScaledDifference.toExponential(1),
        ]),
      ),
  );

  parts.push(optimizersMarkdown(r.optimizers));
  parts.push(capacityMarkdown(r.capacity, r.machine.cores));

  parts.push(
    `Targets met: ${Object.entries(r.targetsMet)
      .map(([k, v]) => `${k} ${v ? "✓" : "✗"}`)
      .join(", ")}`,
  );
  return parts.join("\n\n") + "\n";
}

/** Measure 8's section of the report (tests/hub.test.ts checks it on a measure of its own hub). */
export function capacityMarkdown(c: Results["capacity"], cores: number): string {
  const mib = (b: number) => (b / 2 ** 20).toFixed(0);
  return c.skipped
    ? `**8. Class capacity** — skipped: ${c.note}.`
    : `**8. Class capacity** — k learners running \`${c.notebook}\` at once on one JupyterHub, each in their own server and kernel; a learner's time from opening the lesson to its last cell (load average at start ${c.loadAverageAtStart.join(" / ")})\n\n` +
        table(
          [
            "learners",
            "mean time (s)",
            "slowest (s)",
            "slowdown",
            "server RSS / PSS (MiB)",
            "kernel RSS / PSS (MiB)",
            "kernel CPU (s)",
          ],
          c.rounds.map((x) => [
            String(x.learners),
            fixed(x.meanSeconds, 1),
            fixed(x.maxSeconds, 1),
            `**${fixed(x.slowdown)}**${x.slowdown > capacitySlowdownLimit ? " (> 2)" : ""}${x.passed ? "" : " (a cell failed)"}`,
            `${mib(x.serverRssBytes)} / ${mib(x.serverPssBytes)}`,
            `${mib(x.kernelRssBytes)} / ${mib(x.kernelPssBytes)}`,
            fixed(x.kernelCpuSeconds, 1),
          ]),
        ) +
        `\n\n${capacitySummary(c, cores)}.`;
}

/** The η (and β or ρ) range a method searched, e.g. "η 0.000977–11.3, β 0.1–0.995". */
function searchedRange(row: OptimizerRow): string {
  const [low, high] = row.searched.learningRates;
  const values = row.searched.values?.map((v) => Number(v.toPrecision(6)));
  const symbol = row.method === "RMSProp" ? "ρ" : "β";
  return (
    `η ${low.toPrecision(3)}–${high.toPrecision(3)}` +
    (values === undefined
      ? ""
      : `, ${symbol} ${values[0] === values[1] ? values[0] : `${values[0]}–${values[1]}`}`)
  );
}

/** Measure 7 as Markdown: one row per problem and optimiser, then the theory's step counts. */
export function optimizersMarkdown(o: OptimizersResult): string {
  const setting = (label: string, eta: number | null) =>
    eta === null ? "—" : `${label.replace(/, ε = [^)]*/, "")}, η = ${eta.toPrecision(3)}`;
  const etas = o.grid.learningRates;
  const cell = (text: string) => text.replace(/\|/g, "\\|"); // |x| inside a table
  return (
    `**7. Optimisers: steps to a tolerance** — each at its own best setting: a grid search over η (${etas.length} values from ${Math.min(...etas).toPrecision(3)} to ${Math.max(...etas)}, a factor ${fixed(etas[0] / etas[1], 3)} apart) × β ∈ {${o.grid.betas.join(", ")}} (momentum, Nesterov), ρ ∈ {${o.grid.rhos.join(", ")}} (RMSProp), (β₁, β₂) ∈ {${o.grid.adam.map(([a, b]) => `(${a}, ${b})`).join(", ")}} (Adam), ε = 1e-8; fewest steps wins; a run that diverges or exceeds the budget is out. Where the winner sat at an end of η, β or ρ, the grid grew past it (η × √2 or ÷ √2, β and ρ halfway to 1 or halved, up to 8 times) and the "searched" column gives the range tried; "(grid edge)" marks a winner still at an end. Step counts are deterministic (no timing)\n\n` +
    o.problems
      .map(
        (p) =>
          `*${cell(p.problem)}*: reached when ${cell(p.tolerance)}; budget ${p.budget} steps.\n\n` +
          table(
            ["method", "best setting", "searched", "steps", "vs plain descent"],
            p.rows.map((x) => [
              x.method,
              setting(x.label, x.learningRate) + (x.atGridEdge ? " (grid edge)" : ""),
              searchedRange(x),
              x.steps === null ? `not within ${p.budget}` : `**${x.steps}**`,
              x.vsPlain === null ? "—" : `${fixed(x.vsPlain)}×`,
            ]),
          ),
      )
      .join("\n\n") +
    o.problems
      .map((p) =>
        p.theory === undefined
          ? ""
          : `\n\nTheory for the ${p.problem}, κ = ${fixed(p.theory.kappa)}: about ${p.theory.plainSteps} steps for plain descent at η* = ${p.theory.plainLearningRate.toPrecision(3)} (factor (κ − 1)/(κ + 1)) and ${p.theory.momentumSteps} for heavy ball at η = ${p.theory.momentum.learningRate.toPrecision(3)}, β = ${p.theory.momentum.beta.toPrecision(3)} (factor (√κ − 1)/(√κ + 1)): ln(tolerance)/ln(factor).`,
      )
      .join("")
  );
}

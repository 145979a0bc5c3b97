/**
 * Exercise checker for notebook 6: one step of heavy-ball momentum, written by the learner,
 *
 *   v ← β v − η ∇E(w),   w ← w + v,
 *
 * checked step by step against the course's own optimiser (`momentum` in src/optim) along a run.
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb (exercises)
 */
import { scaledError } from "../calculus/gradcheck";
import { formatNumber } from "../display/format";
import { rejectUnknownOptions, requireFunction, requireInteger } from "../errors/validate";
import { momentum } from "../optim/momentum";
import { createRandom } from "../random/createRandom";
import {
  callLearner,
  diagnose,
  showExercise,
  vectorText,
  type ExerciseOptions,
  type ExerciseResult,
} from "./feedback";
import { randomTestPoints } from "./testPoints";

/** The learner's answer: the new weights and velocity after one heavy-ball step. */
export type MomentumStep = (
  w: number[],
  v: number[],
  g: number[],
  learningRate: number,
  beta: number,
) => { w: number[]; v: number[] };

/**
 * The exercise's label and hint, how many runs and steps (default seed 6).
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb, Exercises
 */
export interface CheckMomentumStepOptions extends ExerciseOptions {
  /** How many runs, each with its own random η, β and start (default 4). */
  points?: number;
  /** Steps per run (default 8). */
  steps?: number;
  seed?: number;
}

/** A two-weight quadratic bowl E = ½ wᵀ A w with ∇E = A w, drawn from the seed. */
function bowlFrom(seed: number): number[][] {
  const random = createRandom(`checkMomentumStep-${seed}`);
  const [a, c, b] = [random.uniform(0.5, 2), random.uniform(0.2, 1), random.uniform(-0.3, 0.3)];
  return [
    [a, b],
    [b, c],
  ];
}

const times = (A: number[][], w: number[]) => A.map((row) => row[0] * w[0] + row[1] * w[1]);

/**
 * Checks a learner's `step(w, v, g, η, β) → { w, v }` along runs of heavy ball on a seeded quadratic:
 * at every step the learner gets the course optimiser's own (w, v) and g = ∇E(w), and its new w and v
 * must match the optimiser's next ones (scaled error ≤ 1e-9). The first wrong step is reported with
 * its inputs, and the hint names a known slip (the old velocity kept out, the gradient's sign, w moved
 * with the old v) or says how the wrong component is off (`diagnose`).
 * @throws InvalidArgumentError for bad options (the learner's own mistakes are reported, not thrown)
 * @example
 * evaluateMomentumStepAnswer((w, v, g, eta, beta) => { const u = v.map((vi, i) => beta * vi - eta * g[i]); return { w: w.map((wi, i) => wi + u[i]), v: u }; }).passed; // => true
 * evaluateMomentumStepAnswer((w, v, g, eta) => ({ w: w.map((wi, i) => wi - eta * g[i]), v: g.map((gi) => -eta * gi) })).message; // => "✗ At step 2 … β v …"
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb §6.1, eq. (2)
 */
export function evaluateMomentumStepAnswer(
  answer: MomentumStep,
  options: CheckMomentumStepOptions = {},
): ExerciseResult {
  const caller = "checkMomentumStep";
  requireFunction(caller, "answer", answer);
  rejectUnknownOptions(caller, options, ["points", "steps", "seed", "label", "hint"]);
  const steps = requireInteger(caller, "steps", options.steps ?? 8, 2, 1000);
  const seed = options.seed ?? 6;
  // Each run: a start w₀ ∈ [−2, 2]², η ∈ [0.05, 0.5], β ∈ [0.3, 0.95].
  const runs = randomTestPoints(
    caller,
    { dimension: 4, range: [0, 1], points: options.points ?? 4, seed },
    6,
  ).points.map(([a, b, c, d]) => ({
    w0: [4 * a - 2, 4 * b - 2],
    learningRate: 0.05 + 0.45 * c,
    beta: 0.3 + 0.65 * d,
  }));
  const A = bowlFrom(seed);
  const hint =
    options.hint ?? "first the velocity, v ← β v − η g; then the weights, w ← w + v (the new v).";
  const mine: number[][] = [],
    truth: number[][] = [];
  let slip: { where: string; yours: string; right: string; why: string } | undefined;
  for (const { w0, learningRate, beta } of runs) {
    const move = momentum({ beta }).begin(2);
    const w = w0.slice();
    let v = [0, 0];
    for (let t = 1; t <= steps; t++) {
      const g = times(A, w);
      const where =
        `At step ${t} (η = ${formatNumber(learningRate)}, β = ${formatNumber(beta)}, ` +
        `w = ${vectorText(w)}, v = ${vectorText(v)}, g = ${vectorText(g)})`;
      const called = callLearner(
        () => answer(w.slice(), v.slice(), g.slice(), learningRate, beta),
        where.replace(/^At/, "at"),
        hint,
      );
      if (called.result) return called.result;
      const out = called.value as { w?: unknown; v?: unknown } | undefined;
      const shape = (x: unknown) =>
        Array.isArray(x) && x.length === 2 && x.every((c) => typeof c === "number" && isFinite(c));
      if (!out || !shape(out.w) || !shape(out.v))
        return {
          passed: false,
          message: `✗ ${where} your step returned ${JSON.stringify(out)}; expected { w, v }, each an array of 2 finite numbers.`,
        };
      const before = w.slice();
      move(w, g, learningRate, t); // the course's heavy ball: w now holds the next weights
      const vNext = w.map((wi, i) => wi - before[i]); // w ← w + v, so v is the change of w
      const [yw, yv] = [out.w as number[], out.v as number[]];
      mine.push([...yv, ...yw]);
      truth.push([...vNext, ...w]);
      const off = (a: number[], b: number[]) => a.some((x, i) => scaledError(x, b[i]) > 1e-9);
      if (slip === undefined && (off(yv, vNext) || off(yw, w))) {
        const which = off(yv, vNext) ? "v" : "w";
        slip = {
          where,
          yours: `your new ${which} is ${vectorText(which === "v" ? yv : yw)}`,
          right: `the heavy ball's is ${vectorText(which === "v" ? vNext : w)}`,
          why: known(before, v, g, learningRate, beta, yw, yv),
        };
      }
      v = vNext;
    }
  }
  if (slip === undefined)
    return {
      passed: true,
      message: `✓ Correct: ${runs.length} runs of ${steps} steps (random η, β and start) match the course's momentum optimiser at every step.`,
    };
  const why =
    slip.why ||
    diagnose(
      mine.map((r) => r[0]),
      truth.map((r) => r[0]),
      { truth: "true v" },
    );
  return { passed: false, message: `✗ ${slip.where} ${slip.yours}; ${slip.right}. ${why}` };
}

/** The slips learners make, recognised at one step; "" when none fits. */
function known(
  w: number[],
  v: number[],
  g: number[],
  eta: number,
  beta: number,
  yw: number[],
  yv: number[],
): string {
  const same = (a: number[], b: number[]) => a.every((x, i) => scaledError(x, b[i]) <= 1e-9);
  const right = v.map((vi, i) => beta * vi - eta * g[i]);
  if (
    same(
      yv,
      g.map((gi) => -eta * gi),
    ) &&
    v.some((x) => x !== 0)
  )
    return "Your velocity forgets the old one (that is plain descent): keep β v of it.";
  if (
    same(
      yv,
      v.map((vi, i) => beta * vi + eta * g[i]),
    )
  )
    return "The sign of the gradient term is flipped: your step goes uphill.";
  if (
    same(yv, right) &&
    same(
      yw,
      w.map((wi, i) => wi + v[i]),
    )
  )
    return "Your velocity is right, but w moved with the old v: add the new one.";
  if (
    same(yv, right) &&
    same(
      yw,
      w.map((wi, i) => wi - right[i]),
    )
  )
    return "Your velocity is right, but w moved against it: w ← w + v.";
  return "";
}

/**
 * Checks a learner's heavy-ball step (see `evaluateMomentumStepAnswer`) and shows the verdict or the hint.
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb, Exercises
 */
export function checkMomentumStep(
  answer: MomentumStep,
  options: CheckMomentumStepOptions = {},
): void {
  showExercise(evaluateMomentumStepAnswer(answer, options), options.label);
}

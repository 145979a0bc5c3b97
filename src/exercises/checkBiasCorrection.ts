/**
 * Exercise checker for notebook 6: Adam's bias-corrected averages m̂ₜ and ŝₜ computed by the learner
 * straight from the whole history of gradients g₁ … gₜ, with no running averages (unrolling eq. (9)
 * the way eq. (3) unrolls the velocity). The checker builds Adam's step from the learner's m̂ and ŝ and
 * compares it, step by step, with the course's own optimiser (`adam` in src/optim) fed the same
 * gradients.
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb (exercises)
 */
import { scaledError } from "../calculus/gradcheck";
import { formatNumber } from "../display/format";
import { requireFunction } from "../errors/validate";
import { adam } from "../optim/adam";
import { createRandom } from "../random/createRandom";
import { defineChecker } from "./defineChecker";
import { callLearner, diagnose, vectorText, type ExerciseOptions } from "./feedback";
import { randomRuns, runOptionNames, type RunOptions } from "./testPoints";

/** The learner's answer: Adam's bias-corrected averages at step t = gradients.length, from g₁ … gₜ. */
export type BiasCorrection = (
  gradients: number[][],
  beta1: number,
  beta2: number,
) => { mHat: number[]; sHat: number[] };

/**
 * The exercise's label and hint, how many runs (default 4, each with its own random β₁, β₂ and
 * gradients), how many steps each (default 10) and the seed (default 8).
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb, Exercises
 */
export interface CheckBiasCorrectionOptions extends ExerciseOptions, RunOptions {}

const ETA = 0.01,
  EPS = 1e-8;

const caller = "checkBiasCorrection";
// What evaluateBiasCorrectionAnswer and checkBiasCorrection check (their doc comments below say what).
const biasCorrection = defineChecker<[answer: BiasCorrection], CheckBiasCorrectionOptions>({
  name: caller,
  parameters: [["answer", requireFunction]],
  options: runOptionNames,
  hint: "unrolled, mₜ = (1 − β₁) Σⱼ β₁^(t−j) gⱼ, and those weights add up to 1 − β₁ᵗ.",
  evaluate([answer], options, hint) {
    const drawn = randomRuns(caller, options, { dimension: 2, steps: 10, seed: 8 });
    const { steps, seed } = drawn;
    const settings = drawn.settings.map(([a, b]) => ({
      beta1: 0.5 + 0.45 * a,
      beta2: 0.9 + 0.0999 * b,
    }));
    const random = createRandom(`${caller}-${seed}`);
    for (const { beta1, beta2 } of settings) {
      const move = adam({ beta1, beta2, epsilon: EPS }).begin(2);
      const w = [random.uniform(-1, 1), random.uniform(-1, 1)];
      const history: number[][] = [];
      const [m, s] = [
        [0, 0],
        [0, 0],
      ];
      for (let t = 1; t <= steps; t++) {
        const g = [random.normal(), 10 ** random.uniform(-2, 1) * random.normal()];
        history.push(g);
        g.forEach((gi, i) => {
          m[i] = beta1 * m[i] + (1 - beta1) * gi;
          s[i] = beta2 * s[i] + (1 - beta2) * gi * gi;
        });
        const where = `At step t = ${t} (β₁ = ${formatNumber(beta1)}, β₂ = ${formatNumber(beta2, 5)}, ${gradientNames(t)} = ${history.map(vectorText).join(", ")})`;
        const called = callLearner(
          () =>
            answer(
              history.map((gj) => gj.slice()),
              beta1,
              beta2,
            ),
          where.replace(/^At/, "at"),
          hint,
        );
        if (called.result) return called.result;
        const out = called.value as { mHat?: unknown; sHat?: unknown } | undefined;
        const ok = (x: unknown) =>
          Array.isArray(x) &&
          x.length === 2 &&
          x.every((c) => typeof c === "number" && isFinite(c));
        if (!out || !ok(out.mHat) || !ok(out.sHat) || (out.sHat as number[]).some((x) => x < 0))
          return {
            passed: false,
            message: `✗ ${where} your function returned ${JSON.stringify(out)}; expected { mHat, sHat }, each an array of 2 finite numbers (sHat ≥ 0).`,
          };
        const [mHat, sHat] = [out.mHat as number[], out.sHat as number[]];
        const before = w.slice();
        move(w, g, ETA, t); // the course's Adam
        const yours = before.map((wi, i) => wi - (ETA * mHat[i]) / (Math.sqrt(sHat[i]) + EPS));
        if (yours.some((x, i) => scaledError(x - before[i], w[i] - before[i], 1e-12) > 1e-9)) {
          const right = m.map((mi) => mi / (1 - beta1 ** t));
          const why =
            known(history, beta1, beta2, mHat, sHat) ||
            diagnose(mHat, right, {
              truth: "m̂ Adam uses",
              form: "the weight of each gradient (βᵗ⁻ʲ for gⱼ, newest weighted most) and what they add up to",
            });
          return {
            passed: false,
            message: `✗ ${where} your m̂ = ${vectorText(mHat)} and ŝ = ${vectorText(sHat)} move w to ${vectorText(yours)}; Adam's m̂ = ${vectorText(right)} moves it to ${vectorText(w)}. ${why}`,
          };
        }
      }
    }
    return {
      passed: true,
      message: `✓ Correct: with your m̂ and ŝ from the gradients alone, ${settings.length} runs of ${steps} steps (random β₁, β₂ and gradients) take exactly the course's Adam steps.`,
    };
  },
});

/**
 * Checks a learner's `averages(gradients, β₁, β₂) → { mHat, sHat }`: along seeded runs of two weights
 * fed random gradients, at every step t the learner gets g₁ … gₜ (oldest first), the checker steps
 * w ← w − η m̂/(√ŝ + ε) with the learner's m̂ and ŝ and requires the course's `adam` to take the same
 * step (relative error ≤ 1e-9). The first wrong step is reported with the learner's m̂ and Adam's, and
 * the hint names a known slip (no correction, a plain mean, the oldest gradient weighted most, the
 * square of the mean in ŝ) or how the factor is off.
 * @throws InvalidArgumentError for bad options (the learner's own mistakes are reported, not thrown)
 * @example
 * evaluateBiasCorrectionAnswer((gs) => ({ mHat: gs[gs.length - 1], sHat: gs[gs.length - 1].map((g) => g * g) })).message; // => "✗ At step t = 2 …"
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb §6.4, eqs. (9)–(10)
 */
export const evaluateBiasCorrectionAnswer = biasCorrection.evaluate;

const subscript = (n: number) => String(n).replace(/\d/g, (d) => "₀₁₂₃₄₅₆₇₈₉"[Number(d)]);
/** "gradient g₁", "gradients g₁, g₂", "gradients g₁ … g₁₀". */
const gradientNames = (t: number) =>
  t === 1 ? "gradient g₁" : `gradients g₁${t === 2 ? "," : " …"} g${subscript(t)}`;

/** The slips learners make, recognised at one step; "" when none fits. */
function known(
  history: number[][],
  beta1: number,
  beta2: number,
  mHat: number[],
  sHat: number[],
): string {
  const t = history.length;
  // Σⱼ weight(j) xⱼ over the history, for a weight of j = 1 … t.
  const weighted = (weight: (j: number) => number, x: (g: number[]) => number[]) =>
    [0, 1].map((i) => history.reduce((sum, g, k) => sum + weight(k + 1) * x(g)[i], 0));
  const same = (a: number[], b: number[]) => a.every((x, i) => scaledError(x, b[i], 1e-12) <= 1e-9);
  const squares = (g: number[]) => g.map((x) => x * x);
  const itself = (g: number[]) => g;
  const newest = (beta: number) => (j: number) => beta ** (t - j);
  const uncorrected = (beta: number, x: (g: number[]) => number[]) =>
    weighted((j) => (1 - beta) * newest(beta)(j), x);
  const meanOf = (x: (g: number[]) => number[]) => weighted(() => 1 / t, x);
  const total = (beta: number) => (1 - beta ** t) / (1 - beta); // Σⱼ β^(t−j)
  const oldest = (beta: number, x: (g: number[]) => number[]) =>
    weighted((j) => beta ** (j - 1) / total(beta), x);
  if (same(mHat, uncorrected(beta1, itself)))
    return "Your m̂ is mₜ itself: its weights add up to 1 − β₁ᵗ, not 1 (no bias correction).";
  if (same(sHat, uncorrected(beta2, squares)) && !same(sHat, meanOf(squares)))
    return "Your ŝ is sₜ itself: its weights add up to 1 − β₂ᵗ, not 1 (no bias correction).";
  if (same(mHat, meanOf(itself)))
    return "Your m̂ is the plain mean of the gradients: Adam weights gⱼ by β₁^(t−j), the newest most.";
  if (same(mHat, oldest(beta1, itself)))
    return "Your weights favour the oldest gradients: g₁ should get β₁^(t−1), the newest gₜ gets β₁⁰ = 1.";
  const mean = weighted((j) => newest(beta2)(j) / total(beta2), itself);
  if (same(sHat, squares(mean)))
    return "Your ŝ is the square of an average gradient: it is the average of the squares gⱼ².";
  return "";
}

/**
 * Checks a learner's bias-corrected averages from the gradient history (see
 * `evaluateBiasCorrectionAnswer`) and shows the verdict or the hint.
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb, Exercises
 */
export const checkBiasCorrection = biasCorrection.check;

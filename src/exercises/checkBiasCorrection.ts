/**
 * Exercise checker for notebook 6: Adam's bias correction, m̂ = m/(1 − β₁ᵗ) and ŝ = s/(1 − β₂ᵗ),
 * written by the learner. The checker builds Adam's step from the learner's m̂ and ŝ and compares it,
 * step by step, with the course's own optimiser (`adam` in src/optim) fed the same gradients.
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb (exercises)
 */
import { scaledError } from "../calculus/gradcheck";
import { formatNumber } from "../display/format";
import { rejectUnknownOptions, requireFunction, requireInteger } from "../errors/validate";
import { adam } from "../optim/adam";
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

/** The learner's answer: the bias-corrected averages at step t. */
export type BiasCorrection = (
  m: number[],
  s: number[],
  t: number,
  beta1: number,
  beta2: number,
) => { mHat: number[]; sHat: number[] };

/**
 * The exercise's label and hint, how many runs and steps (default seed 8).
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb, Exercises
 */
export interface CheckBiasCorrectionOptions extends ExerciseOptions {
  /** How many runs, each with its own random β₁, β₂ and gradients (default 4). */
  points?: number;
  /** Steps per run (default 10). */
  steps?: number;
  seed?: number;
}

const ETA = 0.01,
  EPS = 1e-8;

/**
 * Checks a learner's `correct(m, s, t, β₁, β₂) → { mHat, sHat }`: along seeded runs of two weights fed
 * random gradients, the checker keeps m ← β₁m + (1 − β₁)g and s ← β₂s + (1 − β₂)g², asks the learner
 * for m̂ and ŝ, steps w ← w − η m̂/(√ŝ + ε) and requires the course's `adam` to take the same step
 * (relative error ≤ 1e-9) at every t. The first wrong step is reported with the ratios m̂/m and ŝ/s,
 * and the hint says which average is uncorrected or how the factor is off.
 * @throws InvalidArgumentError for bad options (the learner's own mistakes are reported, not thrown)
 * @example
 * evaluateBiasCorrectionAnswer((m, s, t, b1, b2) => ({ mHat: m.map((x) => x / (1 - b1 ** t)), sHat: s.map((x) => x / (1 - b2 ** t)) })).passed; // => true
 * evaluateBiasCorrectionAnswer((m, s) => ({ mHat: m, sHat: s })).message; // => "✗ At step t = 1 … your m̂/m = 1 and ŝ/s = 1 …"
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb §6.4, eq. (10)
 */
export function evaluateBiasCorrectionAnswer(
  answer: BiasCorrection,
  options: CheckBiasCorrectionOptions = {},
): ExerciseResult {
  const caller = "checkBiasCorrection";
  requireFunction(caller, "answer", answer);
  rejectUnknownOptions(caller, options, ["points", "steps", "seed", "label", "hint"]);
  const steps = requireInteger(caller, "steps", options.steps ?? 10, 2, 1000);
  const seed = options.seed ?? 8;
  const settings = randomTestPoints(
    caller,
    { dimension: 2, range: [0, 1], points: options.points ?? 4, seed },
    8,
  ).points.map(([a, b]) => ({ beta1: 0.5 + 0.45 * a, beta2: 0.9 + 0.0999 * b }));
  const random = createRandom(`${caller}-${seed}`);
  const hint =
    options.hint ?? "an average that starts at 0 has only 1 − βᵗ of its weight after t steps.";
  const ratios: { mine: number[]; truth: number[] } = { mine: [], truth: [] };
  for (const { beta1, beta2 } of settings) {
    const move = adam({ beta1, beta2, epsilon: EPS }).begin(2);
    const w = [random.uniform(-1, 1), random.uniform(-1, 1)];
    const [m, s] = [
      [0, 0],
      [0, 0],
    ];
    for (let t = 1; t <= steps; t++) {
      const g = [random.normal(), 10 ** random.uniform(-2, 1) * random.normal()];
      g.forEach((gi, i) => {
        m[i] = beta1 * m[i] + (1 - beta1) * gi;
        s[i] = beta2 * s[i] + (1 - beta2) * gi * gi;
      });
      const where = `At step t = ${t} (β₁ = ${formatNumber(beta1)}, β₂ = ${formatNumber(beta2, 5)}, m = ${vectorText(m)}, s = ${vectorText(s)})`;
      const called = callLearner(
        () => answer(m.slice(), s.slice(), t, beta1, beta2),
        where.replace(/^At/, "at"),
        hint,
      );
      if (called.result) return called.result;
      const out = called.value as { mHat?: unknown; sHat?: unknown } | undefined;
      const ok = (x: unknown) =>
        Array.isArray(x) && x.length === 2 && x.every((c) => typeof c === "number" && isFinite(c));
      if (!out || !ok(out.mHat) || !ok(out.sHat) || (out.sHat as number[]).some((x) => x < 0))
        return {
          passed: false,
          message:
            `✗ ${where} your function returned ${JSON.stringify(out)}; expected { mHat, sHat }, each an array of 2 finite numbers (sHat ≥ 0). ${t === 1 ? "At t = 1 the correction divides by 1 − β¹, not by 1 − β⁰ = 0." : ""}`.trim(),
        };
      const [mHat, sHat] = [out.mHat as number[], out.sHat as number[]];
      const before = w.slice();
      move(w, g, ETA, t); // the course's Adam
      const yours = before.map((wi, i) => wi - (ETA * mHat[i]) / (Math.sqrt(sHat[i]) + EPS));
      ratios.mine.push(mHat[0] / m[0]);
      ratios.truth.push(1 / (1 - beta1 ** t));
      if (yours.some((x, i) => scaledError(x - before[i], w[i] - before[i], 1e-12) > 1e-9)) {
        const mRatio = mHat[0] / m[0],
          sRatio = sHat[0] / s[0];
        const uncorrected = [
          Math.abs(mRatio - 1) < 1e-12 ? "m̂ = m (not divided by 1 − β₁ᵗ)" : "",
          Math.abs(sRatio - 1) < 1e-12 ? "ŝ = s (not divided by 1 − β₂ᵗ)" : "",
        ].filter(Boolean);
        const why =
          uncorrected.length > 0
            ? `Your ${uncorrected.join(" and ")}.`
            : diagnose(ratios.mine, ratios.truth, {
                truth: "correction m̂/m that Adam uses",
                form: "the power of β (it is t, the step number, starting at 1)",
              });
        return {
          passed: false,
          message: `✗ ${where} your m̂/m = ${formatNumber(mRatio, 5)} and ŝ/s = ${formatNumber(sRatio, 5)}, so your step moves w to ${vectorText(yours)}; Adam moves it to ${vectorText(w)}. ${why}`,
        };
      }
    }
  }
  return {
    passed: true,
    message: `✓ Correct: with your m̂ and ŝ, ${settings.length} runs of ${steps} steps (random β₁, β₂ and gradients) take exactly the course's Adam steps.`,
  };
}

/**
 * Checks a learner's bias correction (see `evaluateBiasCorrectionAnswer`) and shows the verdict or the hint.
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb, Exercises
 */
export function checkBiasCorrection(
  answer: BiasCorrection,
  options: CheckBiasCorrectionOptions = {},
): void {
  showExercise(evaluateBiasCorrectionAnswer(answer, options), options.label);
}

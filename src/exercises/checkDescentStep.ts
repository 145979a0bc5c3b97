/**
 * Exercise checker for notebook 3: one step of gradient descent, w ← w − η ∇E(w), written by the
 * learner for a given loss (for instance the loss of one mini-batch).
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb (exercises)
 */
import { numericalGradient } from "../calculus/numericalGradient";
import { relativeError } from "../calculus/gradcheck";
import { formatNumber } from "../display/format";
import { InvalidArgumentError } from "../errors/errors";
import { rejectUnknownOptions, requireFunction, requireInteger, requirePositive } from "../errors/validate";
import { createRandom } from "../random/createRandom";
import { diagnose } from "./checkDerivative";
import { callLearner, showExercise, vectorText, type ExerciseOptions, type ExerciseResult } from "./feedback";

export interface CheckDescentStepOptions extends ExerciseOptions {
  /** Names of the weights, used in hints (default w[0], w[1], …). */
  names?: string[];
  /** How many weights (default: names.length, else 2). */
  dimension?: number;
  /** Each weight of a test point is drawn from this range (default [−2, 2]). */
  range?: [number, number];
  /** How many random test points (default 10). */
  points?: number;
  /** Seed for the test points (default 5). */
  seed?: number;
}

/**
 * Checks a learner's `step(w)` against w − η·∇E(w) with ∇E by central differences (`numericalGradient`),
 * at seeded random w. Pass: every weight's change Δwᵢ within relative error 1e-6 at every point. A wrong
 * step is explained for the first wrong weight: its change against the true change, then whether it
 * goes uphill (sign), is a constant factor too long or short (η, or 1/N against 1/B), or is off in form.
 * @throws InvalidArgumentError for bad options (the learner's own mistakes are reported, not thrown)
 * @example
 * const E = ([a, b]: number[]) => a * a + b * b;
 * evaluateDescentStepAnswer(([a, b]) => [a - 0.1 * 2 * a, b - 0.1 * 2 * b], E, 0.1).passed; // => true
 * evaluateDescentStepAnswer(([a, b]) => [a + 0.1 * 2 * a, b], E, 0.1).message; // => "✗ The change of w[0] is off: … The sign is flipped everywhere: your step goes uphill."
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb (exercises)
 */
export function evaluateDescentStepAnswer(answer: (w: number[]) => number[], loss: (w: number[]) => number, learningRate: number, options: CheckDescentStepOptions = {}): ExerciseResult {
  const caller = "checkDescentStep";
  requireFunction(caller, "answer", answer);
  requireFunction(caller, "loss", loss);
  requirePositive(caller, "learningRate", learningRate);
  rejectUnknownOptions(caller, options, ["names", "dimension", "range", "points", "seed", "label", "hint"]);
  const dimension = requireInteger(caller, "dimension", options.dimension ?? options.names?.length ?? 2, 1);
  const names = options.names ?? Array.from({ length: dimension }, (_, i) => `w[${i}]`);
  if (names.length !== dimension) throw new InvalidArgumentError(`${caller}: names has length ${names.length}; expected ${dimension}`);
  const hint = options.hint ?? "return w − η·∇E(w): each weight moves against its own partial derivative.";
  const [low, high] = options.range ?? [-2, 2];
  const random = createRandom(options.seed ?? 5);
  const points = Array.from({ length: requireInteger(caller, "points", options.points ?? 10, 2) }, () => Array.from({ length: dimension }, () => random.uniform(low, high)));
  const trueChanges = points.map((w) => numericalGradient(loss, w).map((g) => -learningRate * g));
  const changes: number[][] = [];
  for (const w of points) {
    const called = callLearner(() => answer(w.slice()), `at w = ${vectorText(w)}`, hint);
    if (called.result) return called.result;
    const next: unknown = called.value;
    if (!Array.isArray(next) || next.length !== dimension || next.some((v) => typeof v !== "number" || !Number.isFinite(v))) {
      return { passed: false, message: `✗ At w = ${vectorText(w)} your step returned ${Array.isArray(next) ? `[${next.map(String).join(", ")}]` : String(next)}; expected the ${dimension} new weights as finite numbers.` };
    }
    changes.push((next as number[]).map((v, i) => v - w[i]));
  }
  for (let i = 0; i < dimension; i++) {
    const bad = points.findIndex((_, k) => relativeError(changes[k][i], trueChanges[k][i], 1e-3) > 1e-6);
    if (bad < 0) continue;
    const why = diagnose(changes.map((c) => c[i]), trueChanges.map((c) => c[i]), "true change").replace("The sign is flipped everywhere.", "The sign is flipped everywhere: your step goes uphill.");
    return {
      passed: false,
      message: `✗ The change of ${names[i]} is off: at w = ${vectorText(points[bad])} your step changes it by ${formatNumber(changes[bad][i])}; −η·∂E/∂${names[i]} there is ${formatNumber(trueChanges[bad][i])}. ${why}`,
    };
  }
  return { passed: true, message: `✓ Correct: at ${points.length} random w your step moves every weight by −η·∂E/∂w (η = ${formatNumber(learningRate)}).` };
}

/** Checks a learner's gradient-descent step (see `evaluateDescentStepAnswer`) and shows the verdict or the hint. */
export function checkDescentStep(answer: (w: number[]) => number[], loss: (w: number[]) => number, learningRate: number, options: CheckDescentStepOptions = {}): void {
  showExercise(evaluateDescentStepAnswer(answer, loss, learningRate, options), options.label);
}

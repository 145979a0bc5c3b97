/**
 * Exercise checker for notebook 6: heavy-ball momentum written without a velocity, in Polyak's own
 * two-step form,
 *
 *   w_{k+1} = w_k − η ∇E(w_k) + β (w_k − w_{k−1}),
 *
 * by the learner, checked step by step against the course's own optimiser (`momentum` in src/optim,
 * which keeps the velocity v = w_k − w_{k−1}) along runs on a seeded quadratic.
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb (exercises)
 */
import { scaledError } from "../calculus/gradcheck";
import { formatNumber } from "../display/format";
import { requireFunction } from "../errors/validate";
import { momentum } from "../optim/momentum";
import { createRandom } from "../random/createRandom";
import { defineChecker } from "./defineChecker";
import { callLearner, diagnose, vectorText, type ExerciseOptions } from "./feedback";
import { randomRuns, runOptionNames, type RunOptions } from "./testPoints";

/**
 * The learner's answer: the weights after one heavy-ball step, from the weights now (w), the weights
 * one step before (wPrevious; at the start, the start itself), the gradient g at w, η and β.
 */
export type MomentumStep = (
  w: number[],
  wPrevious: number[],
  g: number[],
  learningRate: number,
  beta: number,
) => number[];

/**
 * The exercise's label and hint, how many runs (default 4, each with its own random η, β and start),
 * how many steps each (default 8) and the seed (default 6).
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb, Exercises
 */
export interface CheckMomentumStepOptions extends ExerciseOptions, RunOptions {}

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

const caller = "checkMomentumStep";
// What evaluateMomentumStepAnswer and checkMomentumStep check (their doc comments below say what).
const momentumStep = defineChecker<[answer: MomentumStep], CheckMomentumStepOptions>({
  name: caller,
  parameters: [["answer", requireFunction]],
  options: runOptionNames,
  hint: "v = w − w_previous is the last step; heavy ball repeats β of it on top of −η g.",
  evaluate([answer], options, hint) {
    const drawn = randomRuns(caller, options, { dimension: 4, steps: 8, seed: 6 });
    const { steps, seed } = drawn;
    // Each run: a start w₀ ∈ [−2, 2]², η ∈ [0.05, 0.5], β ∈ [0.3, 0.95].
    const runs = drawn.settings.map(([a, b, c, d]) => ({
      w0: [4 * a - 2, 4 * b - 2],
      learningRate: 0.05 + 0.45 * c,
      beta: 0.3 + 0.65 * d,
    }));
    const A = bowlFrom(seed);
    const mine: number[] = [],
      truth: number[] = [];
    for (const { w0, learningRate, beta } of runs) {
      const move = momentum({ beta }).begin(2);
      const w = w0.slice();
      let previous = w0.slice(); // v₀ = 0: the step before the start is no step
      for (let t = 1; t <= steps; t++) {
        const g = times(A, w);
        const where =
          `At step ${t} (η = ${formatNumber(learningRate)}, β = ${formatNumber(beta)}, ` +
          `w = ${vectorText(w)}, wPrevious = ${vectorText(previous)}, g = ${vectorText(g)})`;
        const called = callLearner(
          () => answer(w.slice(), previous.slice(), g.slice(), learningRate, beta),
          where.replace(/^At/, "at"),
          hint,
        );
        if (called.result) return called.result;
        const out = called.value as unknown;
        if (
          !Array.isArray(out) ||
          out.length !== 2 ||
          !out.every((c) => typeof c === "number" && isFinite(c))
        )
          return {
            passed: false,
            message: `✗ ${where} your step returned ${JSON.stringify(out)}; expected the new weights, an array of 2 finite numbers.`,
          };
        const before = w.slice();
        move(w, g, learningRate, t); // the course's heavy ball: w now holds the next weights
        const yours = out as number[];
        // Compare the moves w_next − w_k (the weights themselves could hide a small step's error).
        const [myMove, rightMove] = [yours, w].map((x) => x.map((xi, i) => xi - before[i]));
        mine.push(...myMove);
        truth.push(...rightMove);
        if (myMove.some((x, i) => scaledError(x, rightMove[i], 1e-12) > 1e-9)) {
          const why =
            known(before, previous, g, learningRate, beta, yours) ||
            diagnose(mine, truth, {
              truth: "heavy ball's move w_next − w",
              form: "both terms of your step, −η g and β (w − wPrevious)",
            });
          return {
            passed: false,
            message: `✗ ${where} your step moves w to ${vectorText(yours)}; heavy ball moves it to ${vectorText(w)}. ${why}`,
          };
        }
        previous = before;
      }
    }
    return {
      passed: true,
      message: `✓ Correct: ${runs.length} runs of ${steps} steps (random η, β and start) match the course's momentum optimiser at every step.`,
    };
  },
});

/**
 * Checks a learner's `step(w, wPrevious, g, η, β) → w_next` along runs of heavy ball on a seeded
 * quadratic: at every step the learner gets the course optimiser's own w_k and w_{k−1} (w₋₁ = w₀, the
 * velocity starts at 0) and g = ∇E(w_k), and its answer must be the optimiser's next weights (scaled
 * error ≤ 1e-9). The first wrong step is reported with its inputs, and the hint names a known slip
 * (the memory left out, turned backwards, or the gradient's sign) or says how the step is off
 * (`diagnose`).
 * @throws InvalidArgumentError for bad options (the learner's own mistakes are reported, not thrown)
 * @example
 * evaluateMomentumStepAnswer((w, wPrevious, g, eta) => w.map((wi, i) => wi - eta * g[i])).message; // => "✗ At step 2 … forgets the last step …"
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb §6.1, eqs. (2) and (4)
 */
export const evaluateMomentumStepAnswer = momentumStep.evaluate;

/** The slips learners make, recognised at one step; "" when none fits. */
function known(
  w: number[],
  previous: number[],
  g: number[],
  eta: number,
  beta: number,
  yours: number[],
): string {
  const is = (f: (wi: number, i: number) => number) =>
    yours.every((x, i) => scaledError(x - w[i], f(w[i], i) - w[i], 1e-12) <= 1e-9);
  const last = (i: number) => w[i] - previous[i];
  if (is((wi, i) => wi - eta * g[i]))
    return "Your step forgets the last step (that is plain descent): add β times w − wPrevious.";
  if (is((wi, i) => wi - eta * g[i] - beta * last(i)))
    return "Your memory term points backwards: the last step was w − wPrevious, and heavy ball repeats β of it.";
  if (is((wi, i) => wi + eta * g[i] + beta * last(i)))
    return "The sign of the gradient term is flipped: your step goes uphill.";
  if (is((wi, i) => wi - eta * g[i] + eta * beta * last(i)))
    return "Your memory term carries a factor η: the last step already holds its η, so it is β (w − wPrevious).";
  return "";
}

/**
 * Checks a learner's heavy-ball step without a velocity (see `evaluateMomentumStepAnswer`) and shows
 * the verdict or the hint.
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb, Exercises
 */
export const checkMomentumStep = momentumStep.check;

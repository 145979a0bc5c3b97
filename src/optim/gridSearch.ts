/**
 * A fair grid search for comparing optimisers: every method tries the same number of settings (its η
 * and its own knobs: β, ρ, β₁ and β₂), each setting gets a score (lower is better: an error after a
 * fixed number of steps), the best is kept, and a winner at an end of its grid is flagged, since a wider
 * grid might have done better there. Where a score is noisy (a network from several random starts),
 * `halvingSearch` screens every setting on one start and runs only the best few from every start.
 *
 *   grid = η₁ … η_G  ×  values of knob 1  ×  values of knob 2 …,   best = argmin over the grid of score
 *
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb §6.4 (the bowl and the network), §6.5 (mini-batches)
 */
import { InvalidArgumentError } from "../errors/errors";
import {
  rejectUnknownOptions,
  requireFiniteVector,
  requireFunction,
  requireInteger,
  requirePositive,
} from "../errors/validate";
import { median } from "../stats/median";

/** One setting of a method: a value for each of its knobs, e.g. { learningRate: 0.1, beta: 0.9 }. */
export type Setting = Record<string, number>;

/** A setting and its score (lower is better; a run that diverged scores Infinity). */
export interface Trial {
  setting: Setting;
  score: number;
}

/** What a grid search found: the best trial, every trial, and whether the best is inside the grid. */
export interface SearchResult {
  best: Trial;
  trials: Trial[];
  /**
   * For each knob, whether the best value lies strictly between the smallest and the largest value
   * tried: false when it sits at an end, where a wider grid might have done better.
   */
  inside: Record<string, boolean>;
}

/**
 * `count` values from `from` to `to`, evenly spaced on a log scale (a constant factor apart).
 * @throws InvalidArgumentError unless 0 < from < to and count ≥ 2
 * @example logGrid(0.01, 1, 3); // => [0.01, 0.1, 1]
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb §6.4
 */
export function logGrid(from: number, to: number, count: number): number[] {
  const caller = "logGrid";
  const a = requirePositive(caller, "from", from);
  const b = requirePositive(caller, "to", to);
  if (!(b > a))
    throw new InvalidArgumentError(`${caller}: to is ${b}; expected a number > from (${a})`);
  const n = requireInteger(caller, "count", count, 2);
  return Array.from({ length: n }, (_, k) => (k === n - 1 ? b : a * (b / a) ** (k / (n - 1))));
}

/**
 * Every combination of the knobs' values, the first knob outermost: the settings of a grid search.
 * @throws InvalidArgumentError for no knobs or a knob without values (or with a value not finite)
 * @example gridSettings({ learningRate: [0.1, 1], beta: [0, 0.9] }); // => [{ learningRate: 0.1, beta: 0 }, { learningRate: 0.1, beta: 0.9 }, { learningRate: 1, beta: 0 }, { learningRate: 1, beta: 0.9 }]
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb §6.4
 */
export function gridSettings(knobs: Record<string, number[]>): Setting[] {
  const caller = "gridSettings";
  const names = Object.keys(knobs ?? {});
  if (names.length === 0)
    throw new InvalidArgumentError(`${caller}: knobs is empty; expected at least one knob`);
  let settings: Setting[] = [{}];
  for (const name of names) {
    const values = requireFiniteVector(caller, `knobs.${name}`, knobs[name]);
    settings = settings.flatMap((s) => values.map((v) => ({ ...s, [name]: v })));
  }
  return settings;
}

/** A score that is not a number (a run gone wrong) counts as infinitely bad. */
const clean = (score: number) => (Number.isNaN(score) ? Infinity : score);

/**
 * Scores every setting and keeps the lowest score (the first one on a tie).
 * @throws InvalidArgumentError for no settings or a score that is not a function
 * @example gridSearch(gridSettings({ x: [1, 2, 3] }), (s) => (s.x - 2) ** 2).best; // => { setting: { x: 2 }, score: 0 }
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb §6.4
 */
export function gridSearch(settings: Setting[], score: (setting: Setting) => number): SearchResult {
  const caller = "gridSearch";
  requireSettings(caller, settings);
  requireFunction(caller, "score", score);
  const trials = settings.map((setting) => ({ setting, score: clean(score(setting)) }));
  const best = trials.reduce((a, t) => (t.score < a.score ? t : a));
  return { best, trials, inside: insideOf(trials, best) };
}

/** What `halvingSearch` found: the grid search's result plus every start's score of the finalists. */
export interface HalvingResult extends SearchResult {
  /** The settings run from every start, with their scores (one per start) and the median. */
  finalists: { setting: Setting; scores: number[]; median: number }[];
}

/**
 * A grid search with a noisy score, in two rounds (successive halving): every setting is scored from
 * start 0; the best `keep` of them are scored from every start 0 … starts − 1, and the one with the
 * lowest median wins. Its `trials` are the first round's; `best.score` is the winner's median.
 * @throws InvalidArgumentError for no settings, starts < 1, keep outside 1 … settings.length, or an
 *   unknown option
 * @example halvingSearch(gridSettings({ x: [1, 2, 3] }), (s, start) => Math.abs(s.x - 2) + start, { starts: 3, keep: 2 }).best; // => { setting: { x: 2 }, score: 1 }
 * @see notebooks/06-momentum-and-adaptive-steps.ipynb §6.4
 */
export function halvingSearch(
  settings: Setting[],
  score: (setting: Setting, start: number) => number,
  options: { starts: number; keep: number },
): HalvingResult {
  const caller = "halvingSearch";
  requireSettings(caller, settings);
  requireFunction(caller, "score", score);
  rejectUnknownOptions(caller, options, ["starts", "keep"]);
  const starts = requireInteger(caller, "starts", options?.starts, 1);
  const keep = requireInteger(caller, "keep", options?.keep, 1, settings.length);
  const trials = settings.map((setting) => ({ setting, score: clean(score(setting, 0)) }));
  const screened = trials
    .map((trial, k) => ({ trial, k }))
    .sort((a, b) => a.trial.score - b.trial.score || a.k - b.k)
    .slice(0, keep);
  const finalists = screened.map(({ trial }) => {
    const scores = [trial.score];
    for (let start = 1; start < starts; start++) scores.push(clean(score(trial.setting, start)));
    return { setting: trial.setting, scores, median: median(scores) };
  });
  const winner = finalists.reduce((a, f) => (f.median < a.median ? f : a));
  const best = { setting: winner.setting, score: winner.median };
  return { best, trials, inside: insideOf(trials, best), finalists };
}

function insideOf(trials: Trial[], best: Trial): Record<string, boolean> {
  return Object.fromEntries(
    Object.keys(best.setting).map((name) => {
      const values = trials.map((t) => t.setting[name]);
      const value = best.setting[name];
      return [name, value > Math.min(...values) && value < Math.max(...values)];
    }),
  );
}

function requireSettings(caller: string, settings: unknown): void {
  if (!Array.isArray(settings) || settings.length === 0)
    throw new InvalidArgumentError(
      `${caller}: settings is ${Array.isArray(settings) ? "empty" : typeof settings}; expected at least one setting (gridSettings)`,
    );
}

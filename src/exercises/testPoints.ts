/**
 * The seeded random inputs at which every checker calls a learner's function: points of one or more
 * components (`checkDerivative`, `checkStableRate`, `checkGradient`, `checkDescentStep`), with the names
 * the hints give the components, gradients of very different lengths (`checkDescentDirection`), and the
 * settings of the runs a checker follows step by step (`checkMomentumStep`, `checkBiasCorrection`).
 * @see notebooks/02-why-the-negative-gradient.ipynb, notebooks/03-gradient-descent-linear-neuron.ipynb (exercises)
 */
import { InvalidArgumentError } from "../errors/errors";
import { requireInteger } from "../errors/validate";
import { createRandom } from "../random/createRandom";

export interface TestPointOptions {
  /** Names of the components, used in hints (default w[0], w[1], …). */
  names?: string[];
  /** How many components a point has (default: names.length, else 2). */
  dimension?: number;
  /** Each component of a test point is drawn from this range (default [−2, 2]). */
  range?: [number, number];
  /** How many random test points (default 10). */
  points?: number;
  /** Seed for the test points (each checker has its own default). */
  seed?: number;
}

export const testPointOptionNames = ["names", "dimension", "range", "points", "seed"] as const;

/**
 * `points` vectors of `dimension` components, each uniform in `range`, from `seed` (or `defaultSeed`).
 * @throws InvalidArgumentError naming the checker, for a dimension, count or names that do not fit
 * @example
 * randomTestPoints("checkGradient", { names: ["w", "b"], points: 3 }, 2).points.length; // => 3
 */
export function randomTestPoints(
  caller: string,
  options: TestPointOptions,
  defaultSeed: number,
): { names: string[]; points: number[][]; low: number; high: number } {
  const dimension = requireInteger(
    caller,
    "dimension",
    options.dimension ?? options.names?.length ?? 2,
    1,
  );
  const names = options.names ?? Array.from({ length: dimension }, (_, i) => `w[${i}]`);
  if (names.length !== dimension)
    throw new InvalidArgumentError(
      `${caller}: names has length ${names.length}; expected ${dimension}`,
    );
  const [low, high] = options.range ?? [-2, 2];
  const count = requireInteger(caller, "points", options.points ?? 10, 2);
  const random = createRandom(options.seed ?? defaultSeed);
  const points = Array.from({ length: count }, () =>
    Array.from({ length: dimension }, () => random.uniform(low, high)),
  );
  return { names, points, low, high };
}

/**
 * `count` gradients of the plane whose lengths spread over four orders of magnitude: each is 10ᵘ (u
 * uniform in [−2, 2]) times two standard normals, from `seed`.
 * @example randomTestGradients(3, 5).length; // => 5
 */
export function randomTestGradients(seed: number, count: number): number[][] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => {
    const scale = 10 ** random.uniform(-2, 2);
    return [scale * random.normal(), scale * random.normal()];
  });
}

/** The options of a checker that follows runs of an optimiser step by step. */
export interface RunOptions {
  /** How many runs, each with its own random settings (default 4). */
  points?: number;
  /** Steps per run, 2 to 1000 (each checker has its own default). */
  steps?: number;
  /** Seed for the runs (each checker has its own default). */
  seed?: number;
}

export const runOptionNames = ["points", "steps", "seed"] as const;

/**
 * The runs a step-by-step checker follows: `points` settings of `dimension` numbers, each uniform in
 * [0, 1] (the checker scales them to its η, β, …), from the seed, and how many steps each run takes.
 * The seed is returned for whatever else the checker draws from it.
 * @throws InvalidArgumentError naming the checker, for steps outside 2 … 1000 or fewer than 2 runs
 * @example
 * randomRuns("checkMomentumStep", { steps: 3 }, { dimension: 4, steps: 8, seed: 6 }).settings.length; // => 4
 */
export function randomRuns(
  caller: string,
  options: RunOptions,
  defaults: { dimension: number; steps: number; seed: number },
): { settings: number[][]; steps: number; seed: number } {
  const steps = requireInteger(caller, "steps", options.steps ?? defaults.steps, 2, 1000);
  const seed = options.seed ?? defaults.seed;
  const { dimension } = defaults;
  const points = options.points ?? 4;
  const settings = randomTestPoints(
    caller,
    { dimension, range: [0, 1], points, seed },
    seed,
  ).points;
  return { settings, steps, seed };
}

/**
 * Seeded randomness. Every random number in the course comes from a generator made here, so two runs
 * with the same seed produce the same numbers. The stream itself is mathjs's seeded `random()`
 * (`math.create(all, { randomSeed })`); this module adds the distributions the notebooks use.
 *
 * @example
 * const random = createRandom(42);
 * random.uniform(-1, 1); // => -0.98596… (the same number on every run)
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb (mini-batches), notebooks/04-backpropagation-tanh-network.ipynb (initial weights)
 */
import { all, create } from "mathjs";
import { InvalidArgumentError } from "../errors/errors";
import { requireFinite, requireInteger } from "../errors/validate";
import { portableCos, portableLog } from "../calculus/portableMath";

/**
 * A seeded generator: the distributions the lessons draw from.
 * @see notebooks/02-why-the-negative-gradient.ipynb §2.1
 */
export interface Random {
  /** A number drawn uniformly from [min, max). */
  uniform(min?: number, max?: number): number;
  /** A number from the normal distribution N(mean, sd²), by the Box–Muller transform. */
  normal(mean?: number, sd?: number): number;
  /** An integer drawn uniformly from min, min+1, …, max − 1. */
  integer(min: number, max: number): number;
  /** A new array with the items of `items` in random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

/**
 * A seeded random generator. @param seed a string or a finite number; the same seed gives the same stream.
 * @see notebooks/02-why-the-negative-gradient.ipynb §2.1
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb §3.9
 * @see notebooks/04-backpropagation-tanh-network.ipynb §4.2
 */
export function createRandom(seed: string | number): Random {
  if (typeof seed !== "string") requireFinite("createRandom", "seed", seed);
  if (seed === "")
    throw new InvalidArgumentError(
      "createRandom: seed is an empty string; expected a non-empty string or a number",
    );
  const math = create(all, { randomSeed: String(seed) });
  const next = (): number => math.random() as number;
  const uniform = (min = 0, max = 1): number => {
    requireFinite("uniform", "min", min);
    requireFinite("uniform", "max", max);
    if (!(max > min))
      throw new InvalidArgumentError(`uniform: max is ${max}; expected a number > min (${min})`);
    return min + (max - min) * next();
  };
  return {
    uniform,
    normal(mean = 0, sd = 1) {
      requireFinite("normal", "mean", mean);
      requireFinite("normal", "sd", sd);
      if (sd < 0) throw new InvalidArgumentError(`normal: sd is ${sd}; expected a number ≥ 0`);
      // Box–Muller: 1 − u lies in (0, 1], so its logarithm is finite. ln and cos from
      // ../calculus/portableMath: the same numbers under every engine (Node's tslab, Deno, a browser).
      const u = 1 - next();
      const v = next();
      return mean + sd * Math.sqrt(-2 * portableLog(u)) * portableCos(2 * Math.PI * v);
    },
    integer(min, max) {
      requireInteger("integer", "min", min);
      requireInteger("integer", "max", max, min + 1);
      return min + Math.floor((max - min) * next());
    },
    shuffle(items) {
      const result = items.slice();
      for (let i = result.length - 1; i > 0; i--) {
        const j = Math.floor((i + 1) * next());
        [result[i], result[j]] = [result[j], result[i]];
      }
      return result;
    },
  };
}

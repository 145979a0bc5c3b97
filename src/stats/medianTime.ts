/**
 * The median wall time of `run`, in milliseconds, over `repeats` calls after one warm-up call (which
 * lets the JIT compile the code first). The median, not the mean, so one call slowed by garbage
 * collection or a busy machine does not move it. For a notebook's `timing` cells; the benchmarks
 * (`npm run bench`) measure CPU time in interleaved samples instead.
 * @param now the clock, in milliseconds (default `performance.now`)
 * @throws InvalidArgumentError when run is not a function or repeats is not a positive integer
 * @example
 * let t = 0;
 * medianTime(() => {}, 3, () => (t += 2)); // => 2
 * @see notebooks/05-backprop-bugs-and-autodiff.ipynb §5.6
 */
import { requireFunction, requireInteger } from "../errors/validate";

export function medianTime(
  run: () => unknown,
  repeats: number,
  now: () => number = () => performance.now(),
): number {
  requireFunction("medianTime", "run", run);
  requireInteger("medianTime", "repeats", repeats, 1);
  run();
  const times = Array.from({ length: repeats }, () => {
    const start = now();
    run();
    return now() - start;
  });
  return times.sort((a, b) => a - b)[Math.floor(repeats / 2)];
}

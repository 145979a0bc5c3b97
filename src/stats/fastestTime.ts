/**
 * The fastest wall time of `run`, in milliseconds, over `repeats` calls after one warm-up call (which
 * lets the JIT compile the code first). A busy machine can only make a call slower, never faster, so
 * the fastest call is the closest to the cost of the work itself: the time to compare two computations
 * by when other programs share the machine. For a notebook's `timing` cells; the benchmarks
 * (`npm run bench`) measure CPU time in interleaved samples instead.
 * @param now the clock, in milliseconds (default `performance.now`)
 * @throws InvalidArgumentError when run is not a function or repeats is not a positive integer
 * @example
 * let t = 0;
 * fastestTime(() => {}, 3, () => (t += 2)); // => 2
 * @see notebooks/04-backpropagation-tanh-network.ipynb §4.5
 */
import { requireFunction, requireInteger } from "../errors/validate";

export function fastestTime(
  run: () => unknown,
  repeats: number,
  now: () => number = () => performance.now(),
): number {
  requireFunction("fastestTime", "run", run);
  requireInteger("fastestTime", "repeats", repeats, 1);
  run();
  let fastest = Infinity;
  for (let call = 0; call < repeats; call++) {
    const start = now();
    run();
    fastest = Math.min(fastest, now() - start);
  }
  return fastest;
}

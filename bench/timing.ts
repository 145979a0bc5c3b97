/**
 * Timing for the benchmarks: warm up, then repeat and take medians. `compare` times several functions
 * in the same process, one sample of each in turn (A, B, A, B, …), so a machine that gets busier or
 * quieter while it runs (a shared 2-core machine) moves every candidate alike and their ratio stays fair.
 * A sample runs a function as many times as it takes to last about `minSampleMs`, so very short calls
 * are not lost in the timer's resolution; the result is per call.
 *
 * Samples are timed in CPU time of this process (user + system, `process.cpuUsage`): on a loaded machine
 * the time spent waiting for a core is not the code's cost. The wall-clock median is kept beside it.
 */

import { median } from "../src/stats/median";

/** The median of a list of numbers: the one in src/stats, for the benchmark's modules. */
export { median };

/** Milliseconds since an arbitrary origin, with sub-microsecond resolution. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** CPU milliseconds this process has used (user + system, all its threads). */
export function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

export interface TimingOptions {
  /** Untimed calls of each function before measuring (lets V8 optimise the code). Default 3. */
  warmup?: number;
  /** Timed samples of each function. Default 15. */
  repeats?: number;
  /** Each sample calls the function until this many milliseconds have passed. Default 10. */
  minSampleMs?: number;
}

/** What was measured for one function: the median CPU time per call, each sample's, and the wall-clock median. */
export interface Timing {
  medianMs: number;
  samplesMs: number[];
  wallMedianMs: number;
  callsPerSample: number;
}

// Results are kept here so that V8 cannot drop a call whose result is unused.
let sink: unknown;

/** How many calls make a sample last at least minSampleMs (doubling from 1). */
function callsFor(fn: () => unknown, minSampleMs: number): number {
  let calls = 1;
  for (;;) {
    const start = nowMs();
    for (let c = 0; c < calls; c++) sink = fn();
    const elapsed = nowMs() - start;
    if (elapsed >= minSampleMs || calls >= 1 << 24) return calls;
    calls *= elapsed > 0 ? Math.min(8, Math.max(2, Math.ceil(minSampleMs / elapsed))) : 8;
  }
}

/**
 * Times each function of `candidates` with interleaved samples; returns the timing of each by name.
 * @example
 * const { fast, slow } = compare({ fast: () => 1 + 1, slow: () => Math.sqrt(2) }, { repeats: 5 });
 * fast.medianMs > 0; // => true
 */
export function compare<Name extends string>(
  candidates: Record<Name, () => unknown>,
  options: TimingOptions = {},
): Record<Name, Timing> {
  const warmup = options.warmup ?? 3;
  const repeats = options.repeats ?? 15;
  const minSampleMs = options.minSampleMs ?? 10;
  const names = Object.keys(candidates) as Name[];
  for (const name of names) for (let w = 0; w < warmup; w++) sink = candidates[name]();
  const calls = {} as Record<Name, number>;
  for (const name of names) calls[name] = callsFor(candidates[name], minSampleMs);
  const samples = {} as Record<Name, number[]>;
  const wall = {} as Record<Name, number[]>;
  for (const name of names) ((samples[name] = []), (wall[name] = []));
  for (let r = 0; r < repeats; r++) {
    for (const name of names) {
      const fn = candidates[name];
      const startWall = nowMs();
      const start = cpuMs();
      for (let c = 0; c < calls[name]; c++) sink = fn();
      samples[name].push((cpuMs() - start) / calls[name]);
      wall[name].push((nowMs() - startWall) / calls[name]);
    }
  }
  const result = {} as Record<Name, Timing>;
  for (const name of names)
    result[name] = {
      medianMs: median(samples[name]),
      samplesMs: samples[name],
      wallMedianMs: median(wall[name]),
      callsPerSample: calls[name],
    };
  return result;
}

/** Times one function (see `compare`). */
export function time(fn: () => unknown, options: TimingOptions = {}): Timing {
  return compare({ fn }, options).fn;
}

/** The last value a timed call returned (only so that the calls have an observable effect). */
export function lastResult(): unknown {
  return sink;
}

/**
 * How far a gradient is from a reference one: the largest |gradient_i − reference_i| /
 * max(|reference_i|, 1), relative where the reference is large, absolute where it is small.
 * @example maxScaledDifference([1, 200.2], [1, 200]); // => 0.001 (to rounding)
 */
export function maxScaledDifference(
  gradient: ArrayLike<number>,
  reference: ArrayLike<number>,
): number {
  return Math.max(
    ...Array.from(reference, (r, i) => Math.abs(gradient[i] - r) / Math.max(Math.abs(r), 1)),
  );
}

/** Two implementations of one gradient, compared (raceGradients). */
export interface GradientRace {
  /** Median ms of one call of the slower implementation. */
  slowMs: number;
  /** Median ms of one call of the faster one. */
  fastMs: number;
  /** slowMs / fastMs. */
  ratio: number;
  /** maxScaledDifference of the slow one's gradient from the fast one's: the two agree. */
  maxScaledDifference: number;
}

/**
 * Two implementations of the same gradient (same network, weights and batch): first how far apart their
 * results are, the fast one the reference, then their times from interleaved samples (`compare`).
 */
export function raceGradients(
  slow: () => ArrayLike<number>,
  fast: () => ArrayLike<number>,
  options: TimingOptions = {},
): GradientRace {
  const difference = maxScaledDifference(slow(), fast());
  const t = compare({ slow, fast }, options);
  return {
    slowMs: t.slow.medianMs,
    fastMs: t.fast.medianMs,
    ratio: t.slow.medianMs / t.fast.medianMs,
    maxScaledDifference: difference,
  };
}

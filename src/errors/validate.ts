/**
 * Argument checks shared by every public function. Each throws a typed error whose message names the
 * caller, the argument (and index), what it got and what was expected.
 */
import { InvalidArgumentError, NonFiniteValueError, ShapeError } from "./errors";

/** How a value reads in an error message: `NaN`, `Infinity`, `"abc" (a string)`, `undefined`. */
export function describeValue(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return `${JSON.stringify(value)} (a string)`;
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return /^[aeiou]/.test(typeof value) ? `an ${typeof value}` : `a ${typeof value}`;
}

/** Requires a finite number. @throws InvalidArgumentError `caller: name is NaN; expected a finite number` */
export function requireFinite(caller: string, name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new InvalidArgumentError(
      `${caller}: ${name} is ${describeValue(value)}; expected a finite number`,
    );
  }
  return value;
}

/** Requires a finite number > 0 (step sizes, learning rates, tolerances). */
export function requirePositive(caller: string, name: string, value: unknown): number {
  requireFinite(caller, name, value);
  if ((value as number) <= 0) {
    throw new InvalidArgumentError(`${caller}: ${name} is ${value}; expected a finite number > 0`);
  }
  return value as number;
}

/**
 * Requires a finite number ≥ `min` (`why` says where the bound comes from).
 * @throws InvalidArgumentError `plainDescentFactor: kappa is 0.5; expected a number ≥ 1`
 * @example requireAtLeast("bestPlainSettings", "lambdaMax", 9, 1, "lambdaMin"); // => 9
 */
export function requireAtLeast(
  caller: string,
  name: string,
  value: unknown,
  min: number,
  why?: string,
): number {
  requireFinite(caller, name, value);
  if ((value as number) < min)
    throw new InvalidArgumentError(
      `${caller}: ${name} is ${value}; expected a number ≥ ${min}${why === undefined ? "" : ` (${why})`}`,
    );
  return value as number;
}

/**
 * Requires a finite number in the interval from `min` to `max`, `min` included and `max` included only
 * when `includeMax` (decay rates and momenta live in [0, 1): at 1 nothing is forgotten).
 * @throws InvalidArgumentError `momentum: beta is 1; expected a number in [0, 1)`
 * @example requireInRange("momentum", "beta", 0.9, 0, 1); // => 0.9
 */
export function requireInRange(
  caller: string,
  name: string,
  value: unknown,
  min: number,
  max: number,
  includeMax = false,
): number {
  if (
    typeof value !== "number" ||
    !Number.isFinite(value) ||
    value < min ||
    value > max ||
    (value === max && !includeMax)
  ) {
    throw new InvalidArgumentError(
      `${caller}: ${name} is ${describeValue(value)}; expected a number in [${min}, ${max}${includeMax ? "]" : ")"}`,
    );
  }
  return value;
}

/** Requires an integer in [min, max]. */
export function requireInteger(
  caller: string,
  name: string,
  value: unknown,
  min = -Infinity,
  max = Infinity,
): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Infinity ? `an integer ≥ ${min}` : `an integer from ${min} to ${max}`;
    throw new InvalidArgumentError(
      `${caller}: ${name} is ${describeValue(value)}; expected ${range}`,
    );
  }
  return value;
}

/** Requires a non-empty array of finite numbers; names the first bad index. */
export function requireFiniteVector(caller: string, name: string, values: unknown): number[] {
  if (!Array.isArray(values) && !(values instanceof Float64Array)) {
    throw new InvalidArgumentError(
      `${caller}: ${name} is ${describeValue(values)}; expected an array of numbers`,
    );
  }
  const list = values as ArrayLike<unknown>;
  if (list.length === 0)
    throw new InvalidArgumentError(`${caller}: ${name} is empty; expected at least one number`);
  for (let i = 0; i < list.length; i++) requireFinite(caller, `${name}[${i}]`, list[i]);
  return Array.from(list as ArrayLike<number>);
}

/** Requires `actual` items where `expected` are needed. @throws ShapeError naming both sizes */
export function requireLength(
  caller: string,
  name: string,
  actual: number,
  expected: number,
): void {
  if (actual !== expected) {
    throw new ShapeError(`${caller}: ${name} has length ${actual}; expected ${expected}`);
  }
}

/** Requires a function. */
export function requireFunction(caller: string, name: string, value: unknown): void {
  if (typeof value !== "function") {
    throw new InvalidArgumentError(
      `${caller}: ${name} is ${describeValue(value)}; expected a function`,
    );
  }
}

/**
 * Requires a string (a label, a hint, a title).
 * @throws InvalidArgumentError `checkDerivative: hint is 5; expected a string`
 * @example requireText("checkDerivative", "label", "Exercise 1"); // => "Exercise 1"
 */
export function requireText(caller: string, name: string, value: unknown): string {
  if (typeof value !== "string") {
    throw new InvalidArgumentError(
      `${caller}: ${name} is ${describeValue(value)}; expected a string`,
    );
  }
  return value;
}

/** Rejects option names the caller does not know (a typo must not be silently ignored). */
export function rejectUnknownOptions(
  caller: string,
  options: object | undefined,
  known: readonly string[],
): void {
  if (options === undefined) return;
  if (options === null || typeof options !== "object") {
    throw new InvalidArgumentError(
      `${caller}: options is ${describeValue(options)}; expected an object`,
    );
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new InvalidArgumentError(
        `${caller}: unknown option "${key}"; expected one of ${known.map((k) => `"${k}"`).join(", ")}`,
      );
    }
  }
}

/**
 * Calls a function under study and requires a finite number back.
 * @param where says which input it was called at, e.g. `"at w + h·e[3]"`.
 * @throws NonFiniteValueError `gradcheck: f returned NaN at w + h·e[3]`
 */
export function evaluateFinite<A extends unknown[]>(
  caller: string,
  name: string,
  f: (...args: A) => unknown,
  where: string,
  ...args: A
): number {
  const value = f(...args);
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new NonFiniteValueError(
      `${caller}: ${name} returned ${describeValue(value)} ${where}; expected a finite number`,
    );
  }
  return value;
}

/** Requires a point of the plane: an array of exactly two finite numbers. @throws ShapeError for another length */
export function requireVector2(caller: string, name: string, value: unknown): [number, number] {
  const v = requireFiniteVector(caller, name, value);
  requireLength(caller, name, v.length, 2);
  return [v[0], v[1]];
}

/**
 * Requires an array (or typed array) of exactly `length` finite numbers and returns it as given (no
 * copy). The message names the first bad index; `why` explains the length (`"one per input"`).
 * @throws InvalidArgumentError for a non-array or a non-finite entry; ShapeError for another length
 */
export function requireVectorOfLength(
  caller: string,
  name: string,
  value: unknown,
  length: number,
  why?: string,
): ArrayLike<number> {
  if (
    value === null ||
    typeof value !== "object" ||
    typeof (value as ArrayLike<unknown>).length !== "number"
  ) {
    throw new InvalidArgumentError(
      `${caller}: ${name} is ${describeValue(value)}; expected an array of ${length} numbers`,
    );
  }
  const list = value as ArrayLike<unknown>;
  if (list.length !== length)
    throw new ShapeError(
      `${caller}: ${name} has length ${list.length}; expected ${length}${why === undefined ? "" : ` (${why})`}`,
    );
  for (let i = 0; i < length; i++) {
    const x = list[i];
    if (typeof x !== "number" || !Number.isFinite(x)) requireFinite(caller, `${name}[${i}]`, x);
  }
  return list as ArrayLike<number>;
}

/**
 * Requires every row of `rows` to be `requireVectorOfLength(…, width)`; fast on good rows (no message
 * is built unless a row is bad), so it can run on every call of a training loop.
 */
export function requireFiniteRows(
  caller: string,
  name: string,
  rows: readonly unknown[],
  width: number,
): void {
  for (let n = 0; n < rows.length; n++) {
    const row = rows[n] as ArrayLike<unknown> | null | undefined;
    let ok = row !== null && typeof row === "object" && row.length === width;
    for (let i = 0; ok && i < width; i++) {
      const x = (row as ArrayLike<unknown>)[i];
      ok = typeof x === "number" && Number.isFinite(x);
    }
    if (!ok) requireVectorOfLength(caller, `${name}[${n}]`, row, width);
  }
}

/**
 * Requires a batch of examples for a network with `inputs` inputs and `outputs` outputs: X a non-empty
 * array of rows of `inputs` finite numbers and, when given, T one row of `outputs` finite numbers per
 * row of X. Like `requireFiniteRows`, it builds no message unless something is wrong, so it can run on
 * every call of a training loop.
 * @throws InvalidArgumentError when X or T is not an array or holds NaN; ShapeError for no rows, a row
 *   count of T that differs from X's, or a row of the wrong size
 * @example requireBatch("TanhNetwork.loss", [[0], [1]], [[0]], 1, 1); // throws ShapeError: TanhNetwork.loss: T has 1 rows; expected 2 (one per row of X)
 */
export function requireBatch(
  caller: string,
  X: unknown,
  T: unknown,
  inputs: number,
  outputs: number,
): void {
  if (!Array.isArray(X))
    throw new InvalidArgumentError(
      `${caller}: X is ${X === null ? "null" : typeof X}; expected an array of input rows`,
    );
  if (X.length === 0) throw new ShapeError(`${caller}: X has 0 rows; expected at least 1`);
  requireFiniteRows(caller, "X", X, inputs);
  if (T === undefined) return;
  if (!Array.isArray(T))
    throw new InvalidArgumentError(
      `${caller}: T is ${T === null ? "null" : typeof T}; expected an array of target rows`,
    );
  if (T.length !== X.length)
    throw new ShapeError(
      `${caller}: T has ${T.length} rows; expected ${X.length} (one per row of X)`,
    );
  requireFiniteRows(caller, "T", T, outputs);
}

/** Requires an interval [from, to] of finite numbers with from < to (an axis range). */
export function requireRange(caller: string, name: string, range: unknown): [number, number] {
  if (!Array.isArray(range) || range.length !== 2)
    throw new InvalidArgumentError(
      `${caller}: ${name} is ${describeValue(range)}; expected [from, to]`,
    );
  const from = requireFinite(caller, `${name}[0]`, range[0]);
  const to = requireFinite(caller, `${name}[1]`, range[1]);
  if (!(to > from))
    throw new InvalidArgumentError(`${caller}: ${name} is [${from}, ${to}]; expected from < to`);
  return [from, to];
}

/**
 * Requires a range (`requireRange`) and a number of grid points (an integer from 2 to `maxPoints`,
 * `defaultPoints` when undefined) and returns the evenly spaced points from `from` to `to`.
 * @example requireGridAxis("surfaceGrid", "w1Range", [0, 1], 3); // => [0, 0.5, 1]
 */
export function requireGridAxis(
  caller: string,
  name: string,
  range: unknown,
  points: unknown,
  defaultPoints = 61,
  maxPoints = 400,
): number[] {
  const [from, to] = requireRange(caller, name, range);
  const n =
    points === undefined ? defaultPoints : requireInteger(caller, "points", points, 2, maxPoints);
  return Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));
}

/** Requires a non-empty list of points of the plane, each `[a, b]` finite (`pointName` says how they read). */
export function requirePointList(
  caller: string,
  name: string,
  points: unknown,
  pointName = "[w1, w2]",
): number[][] {
  if (!Array.isArray(points) || points.length === 0)
    throw new InvalidArgumentError(
      `${caller}: ${name} is ${describeValue(points)}; expected a non-empty array of ${pointName}`,
    );
  return points.map((p, k) => {
    if (!Array.isArray(p) || p.length !== 2)
      throw new InvalidArgumentError(
        `${caller}: ${name}[${k}] is ${describeValue(p)}; expected ${pointName}`,
      );
    return [
      requireFinite(caller, `${name}[${k}][0]`, p[0]),
      requireFinite(caller, `${name}[${k}][1]`, p[1]),
    ];
  });
}

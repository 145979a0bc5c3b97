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
    throw new InvalidArgumentError(`${caller}: ${name} is ${describeValue(value)}; expected a finite number`);
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

/** Requires an integer in [min, max]. */
export function requireInteger(caller: string, name: string, value: unknown, min = -Infinity, max = Infinity): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Infinity ? `an integer ≥ ${min}` : `an integer from ${min} to ${max}`;
    throw new InvalidArgumentError(`${caller}: ${name} is ${describeValue(value)}; expected ${range}`);
  }
  return value;
}

/** Requires a non-empty array of finite numbers; names the first bad index. */
export function requireFiniteVector(caller: string, name: string, values: unknown): number[] {
  if (!Array.isArray(values) && !(values instanceof Float64Array)) {
    throw new InvalidArgumentError(`${caller}: ${name} is ${describeValue(values)}; expected an array of numbers`);
  }
  const list = values as ArrayLike<unknown>;
  if (list.length === 0) throw new InvalidArgumentError(`${caller}: ${name} is empty; expected at least one number`);
  for (let i = 0; i < list.length; i++) requireFinite(caller, `${name}[${i}]`, list[i]);
  return Array.from(list as ArrayLike<number>);
}

/** Requires `actual` items where `expected` are needed. @throws ShapeError naming both sizes */
export function requireLength(caller: string, name: string, actual: number, expected: number): void {
  if (actual !== expected) {
    throw new ShapeError(`${caller}: ${name} has length ${actual}; expected ${expected}`);
  }
}

/** Requires a function. */
export function requireFunction(caller: string, name: string, value: unknown): void {
  if (typeof value !== "function") {
    throw new InvalidArgumentError(`${caller}: ${name} is ${describeValue(value)}; expected a function`);
  }
}

/** Rejects option names the caller does not know (a typo must not be silently ignored). */
export function rejectUnknownOptions(caller: string, options: object | undefined, known: readonly string[]): void {
  if (options === undefined) return;
  if (options === null || typeof options !== "object") {
    throw new InvalidArgumentError(`${caller}: options is ${describeValue(options)}; expected an object`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new InvalidArgumentError(`${caller}: unknown option "${key}"; expected one of ${known.map((k) => `"${k}"`).join(", ")}`);
    }
  }
}

/**
 * Calls a function under study and requires a finite number back.
 * @param where says which input it was called at, e.g. `"at w + h·e[3]"`.
 * @throws NonFiniteValueError `gradcheck: f returned NaN at w + h·e[3]`
 */
export function evaluateFinite<A extends unknown[]>(caller: string, name: string, f: (...args: A) => unknown, where: string, ...args: A): number {
  const value = f(...args);
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new NonFiniteValueError(`${caller}: ${name} returned ${describeValue(value)} ${where}; expected a finite number`);
  }
  return value;
}

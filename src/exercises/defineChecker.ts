/**
 * The skeleton every exercise checker shares. A checker is a pair: `evaluate…Answer(answer, …, options)`
 * returns the verdict (for code and tests to read), `check…(answer, …, options)` shows it under the cell.
 * Both check their arguments the same way before any check runs: each positional argument (the
 * learner's answer first), then the options — the checker's own, plus `label` and `hint`, which every
 * checker takes; a misspelt option is a typed error naming the checker, never silently ignored. A
 * checker module writes only what is its own: its arguments, its options, its default hint and the check.
 * @see notebooks/01-derivative-as-linear-approximation.ipynb (exercises)
 */
import { rejectUnknownOptions, requireText } from "../errors/validate";
import { showExercise, type ExerciseOptions, type ExerciseResult } from "./feedback";

/** An argument check of src/errors/validate.ts: throws a typed error naming `caller` and `name`. */
export type ArgumentCheck = (caller: string, name: string, value: unknown) => unknown;

/**
 * What a checker is made of: `Args` are its positional arguments (the learner's answer first),
 * `Options` its options (`label` and `hint` included, through `ExerciseOptions`).
 */
export interface CheckerDefinition<Args extends unknown[], Options extends ExerciseOptions> {
  /** The function the learner calls (`checkDerivative`): every argument error starts with it. */
  name: string;
  /** Each positional argument's name and check, in order, e.g. `["answer", requireFunction]`. */
  parameters: readonly (readonly [name: string, check: ArgumentCheck])[];
  /** The checker's own option names, in the order an unknown-option error lists them. */
  options: readonly string[];
  /** What a learner who has not answered yet is told (the first step), unless `options.hint`. */
  hint: string;
  /** The check itself, on checked arguments: the options (never undefined) and the hint to give. */
  evaluate(args: Args, options: Options, hint: string): ExerciseResult;
}

/**
 * A checker's arguments: its own, then its options — which may be left out when every option may be.
 */
export type CheckerArguments<Args extends unknown[], Options> = {} extends Options
  ? [...args: Args, options?: Options]
  : [...args: Args, options: Options];

/** A checker made by `defineChecker`: its two public functions. */
export interface Checker<Args extends unknown[], Options extends ExerciseOptions> {
  /** `evaluate…Answer`: checks the arguments, then returns the verdict. */
  evaluate: (...args: CheckerArguments<Args, Options>) => ExerciseResult;
  /** `check…`: checks the arguments, then shows the verdict (`showExercise`, with `options.label`). */
  check: (...args: CheckerArguments<Args, Options>) => void;
}

/**
 * A checker from its definition. Before the check runs, each positional argument is checked in order,
 * then the options: an unknown name throws `InvalidArgumentError` "<name>: unknown option "…"; expected
 * one of …" (the checker's own, then "label", "hint"), and a `label` or `hint` that is not a string
 * throws too.
 * @throws InvalidArgumentError (from `evaluate` and `check`) for a bad argument or option
 * @example
 * const doubled = defineChecker<[answer: (x: number) => number], ExerciseOptions>({
 *   name: "checkDoubled",
 *   parameters: [["answer", requireFunction]],
 *   options: [],
 *   hint: "multiply by 2.",
 *   evaluate: ([answer], _options, hint) =>
 *     answer(3) === 6
 *       ? { passed: true, message: "✓ Correct: 2 · 3 = 6." }
 *       : { passed: false, message: `✗ At x = 3 expected 6: ${hint}` },
 * });
 * const evaluateDoubledAnswer = doubled.evaluate; // a checker module exports these two
 * const checkDoubled = doubled.check;
 * evaluateDoubledAnswer((x) => x + x).passed; // => true
 * evaluateDoubledAnswer((x) => x, { hint: "x + x." }).message; // => "✗ At x = 3 expected 6: x + x."
 * checkDoubled((x) => 2 * x, { label: "Exercise 1" }); // shows ✓ Exercise 1: Correct: 2 · 3 = 6.
 * evaluateDoubledAnswer((x) => x, { seed: 1 } as never); // throws InvalidArgumentError: checkDoubled: unknown option "seed"; expected one of "label", "hint"
 */
export function defineChecker<Args extends unknown[], Options extends ExerciseOptions>(
  definition: CheckerDefinition<Args, Options>,
): Checker<Args, Options> {
  const { name, parameters } = definition;
  const known = [...definition.options, "label", "hint"];
  /** The checked arguments, options and hint. */
  const checked = (all: unknown[]): [Args, Options, string] => {
    parameters.forEach(([parameter, check], i) => check(name, parameter, all[i]));
    const options = all[parameters.length] as Options | undefined;
    rejectUnknownOptions(name, options, known);
    const given = options ?? ({} as Options);
    if (given.label !== undefined) requireText(name, "label", given.label);
    const hint = given.hint === undefined ? definition.hint : requireText(name, "hint", given.hint);
    return [all.slice(0, parameters.length) as Args, given, hint];
  };
  return {
    evaluate: (...all) => definition.evaluate(...checked(all)),
    check: (...all) => {
      const [args, options, hint] = checked(all);
      showExercise(definition.evaluate(args, options, hint), options.label);
    },
  };
}

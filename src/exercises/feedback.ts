/**
 * What every exercise checker shares: calling the learner's function safely, and showing the verdict.
 * A learner's function may throw (the `yourTurn()` stub, or a bug), return nonsense, or take a
 * shortcut by calling the finite-difference helpers the checker uses as its reference; each case
 * becomes a verdict with a hint, never an exception, so a notebook cell never fails on a wrong answer.
 * @see notebooks/01-derivative-as-linear-approximation.ipynb (exercises)
 */
import { finiteDifferenceCalls } from "../calculus/callCounter";
import { escapeHtml, formatNumber } from "../display/format";
import { showHtmlWithData } from "../display/show";
import { YourTurnError } from "./yourTurn";
import { verdictColour } from "../display/verdict";

/**
 * A checker's verdict.
 * @see notebooks/02-why-the-negative-gradient.ipynb, Exercises
 */
export interface ExerciseResult {
  passed: boolean;
  /** What the learner reads: "✓ …" (a confirmation) or "✗ …" (a hint that says where and how the answer is off). */
  message: string;
}

/** Options every checker takes. */
export interface ExerciseOptions {
  /** Shown before the verdict, e.g. "Exercise 2". */
  label?: string;
  /** What to tell a learner who has not answered yet: the first step of the derivation. */
  hint?: string;
}

/** The learner's value, or the verdict that ends the check. */
export type Called<T> =
  { value: T; result?: undefined } | { value?: undefined; result: ExerciseResult };

/**
 * Calls the learner's function once (wrapped in `call`). A `YourTurnError` becomes
 * "✗ Not answered yet: <hint>"; any other error "✗ Your function threw <where>: …"; a call that made
 * finite-difference estimates is flagged as a shortcut.
 * @param where how to name the input in a message, e.g. "at x = 0.5"
 * @example
 * callLearner(() => yourTurn(), "at x = 1", "use the power rule").result?.message; // => "✗ Not answered yet: use the power rule"
 */
export function callLearner<T>(call: () => T, where: string, hint: string): Called<T> {
  const before = finiteDifferenceCalls();
  let value: T;
  try {
    value = call();
  } catch (error) {
    if (error instanceof YourTurnError)
      return { result: { passed: false, message: `✗ Not answered yet: ${hint}` } };
    return {
      result: {
        passed: false,
        message: `✗ Your function threw ${where}: ${(error as Error)?.message ?? String(error)}`,
      },
    };
  }
  const made = finiteDifferenceCalls() - before;
  if (made > 0) {
    return {
      result: {
        passed: false,
        message:
          `✗ Your function made ${made} finite-difference estimate${made === 1 ? "" : "s"} ${where} ` +
          "(centralDifference, numericalGradient, gradcheck, …): that is the checker's own reference, so it " +
          "proves nothing. Derive the formula by hand and write it out.",
      },
    };
  }
  return { value };
}

/**
 * A number, or the message saying why the learner's value is not a finite number.
 * @param where the input, as a message starts with it ("At x = 0.5"; "" when the answer takes none)
 * @param note what the learner may compare with, in brackets at the end ("the slope is 2.551")
 * @example requireFiniteAnswer(NaN, "At c = 2", "bound"); // => { passed: false, message: "✗ At c = 2 your bound returned NaN; expected a finite number." }
 */
export function requireFiniteAnswer(
  value: unknown,
  where: string,
  what: string,
  note?: string,
): number | ExerciseResult {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  const subject = where === "" ? `Your ${what}` : `${where} your ${what}`;
  return {
    passed: false,
    message: `✗ ${subject} returned ${String(value)}; expected a finite number${note === undefined ? "" : ` (${note})`}.`,
  };
}

/** How `diagnose` words its verdict for one kind of answer. */
export interface DiagnoseWords {
  /** What the truth is called (default "true slope"). */
  truth?: string;
  /** What a flipped sign means for this answer, after "The sign is flipped everywhere: " (default nothing). */
  flipped?: string;
  /** What to check when the error varies from point to point (default "the form of your derivative"). */
  form?: string;
}

/**
 * Why an answer is off, judged from the ratios and differences answer/truth at all test points: a
 * flipped sign, a constant factor, a constant offset, or an error that changes from point to point.
 * Shared by every checker, which applies it to one number (or one component) at a time and words it
 * for its own kind of answer.
 * @example diagnose([-2, -4], [2, 4]); // => "The sign is flipped everywhere."
 * @example diagnose([-2, -4], [2, 4], { flipped: "your step goes uphill" }); // => "The sign is flipped everywhere: your step goes uphill."
 */
export function diagnose(answers: number[], truths: number[], words: DiagnoseWords = {}): string {
  const { truth = "true slope", flipped, form = "the form of your derivative" } = words;
  const ratios = answers.map((a, i) => a / truths[i]).filter(Number.isFinite);
  const differences = answers.map((a, i) => a - truths[i]);
  const constant = (values: number[]) =>
    values.length > 1 &&
    values.every((v) => Math.abs(v - values[0]) <= 1e-4 * Math.max(1, Math.abs(values[0])));
  if (constant(ratios) && Math.abs(ratios[0] + 1) < 1e-4)
    return `The sign is flipped everywhere${flipped === undefined ? "" : `: ${flipped}`}.`;
  if (constant(ratios))
    return `It is ${formatNumber(ratios[0])} times the ${truth} everywhere: check the constant factor.`;
  if (constant(differences))
    return `It is off by the same ${formatNumber(differences[0])} everywhere: check the constant term.`;
  return `The error changes from point to point: check ${form}.`;
}

/** A vector as the hints write it: [0.5, -1.25]. */
export const vectorText = (v: number[]): string => `[${v.map((x) => formatNumber(x)).join(", ")}]`;

/**
 * Calls a learner's function of a vector that must return `length` finite numbers; returns them, or the
 * verdict for what went wrong. `expected` says what was asked for (default "an array of N numbers").
 */
export function callForVector(
  answer: (v: number[]) => unknown,
  input: number[],
  inputName: string,
  length: number,
  hint: string,
  expected = `an array of ${length} numbers`,
): number[] | ExerciseResult {
  const where = `at ${inputName} = ${vectorText(input)}`;
  const called = callLearner(() => answer(input.slice()), where, hint);
  if (called.result) return called.result;
  const value = called.value;
  if (!Array.isArray(value) || value.length !== length) {
    const got = Array.isArray(value) ? `an array of length ${value.length}` : String(value);
    return {
      passed: false,
      message: `✗ At ${inputName} = ${vectorText(input)} your function returned ${got}; expected ${expected}.`,
    };
  }
  const bad = value.findIndex((v) => typeof v !== "number" || !Number.isFinite(v));
  if (bad >= 0)
    return {
      passed: false,
      message: `✗ At ${inputName} = ${vectorText(input)} component ${bad} of your answer is ${String(value[bad])}; expected a finite number.`,
    };
  return value as number[];
}

/** The verdict as the learner reads it: "✓ Exercise 1: Correct: …" or "✗ Exercise 1: Not answered yet: …". */
export function exerciseText(result: ExerciseResult, label?: string): string {
  return label ? result.message.replace(/^([✓✗]) /, `$1 ${label}: `) : result.message;
}

/**
 * The MIME type of a verdict's machine-readable form, shown beside its HTML in one output: what
 * `npm run grade` reads from an executed notebook (scripts/grade/). Front ends have no renderer for it
 * and show the HTML.
 */
export const exerciseMimeType = "application/vnd.downhill.exercise+json";

/** A verdict as a program reads it: the checker's label, its result and the line the learner read. */
export interface ExerciseVerdict {
  /** The checker's `label` ("Exercise 2"), "" when it had none. */
  label: string;
  /** "not attempted": the learner's function is still the student edition's `yourTurn()` stub. */
  result: "pass" | "fail" | "not attempted";
  /** The line under the cell, e.g. "✗ Exercise 2: Not answered yet: …". */
  message: string;
}

/**
 * The machine-readable verdict. A `yourTurn()` stub (callLearner's "✗ Not answered yet") is
 * "not attempted"; any other failure "fail".
 * @example exerciseVerdict({ passed: true, message: "✓ Correct." }, "Exercise 1"); // => { label: "Exercise 1", result: "pass", message: "✓ Exercise 1: Correct." }
 */
export function exerciseVerdict(result: ExerciseResult, label?: string): ExerciseVerdict {
  const notAnswered = !result.passed && /^✗ Not answered yet:/.test(result.message);
  return {
    label: label ?? "",
    result: result.passed ? "pass" : notAnswered ? "not attempted" : "fail",
    message: exerciseText(result, label),
  };
}

/**
 * Shows the verdict under the cell (green ✓ or red ✗), with its machine-readable form beside it in
 * the same output (`exerciseMimeType`). Returns nothing, so that a cell ending in a `check…` call
 * shows the verdict only; the `evaluate…` functions return the verdict for code to read.
 */
export function showExercise(result: ExerciseResult, label?: string): void {
  const colour = verdictColour(result.passed);
  showHtmlWithData(
    `<div class="downhill-exercise" style="color:${colour}">${escapeHtml(exerciseText(result, label))}</div>`,
    { [exerciseMimeType]: exerciseVerdict(result, label) },
  );
}

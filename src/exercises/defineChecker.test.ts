import assert from "node:assert/strict";
import { test } from "node:test";
import { requireFunction, requirePositive } from "../errors/validate";
import { defineChecker } from "./defineChecker";
import type { ExerciseOptions } from "./feedback";
import { yourTurn } from "./yourTurn";

interface TimesOptions extends ExerciseOptions {
  at?: number;
}

/** A checker of `answer(x) = factor · x`, at x = options.at (default 3). */
const times = defineChecker<[answer: (x: number) => number, factor: number], TimesOptions>({
  name: "checkTimes",
  parameters: [
    ["answer", requireFunction],
    ["factor", requirePositive],
  ],
  options: ["at"],
  hint: "multiply by the factor.",
  evaluate: ([answer, factor], options, hint) => {
    const x = options.at ?? 3;
    try {
      return answer(x) === factor * x
        ? { passed: true, message: `✓ Correct at x = ${x}.` }
        : { passed: false, message: `✗ Wrong at x = ${x}: ${hint}` };
    } catch {
      return { passed: false, message: `✗ Not answered yet: ${hint}` };
    }
  },
});

test("the check runs on the arguments and options, with the default hint unless one is given", () => {
  assert.deepEqual(
    times.evaluate((x) => 2 * x, 2),
    {
      passed: true,
      message: "✓ Correct at x = 3.",
    },
  );
  assert.equal(
    times.evaluate((x) => x, 2, { at: 5 }).message,
    "✗ Wrong at x = 5: multiply by the factor.",
  );
  assert.equal(
    times.evaluate(() => yourTurn(), 2, { hint: "2x." }).message,
    "✗ Not answered yet: 2x.",
  );
});

test("each argument is checked in order, then the options, before the check runs", () => {
  let ran = false;
  const spy = defineChecker<[answer: () => number], ExerciseOptions>({
    name: "checkSpy",
    parameters: [["answer", requireFunction]],
    options: [],
    hint: "",
    evaluate: () => {
      ran = true;
      return { passed: true, message: "✓" };
    },
  });
  assert.throws(() => spy.evaluate(5 as never, { bogus: 1 } as never), {
    name: "InvalidArgumentError",
    message: "checkSpy: answer is 5; expected a function",
  });
  assert.throws(() => times.evaluate((x) => x, 0, { bogus: 1 } as never), {
    message: "checkTimes: factor is 0; expected a finite number > 0",
  });
  assert.equal(ran, false);
});

test("an unknown option names the checker and lists its own options, then label and hint", () => {
  assert.throws(() => times.evaluate((x) => x, 1, { lable: "Exercise 1" } as never), {
    name: "InvalidArgumentError",
    message: 'checkTimes: unknown option "lable"; expected one of "at", "label", "hint"',
  });
  assert.throws(() => times.evaluate((x) => x, 1, 3 as never), {
    message: "checkTimes: options is 3; expected an object",
  });
});

test("a label or hint that is not a string is an error naming the checker", () => {
  assert.throws(() => times.evaluate((x) => x, 1, { label: 1 } as never), {
    name: "InvalidArgumentError",
    message: "checkTimes: label is 1; expected a string",
  });
  assert.throws(() => times.check((x) => x, 1, { hint: null } as never), {
    message: "checkTimes: hint is null; expected a string",
  });
});

test("check shows the verdict with its label (outside the kernel: printed)", (t) => {
  const printed: string[] = [];
  t.mock.method(console, "log", (text: string) => printed.push(text));
  assert.equal(
    times.check((x) => 2 * x, 2, { label: "Exercise 4" }),
    undefined,
  );
  times.check((x) => x, 2);
  assert.deepEqual(printed, [
    "✓ Exercise 4: Correct at x = 3.",
    "✗ Wrong at x = 3: multiply by the factor.",
  ]);
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { adam } from "./adam";
import { momentum } from "./momentum";
import { requireOptimizer } from "./optimizer";
import { plainDescent } from "./plainDescent";

test("requireOptimizer returns every optimiser of the course as it is", () => {
  for (const optimizer of [plainDescent(), momentum({ beta: 0.9 }), adam()])
    assert.equal(requireOptimizer("gradientDescent", "optimizer", optimizer), optimizer);
  assert.equal(
    requireOptimizer("gradientDescent", "optimizer", plainDescent()).label,
    "plain descent",
  );
});

test("requireOptimizer names the caller, the argument and what it got instead of an Optimizer", () => {
  for (const [bad, got] of [
    [adam, "a function"],
    ["adam", '"adam" \\(a string\\)'],
    [null, "null"],
    [{ label: "mine" }, "an object"],
    [{ begin: () => () => {} }, "an object"],
  ] as const)
    assert.throws(() => requireOptimizer("descentSteps", "optimizer", bad), {
      name: "InvalidArgumentError",
      message: new RegExp(
        `^descentSteps: optimizer is ${got}; expected an Optimizer \\{ label, begin \\} such as momentum`,
      ),
    });
});

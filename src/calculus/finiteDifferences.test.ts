import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { type Complex, cos, exp, multiply, sin } from "mathjs";
import { centralDifference } from "./centralDifference";
import { complexStepDerivative } from "./complexStepDerivative";
import { forwardDifference } from "./forwardDifference";
import { centralStep, forwardStep } from "./steps";

const seed = 20261123;
const x = fc.double({ min: -3, max: 3, noNaN: true });

test("the worked examples in the doc comments hold", () => {
  assert.equal(
    forwardDifference((v) => v * v, 4, 0.5),
    8.5,
  );
  assert.ok(Math.abs(centralDifference((v) => v * v * v, 2, 0.1) - 12.01) < 1e-12);
  assert.equal(
    complexStepDerivative((z) => multiply(z, z) as Complex, 4),
    8,
  );
  assert.equal(forwardStep(0), Math.sqrt(Number.EPSILON));
  assert.equal(centralStep(-10), 10 * Math.cbrt(Number.EPSILON));
});

test("the forward difference of x² errs by exactly h, as its Taylor series says", () => {
  fc.assert(
    fc.property(x, fc.double({ min: 1e-3, max: 1, noNaN: true }), (x0, h) => {
      const estimate = forwardDifference((v) => v * v, x0, h);
      return Math.abs(estimate - (2 * x0 + h)) < 1e-9;
    }),
    { seed },
  );
});

test("the forward difference of sin stays within its truncation bound h/2·max|f''| plus round-off", () => {
  fc.assert(
    fc.property(x, fc.double({ min: 1e-4, max: 0.1, noNaN: true }), (x0, h) => {
      const error = Math.abs(forwardDifference(Math.sin, x0, h) - Math.cos(x0));
      return error <= h / 2 + (4 * Number.EPSILON) / h;
    }),
    { seed },
  );
});

test("the central difference of sin stays within its truncation bound h²/6·max|f'''| plus round-off", () => {
  fc.assert(
    fc.property(x, fc.double({ min: 1e-4, max: 0.1, noNaN: true }), (x0, h) => {
      const error = Math.abs(centralDifference(Math.sin, x0, h) - Math.cos(x0));
      return error <= (h * h) / 6 + (4 * Number.EPSILON) / h;
    }),
    { seed },
  );
});

test("with their default steps, forward is good to ~1e-8 and central to ~1e-10 on exp", () => {
  fc.assert(
    fc.property(x, (x0) => {
      const exact = Math.exp(x0);
      return (
        Math.abs(forwardDifference(Math.exp, x0) - exact) / exact < 3e-8 &&
        Math.abs(centralDifference(Math.exp, x0) - exact) / exact < 1e-9
      );
    }),
    { seed },
  );
});

test("the complex step is exact to round-off even with a step of 1e-20", () => {
  fc.assert(
    fc.property(x, (x0) => {
      const d = complexStepDerivative((z) => multiply(exp(z), sin(z)) as Complex, x0);
      const exact = Math.exp(x0) * (Math.sin(x0) + Math.cos(x0));
      return Math.abs(d - exact) <= 4 * Number.EPSILON * Math.max(1, Math.abs(exact));
    }),
    { seed },
  );
  assert.ok(Math.abs(complexStepDerivative((z) => cos(z) as Complex, 1) + Math.sin(1)) < 1e-15);
});

test("bad arguments are named in typed errors", () => {
  assert.throws(() => forwardDifference(Math.sin, NaN), {
    name: "InvalidArgumentError",
    message: /forwardDifference: x is NaN/,
  });
  assert.throws(
    () => centralDifference(Math.sin, 1, 0),
    /centralDifference: h is 0; expected a finite number > 0/,
  );
  assert.throws(() => centralDifference(Math.sin, 1, -1e-3), /h is -0.001/);
  assert.throws(
    () => forwardDifference("sin" as never, 1),
    /forwardDifference: f is "sin" \(a string\); expected a function/,
  );
  assert.throws(
    () => complexStepDerivative((z) => z, Infinity),
    /complexStepDerivative: x is Infinity/,
  );
});

test("a function that returns NaN is reported with the input that did it", () => {
  assert.throws(() => centralDifference(Math.log, 0, 1e-3), {
    name: "NonFiniteValueError",
    message: /centralDifference: f returned NaN at x − h = -0.001/,
  });
  assert.throws(
    () => forwardDifference(() => "1" as never, 2),
    /f returned "1" \(a string\) at x = 2/,
  );
  assert.throws(
    () => complexStepDerivative(() => ({ re: 1, im: NaN }) as Complex, 2),
    /complexStepDerivative: f returned .* at x \+ ih = 2/,
  );
});

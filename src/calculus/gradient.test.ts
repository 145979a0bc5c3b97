import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { gradcheck, relativeError, scaledError } from "./gradcheck";
import { numericalGradient } from "./numericalGradient";
import { symbolicDerivative } from "./symbolicDerivative";

const seed = 20261123;
const vector = fc.array(fc.double({ min: -2, max: 2, noNaN: true }), {
  minLength: 1,
  maxLength: 8,
});
// f(w) = Σ sin(wᵢ)·wᵢ₊₁ + ½Σwᵢ², with the gradient derived by hand.
const f = (w: number[]) =>
  w.reduce((s, wi, i) => s + Math.sin(wi) * (w[i + 1] ?? 1) + 0.5 * wi * wi, 0);
const gradient = (w: number[]) =>
  w.map((wi, i) => Math.cos(wi) * (w[i + 1] ?? 1) + (i > 0 ? Math.sin(w[i - 1]) : 0) + wi);

test("the numerical gradient matches a hand-derived one within central-difference accuracy", () => {
  fc.assert(
    fc.property(vector, (w) => {
      const numeric = numericalGradient(f, w);
      return gradient(w).every((g, i) => Math.abs(g - numeric[i]) < 1e-8);
    }),
    { seed },
  );
});

test("the forward method is less accurate than central but still close", () => {
  const w = [0.3, -1.2, 0.7];
  const central = numericalGradient(f, w).map((g, i) => Math.abs(g - gradient(w)[i]));
  const forward = numericalGradient(f, w, { method: "forward" }).map((g, i) =>
    Math.abs(g - gradient(w)[i]),
  );
  assert.ok(Math.max(...forward) < 1e-6);
  assert.ok(Math.max(...central) < Math.max(...forward));
});

test("a correct gradient passes gradcheck with a scaled error at most 1e-7", () => {
  fc.assert(
    fc.property(vector, (w) => {
      const report = gradcheck(f, gradient(w), w);
      return report.passed && report.maxScaledError <= 1e-7 && report.rows.length === w.length;
    }),
    { seed },
  );
});

test("a gradient wrong in one component fails and gradcheck points at it", () => {
  fc.assert(
    fc.property(vector, fc.nat(), (w, k) => {
      const i = k % w.length;
      const wrong = gradient(w);
      wrong[i] += 1e-4 * Math.max(1, Math.abs(wrong[i]));
      const report = gradcheck(f, wrong, w);
      return !report.passed && report.worstIndex === i;
    }),
    { seed },
  );
});

test("the scaled error is floored, so tiny components are compared absolutely", () => {
  assert.equal(scaledError(1e-12, 2e-12), 1e-12);
  assert.equal(scaledError(100, 101), 1 / 101);
  assert.equal(scaledError(0, 0), 0);
  assert.equal(scaledError(1e-6, 2e-6, 1e-6), 0.5);
});

test("the relative error has no floor: a component near 1.8e-5 off by 1e-5 of itself shows 1e-5", () => {
  const a = 1.8e-5;
  const n = a * (1 + 1e-5);
  assert.ok(Math.abs(relativeError(a, n) - 1e-5) < 1e-10, `relative error ${relativeError(a, n)}`);
  assert.ok(Math.abs(scaledError(a, n) - 1.8e-10) < 1e-15, `scaled error ${scaledError(a, n)}`);
  assert.equal(relativeError(100, 101), 1 / 101);
  assert.equal(relativeError(0, 0), 0);
  assert.equal(relativeError(0, 1e-300), 1);
});

test("gradcheck reports both errors per row and passes on the scaled one", () => {
  // f(w) = 1.8e-5·w₀ + w₁²: the analytic gradient below is 1e-5 too large (relatively) in w₀
  const f = (w: number[]) => 1.8e-5 * w[0] + w[1] * w[1];
  const report = gradcheck(f, [1.8e-5 * (1 + 1e-5), 0], [0.5, 0], { names: ["small", "zero"] });
  const small = report.rows[0];
  assert.ok(Math.abs(small.relativeError - 1e-5) < 1e-7, `relative error ${small.relativeError}`);
  assert.ok(small.scaledError < 1e-9, `scaled error ${small.scaledError}`);
  assert.ok(report.passed, "the floored error passes the tolerance 1e-7");
  assert.equal(report.maxScaledError, Math.max(...report.rows.map((r) => r.scaledError)));
  assert.equal(report.floor, 1);
  assert.ok(
    !gradcheck(f, [1.8e-5 * (1 + 1e-5), 0], [0.5, 0], { floor: 1e-6 }).passed,
    "a small floor makes it relative",
  );
});

test("gradcheck rejects mismatched lengths, unknown options and names the parameter that broke f", () => {
  assert.throws(() => gradcheck(f, [1, 2], [1, 2, 3]), {
    name: "ShapeError",
    message: /gradcheck: analyticGradient has length 2; expected 3/,
  });
  assert.throws(
    () => gradcheck(f, [1], [1], { tolerence: 1 } as never),
    /gradcheck: unknown option "tolerence"/,
  );
  assert.throws(() => gradcheck(f, [NaN], [1]), /gradcheck: analyticGradient\[0\] is NaN/);
  const logOfSecond = (w: number[]) => w[0] + Math.log(w[1]);
  assert.throws(() => gradcheck(logOfSecond, [1, 1e7], [1, 1e-7]), {
    name: "NonFiniteValueError",
    message: /perturbing w\[1\]/,
  });
  assert.throws(() => numericalGradient(f, []), /numericalGradient: w is empty/);
  assert.throws(
    () => numericalGradient(f, [1], { method: "backward" as never }),
    /method is "backward"/,
  );
});

test("symbolic derivatives agree with the hand rule and with finite differences", () => {
  const square = symbolicDerivative("x^2");
  assert.equal(square.text, "2 * x");
  assert.equal(square.evaluate(4), 8);
  const tanh = symbolicDerivative("tanh(x)");
  for (const h of [-3, -0.5, 0, 0.7, 2])
    assert.ok(Math.abs(tanh.evaluate(h) - (1 - Math.tanh(h) ** 2)) < 1e-14);
  assert.throws(() => symbolicDerivative("x^^2"), {
    name: "InvalidArgumentError",
    message: /symbolicDerivative: cannot differentiate "x\^\^2"/,
  });
});

import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { centralDifference } from "../calculus/centralDifference";
import { numericalGradient } from "../calculus/numericalGradient";
import { relativeError } from "../calculus/gradcheck";
import { InvalidArgumentError, NonFiniteValueError } from "../errors/errors";
import { backward } from "./backward";
import { add, div, exp, log, mul, neg, pow, sub, sum, tanh } from "./operations";
import { value, type Value } from "./value";

/** The engine's derivative of f at x, and f's value. */
function engineSlope(f: (x: Value) => Value, x0: number): { y: number; slope: number } {
  const x = value(x0);
  const y = f(x);
  backward(y);
  return { y: y.data, slope: x.grad };
}

const unary: [string, (x: Value) => Value, (x: number) => number, number[]][] = [
  ["a + 2", (x) => add(x, 2), (x) => x + 2, [-1.5, 0.3, 4]],
  ["2 + a", (x) => add(2, x), (x) => 2 + x, [-1.5, 0.3]],
  ["a − 2", (x) => sub(x, 2), (x) => x - 2, [0.7]],
  ["2 − a", (x) => sub(2, x), (x) => 2 - x, [0.7]],
  ["3a", (x) => mul(x, 3), (x) => 3 * x, [0.7, -2]],
  ["a / 3", (x) => div(x, 3), (x) => x / 3, [0.7]],
  ["3 / a", (x) => div(3, x), (x) => 3 / x, [0.7, -2]],
  ["a³", (x) => pow(x, 3), (x) => x ** 3, [0.7, -2]],
  ["a^0.5", (x) => pow(x, 0.5), (x) => x ** 0.5, [0.7, 3]],
  ["−a", (x) => neg(x), (x) => -x, [0.7]],
  ["tanh a", (x) => tanh(x), Math.tanh, [-2, 0, 0.7]],
  ["eᵃ", (x) => exp(x), Math.exp, [-2, 0, 1.3]],
  ["ln a", (x) => log(x), Math.log, [0.2, 1, 5]],
  ["Σ(a, 2a, 1)", (x) => sum([x, mul(2, x), 1]), (x) => 3 * x + 1, [0.7]],
];

test("every operation's value and local derivative agree with the function and its central difference", () => {
  for (const [name, f, reference, points] of unary) {
    for (const x0 of points) {
      const { y, slope } = engineSlope(f, x0);
      assert.ok(
        Math.abs(y - reference(x0)) <= 1e-15 * Math.max(1, Math.abs(y)),
        `${name} at ${x0}: ${y}`,
      );
      const numeric = centralDifference(reference, x0);
      assert.ok(relativeError(slope, numeric) < 1e-8, `${name}′ at ${x0}: ${slope} vs ${numeric}`);
    }
  }
});

test("multiplication swaps its inputs and addition passes the gradient on", () => {
  const a = value(2),
    b = value(-3);
  backward(add(mul(a, b), b)); // L = ab + b
  assert.equal(a.grad, -3); // ∂L/∂a = b
  assert.equal(b.grad, 3); // ∂L/∂b = a + 1
});

test("a node used twice receives the sum of both gradients", () => {
  const x = value(3);
  backward(mul(x, x));
  assert.equal(x.grad, 6);
});

/** A random expression over three variables: a tree of operations kept in a safe domain. */
type Expr = { at: (v: Value[]) => Value; of: (v: number[]) => number };
const leaf: fc.Arbitrary<Expr> = fc.oneof(
  fc
    .integer({ min: 0, max: 2 })
    .map((i) => ({ at: (v: Value[]) => v[i], of: (v: number[]) => v[i] })),
  fc.double({ min: -2, max: 2, noNaN: true }).map((c) => ({ at: () => value(c), of: () => c })),
);
const expression = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.tuple(tie("e"), tie("e")).map(([a, b]) => ({
      at: (v: Value[]) => add(a.at(v), b.at(v)),
      of: (v: number[]) => a.of(v) + b.of(v),
    })),
    fc.tuple(tie("e"), tie("e")).map(([a, b]) => ({
      at: (v: Value[]) => sub(a.at(v), b.at(v)),
      of: (v: number[]) => a.of(v) - b.of(v),
    })),
    fc.tuple(tie("e"), tie("e")).map(([a, b]) => ({
      at: (v: Value[]) => mul(tanh(a.at(v)), b.at(v)),
      of: (v: number[]) => Math.tanh(a.of(v)) * b.of(v),
    })),
    // a / (1 + b²) and ln(1 + a²) and e^tanh(a) and (1 + a²)^1.5: defined and smooth everywhere
    fc.tuple(tie("e"), tie("e")).map(([a, b]) => ({
      at: (v: Value[]) => div(a.at(v), add(1, pow(b.at(v), 2))),
      of: (v: number[]) => a.of(v) / (1 + b.of(v) ** 2),
    })),
    tie("e").map((a) => ({
      at: (v: Value[]) => log(add(1, pow(a.at(v), 2))),
      of: (v: number[]) => Math.log(1 + a.of(v) ** 2),
    })),
    tie("e").map((a) => ({
      at: (v: Value[]) => exp(tanh(a.at(v))),
      of: (v: number[]) => Math.exp(Math.tanh(a.of(v))),
    })),
    tie("e").map((a) => ({
      at: (v: Value[]) => pow(add(1, pow(a.at(v), 2)), 1.5),
      of: (v: number[]) => (1 + a.of(v) ** 2) ** 1.5,
    })),
    fc.tuple(tie("e"), tie("e"), tie("e")).map(([a, b, c]) => ({
      at: (v: Value[]) => sum([a.at(v), b.at(v), c.at(v)]),
      of: (v: number[]) => a.of(v) + b.of(v) + c.of(v),
    })),
  ),
})).e;

test("on random expression graphs the engine's gradient agrees with central differences", () => {
  const point = fc.tuple(
    fc.double({ min: -1.5, max: 1.5, noNaN: true }),
    fc.double({ min: -1.5, max: 1.5, noNaN: true }),
    fc.double({ min: -1.5, max: 1.5, noNaN: true }),
  );
  fc.assert(
    fc.property(expression, point, (e, p) => {
      const vars = p.map((x) => value(x));
      const L = e.at(vars);
      assert.ok(Math.abs(L.data - e.of(p)) <= 1e-12 * Math.max(1, Math.abs(L.data)));
      backward(L);
      const numeric = numericalGradient(e.of, [...p]);
      vars.forEach((v, i) => {
        const error =
          Math.abs(v.grad - numeric[i]) / Math.max(Math.abs(v.grad), Math.abs(numeric[i]), 1);
        assert.ok(error < 1e-6, `∂L/∂v${i}: engine ${v.grad}, central difference ${numeric[i]}`);
      });
    }),
    { seed: 20261201, numRuns: 300 },
  );
});

test("an operation whose result is not finite names itself and its input", () => {
  assert.throws(() => log(value(-1)), NonFiniteValueError);
  assert.throws(() => log(value(0)), /log: the result is -Infinity at input 0; log needs a > 0/);
  assert.throws(
    () => div(value(1), 0),
    /div: the result is Infinity at input 1, 0; division needs b ≠ 0/,
  );
  assert.throws(() => exp(value(800)), /exp: the result is Infinity at input 800/);
  assert.throws(() => pow(value(-2), 0.5), /pow: the result is NaN/);
});

test("bad operands are rejected with the operation and argument named", () => {
  assert.throws(() => add(value(1), NaN), /add: b is NaN; expected a finite number/);
  assert.throws(() => pow(value(1), Infinity), /pow: p is Infinity/);
  assert.throws(() => sum([]), InvalidArgumentError);
  assert.throws(
    () => sum([value(1), undefined as unknown as number]),
    /sum: terms\[1\] is undefined/,
  );
});

test("the doc examples hold", () => {
  assert.equal(add(value(2), 3).data, 5);
  assert.equal(sub(value(2), 3).data, -1);
  assert.equal(mul(value(2), 3).data, 6);
  assert.equal(div(value(3), 2).data, 1.5);
  assert.equal(pow(value(3), 2).data, 9);
  assert.equal(neg(value(2)).data, -2);
  assert.equal(tanh(value(0)).data, 0);
  assert.equal(exp(value(0)).data, 1);
  assert.equal(log(value(Math.E)).data, 1);
  assert.equal(sum([value(1), 2, value(3)]).data, 6);
});

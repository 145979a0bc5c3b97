import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { portableCos, portableExpm1, portableLog, portableTanh } from "./portableMath";

// Under Node, Math.log, Math.cos, Math.expm1 and Math.tanh are fdlibm's (V8's base/ieee754.cc): the
// portable versions must give the same bits, for every argument (Object.is: −0 and NaN too).
const pairs = [
  ["portableLog", portableLog, Math.log],
  ["portableCos", portableCos, Math.cos],
  ["portableExpm1", portableExpm1, Math.expm1],
  ["portableTanh", portableTanh, Math.tanh],
] as const;

const sameBits = (a: number, b: number) => Object.is(a, b);

test("each portable function gives Node's Math bits at the edges: 0, −0, ±∞, NaN, subnormals, the branch points", () => {
  const edges = [
    0,
    -0,
    Infinity,
    -Infinity,
    NaN,
    5e-324,
    -5e-324,
    2.2250738585072014e-308,
    1e-300,
    1e-20,
    2 ** -28,
    2 ** -54,
    0.3,
    0.5,
    0.78125,
    1,
    2,
    Math.E,
    Math.PI / 4,
    Math.PI / 2,
    (3 * Math.PI) / 4,
    Math.PI,
    2 * Math.PI,
    1e6,
    22,
    21.999999,
    38.9,
    56 * Math.LN2,
    709.78,
    709.79,
    1e300,
  ];
  for (const [name, portable, native] of pairs)
    for (const x of [...edges, ...edges.map((e) => -e)])
      assert.ok(
        sameBits(portable(x), native(x)),
        `${name}(${x}) = ${portable(x)}; Math: ${native(x)}`,
      );
});

test("each portable function gives Node's Math bits on 200 000 random arguments of every scale", () => {
  fc.assert(
    fc.property(
      fc.double({ noNaN: true }),
      fc.double({ min: -50, max: 50, noNaN: true }),
      fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
      (any, moderate, angle) => {
        for (const [name, portable, native] of pairs)
          for (const x of [any, moderate, angle, Math.abs(moderate) / 64])
            if (!sameBits(portable(x), native(x)))
              throw new Error(`${name}(${x}) = ${portable(x)}; Math: ${native(x)}`);
      },
    ),
    { seed: 29, numRuns: 50_000 },
  );
});

test("the log of a negative number is NaN and of zero −∞; cos of ±∞ is NaN", () => {
  assert.ok(Number.isNaN(portableLog(-1)));
  assert.equal(portableLog(0), -Infinity);
  assert.ok(Number.isNaN(portableCos(Infinity)));
  assert.equal(portableTanh(-Infinity), -1);
  assert.equal(portableExpm1(-Infinity), -1);
});

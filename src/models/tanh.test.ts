import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { createRandom } from "../random/createRandom";
import { applyTanh, tanh } from "./tanh";

/** How many float64 values lie between a and b (0 when they are the same number). */
function ulpsApart(a: number, b: number): number {
  const view = new DataView(new ArrayBuffer(16));
  view.setFloat64(0, a);
  view.setFloat64(8, b);
  const bits = (offset: number) => {
    const raw = view.getBigInt64(offset);
    return raw < 0n ? -(raw & 0x7fffffffffffffffn) : raw; // order the negative numbers too
  };
  const d = bits(0) - bits(8);
  return Number(d < 0n ? -d : d);
}

test("tanh is Math.tanh to 3 parts in 2⁵² on 3 million arguments from 10⁻¹² to 30, usually exactly", () => {
  const random = createRandom(20261202);
  let worst = 0,
    exact = 0;
  const epsilon = 2 ** -52;
  const n = 3_000_000;
  for (let i = 0; i < n; i++) {
    const scale = i % 3 === 0 ? 30 : i % 3 === 1 ? 1 : 10 ** -random.uniform(0, 12);
    const x = random.uniform(-scale, scale);
    const t = tanh(x),
      reference = Math.tanh(x);
    if (t === reference) exact++;
    const relative = Math.abs(t - reference) / Math.abs(reference) / epsilon;
    if (relative > worst) worst = relative;
    if (ulpsApart(t, reference) > 4) assert.fail(`tanh(${x}) = ${t}; Math.tanh gives ${reference}`);
  }
  assert.ok(worst <= 3, `worst relative difference ${worst}·2⁻⁵²`);
  assert.ok(exact / n > 0.6, `exact on ${exact} of ${n}`);
});

test("tanh is exact where it must be: 0, −0, ±1 past saturation, NaN, tiny arguments", () => {
  assert.ok(Object.is(tanh(0), 0));
  assert.ok(Object.is(tanh(-0), -0));
  for (const x of [22, 30, 710, 1e300, Infinity]) {
    assert.equal(tanh(x), 1);
    assert.equal(tanh(-x), -1);
  }
  assert.ok(Number.isNaN(tanh(NaN)));
  for (const x of [1e-300, 5e-324, 1e-20, -1e-10]) assert.equal(tanh(x), Math.tanh(x));
});

test("tanh is odd and never decreases on a fine grid, across the table's steps and saturation", () => {
  fc.assert(
    fc.property(fc.double({ min: -40, max: 40, noNaN: true }), (x) => {
      assert.ok(Object.is(tanh(-x), -tanh(x)));
    }),
  );
  // Between neighbouring float64 values, rounding may step back by at most one unit in the last place
  // (Math.tanh never does; here 0.1 % of neighbours do): checked around random points, the form switch
  // at 18 and saturation at 22.
  const view = new DataView(new ArrayBuffer(8));
  const nextUp = (x: number) => {
    view.setFloat64(0, x);
    view.setBigUint64(0, view.getBigUint64(0) + 1n); // x > 0: the next larger float64
    return view.getFloat64(0);
  };
  const random = createRandom(7);
  const starts = [18, 22, 1, 0.5, ...Array.from({ length: 2000 }, () => random.uniform(1e-3, 22))];
  for (const start of starts) {
    let x = start - 64 * Number.EPSILON * start;
    for (let i = 0; i < 128; i++) {
      const next = nextUp(x);
      const drop = (tanh(x) - tanh(next)) / tanh(x);
      assert.ok(drop <= Number.EPSILON, `tanh(${next}) is below tanh(${x}) by ${drop}`);
      x = next;
    }
  }
  let previous = -1;
  for (let x = -23; x <= 23; x += 1 / 4096) {
    const t = tanh(x);
    assert.ok(t >= previous, `tanh(${x}) = ${t} < tanh of the point before, ${previous}`);
    previous = t;
  }
});

test("applyTanh writes tanh of each entry of a row into the other row, and nothing else", () => {
  const h = Float64Array.of(9, 0.5, -2, 30, 9);
  const z = new Float64Array(6).fill(7);
  applyTanh(h, 1, z, 2, 3);
  assert.deepEqual(Array.from(z), [7, 7, tanh(0.5), tanh(-2), 1, 7]);
});

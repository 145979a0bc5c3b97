import assert from "node:assert/strict";
import { test } from "node:test";
import { logTicks } from "./logTicks";

/** A label a reader can read alone: a whole number or decimal, or a power of ten (times a digit). */
const readable = /^(\d+(\.\d+)?|([1-9]×)?10<sup>−?\d+<\/sup>)$/;
const valueOf = (text: string) => {
  const power = text.match(/^(?:([1-9])×)?10<sup>(−?\d+)<\/sup>$/);
  return power ? Number(power[1] ?? 1) * 10 ** Number(power[2].replace("−", "-")) : Number(text);
};

test("few decades get 1, 2, 5 × 10ᵏ written in full, as the doc example says", () => {
  assert.deepEqual(logTicks(1, 25).ticktext, ["1", "2", "5", "10", "20"]);
  assert.deepEqual(logTicks(1, 25).tickvals, [1, 2, 5, 10, 20]);
  assert.deepEqual(logTicks(0.025, 1).ticktext, ["0.05", "0.1", "0.2", "0.5", "1"]);
});

test("many decades get one tick per decade, written as powers (1 and 10 plain)", () => {
  assert.deepEqual(logTicks(3e-6, 40).ticktext, [
    "10<sup>−5</sup>",
    "10<sup>−4</sup>",
    "10<sup>−3</sup>",
    "10<sup>−2</sup>",
    "10<sup>−1</sup>",
    "1",
    "10",
  ]);
  const steps = logTicks(1, 4000);
  assert.deepEqual(steps.tickvals, [1, 10, 100, 1000]);
  // the other digits of each decade are unlabelled minor ticks
  assert.deepEqual(steps.minorvals.slice(0, 3), [2, 3, 4]);
  assert.ok(!steps.minorvals.some((v) => steps.tickvals.includes(v)));
});

test("a range of less than a factor of five labels every digit in full, and a tiny one is left to plotly", () => {
  assert.deepEqual(logTicks(0.65, 1.9).ticktext, ["0.7", "0.8", "0.9", "1"]);
  assert.deepEqual(logTicks(1.1, 1.5), { tickvals: [], ticktext: [], minorvals: [] });
});

test("no label is a bare minor digit standing for 20 or 0.03, over any range", () => {
  for (let a = -7; a <= 5; a += 0.37)
    for (let span = 0.2; span <= 9; span += 0.61) {
      const { ticktext, tickvals } = logTicks(10 ** a, 10 ** (a + span));
      ticktext.forEach((text, i) => {
        assert.match(text, readable, `range 10^${a.toFixed(2)}…: label ${text}`);
        assert.ok(
          Math.abs(valueOf(text) / tickvals[i] - 1) < 1e-12,
          `${text} labels ${tickvals[i]}`,
        );
      });
    }
});

test("a range that is not positive is refused, naming the function", () => {
  assert.throws(() => logTicks(0, 10), /logTicks: the range is \[0, 10\]/);
  assert.throws(() => logTicks(10, 1), /expected 0 < lo ≤ hi/);
});

test("over more than ten decades only every second (third, …) decade is labelled, the rest are minor", () => {
  // lesson 6: distances from 1 down to 1e-24 on one axis
  const ticks = logTicks(1e-24, 1);
  assert.ok(ticks.tickvals.length <= 10, `${ticks.tickvals.length} labels`);
  assert.deepEqual(ticks.tickvals.slice(-3), [1e-6, 1e-3, 1]);
  // the unlabelled decades are minor ticks; the digits between them would merge into a grey band
  assert.ok(ticks.minorvals.includes(1e-2) && !ticks.minorvals.includes(2e-2));
});

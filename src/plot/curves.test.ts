import assert from "node:assert/strict";
import { test } from "node:test";
import { curvesFigure } from "./curves";

test("curves are drawn against the step number unless x is given, as the doc example says", () => {
  const figure = curvesFigure(
    [
      { name: "training error", y: [4, 2, 1] },
      { name: "test", x: [0, 10], y: [3, 2] },
    ],
    { yTitle: "E", logY: true, markers: [{ x: 1, label: "stop" }] },
  );
  assert.deepEqual(figure.data[0].x, [0, 1, 2]);
  assert.deepEqual(figure.data[1].x, [0, 10]);
  assert.equal((figure.layout?.yaxis as { type: string }).type, "log");
  assert.equal((figure.layout?.shapes as unknown[]).length, 1);
  assert.equal(figure.data[0].mode, "lines");
  assert.equal(
    curvesFigure([{ name: "measured", y: [1, 2], mode: "markers" }]).data[0].mode,
    "markers",
  );
});

test("NaN, mismatched lengths and non-positive values on a log axis are named in the error", () => {
  assert.throws(
    () => curvesFigure([{ name: "a", y: [1, NaN] }]),
    /curvesFigure: curves\[0\].y\[1\] is NaN/,
  );
  assert.throws(
    () => curvesFigure([{ name: "a", y: [1, 2], x: [0] }]),
    /curvesFigure: curves\[0\].x has length 1; expected 2/,
  );
  assert.throws(
    () => curvesFigure([{ name: "a", y: [1, 0] }], { logY: true }),
    /a logarithmic axis needs positive values/,
  );
  assert.throws(() => curvesFigure([]), /curvesFigure: curves is an array of length 0/);
});

test("a logarithmic x axis is offered, and refuses sizes it cannot show", () => {
  const figure = curvesFigure([{ name: "cost", x: [10, 100], y: [1, 2] }], {
    logX: true,
    markers: [{ x: 10, label: "stop" }],
  });
  assert.equal((figure.layout?.xaxis as { type: string }).type, "log");
  // plotly reads an annotation's x on a log axis as log₁₀ of the value, a shape's x as the value itself
  assert.equal((figure.layout?.annotations as { x: number }[])[0].x, 1);
  assert.equal((figure.layout?.shapes as { x0: number }[])[0].x0, 10);
  assert.equal((figure.layout?.shapes as unknown[]).length, 1);
  assert.throws(
    () => curvesFigure([{ name: "cost", x: [0, 100], y: [1, 2] }], { logX: true }),
    /curvesFigure: curves\[0\].x has a value ≤ 0/,
  );
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { curvesFigure } from "./curves";
import { palette } from "./palette";

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

test("a log axis is labelled in whole numbers only: 20 and 30 are never a bare 2 and 3", () => {
  // lesson 3 §3.10: batch sizes 1…25 against errors 0.2…30
  const figure = curvesFigure(
    [{ name: "measured", x: [1, 2, 5, 10, 25], y: [30, 14, 6, 2, 0.2] }],
    {
      logX: true,
      logY: true,
    },
  );
  const x = figure.layout?.xaxis as {
    tickmode: string;
    ticktext: string[];
    minor: { tickvals: number[] };
  };
  const y = figure.layout?.yaxis as { ticktext: string[] };
  assert.equal(x.tickmode, "array");
  assert.deepEqual(x.ticktext, ["1", "2", "5", "10", "20"]);
  assert.deepEqual(y.ticktext, ["0.2", "0.5", "1", "2", "5", "10", "20"]);
  assert.ok(x.minor.tickvals.includes(3), "3 is an unlabelled minor tick");
  // over many decades, one labelled tick per decade
  const steps = curvesFigure([{ name: "E", x: [1, 4000], y: [1e-5, 10] }], {
    logX: true,
    logY: true,
  });
  assert.deepEqual((steps.layout?.xaxis as { tickvals: number[] }).tickvals, [1, 10, 100, 1000]);
  assert.equal((steps.layout?.yaxis as { ticktext: string[] }).ticktext[0], "10<sup>−5</sup>");
});

test("marker lines are drawn in the colour of theory, from the palette", () => {
  const figure = curvesFigure([{ name: "a", y: [1, 2] }], { markers: [{ x: 1, label: "η*" }] });
  assert.equal(
    (figure.layout?.shapes as { line: { color: string } }[])[0].line.color,
    palette.theory,
  );
});

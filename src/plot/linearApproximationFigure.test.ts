import assert from "node:assert/strict";
import { test } from "node:test";
import { figureHtml } from "./figure";
import { linearApproximationFigure } from "./linearApproximationFigure";
import { palette } from "./palette";

const square = { f: (x: number) => x * x, fPrime: (x: number) => 2 * x, x0: 4 };

test("each slider step moves the true point, the prediction and the error bar to x₀ + h", () => {
  const figure = linearApproximationFigure({ ...square, steps: [0.5, 2] });
  const steps = (
    figure.layout?.sliders as {
      steps: { args: [{ x: number[][]; y: number[][] }, { "title.text": string }, number[]] }[];
    }[]
  )[0].steps;
  assert.equal(steps.length, 2);
  const [update, layout, traces] = steps[1].args;
  assert.deepEqual(traces, [2, 3, 4]);
  assert.deepEqual(update.x, [[6], [6], [6, 6]]);
  assert.deepEqual(update.y, [[36], [32], [36, 32]]); // f(6) = 36, the line predicts 16 + 8·2 = 32
  assert.match(layout["title.text"], /error 4$/); // = h²
  assert.doesNotThrow(() => figureHtml(figure, "id"));
});

test("the figure opens at initialStep: points, error bar, title and slider all at that step", () => {
  const figure = linearApproximationFigure({ ...square, steps: [0.25, 1, 3], initialStep: 3 });
  const data = figure.data as { x: number[]; y: number[] }[];
  assert.deepEqual(data[4].x, [7, 7]);
  assert.deepEqual(data[4].y, [49, 40]); // f(7) = 49, the line predicts 16 + 8·3 = 40: an error bar of 9
  assert.match((figure.layout?.title as { text: string }).text, /^h = 3: .*error 9$/);
  assert.equal((figure.layout?.sliders as { active: number }[])[0].active, 2);
  assert.throws(
    () => linearApproximationFigure({ ...square, steps: [1, 2], initialStep: 3 }),
    /linearApproximationFigure: initialStep is 3; expected one of steps \[1, 2\]/,
  );
});

test("bad steps and functions that fail are named", () => {
  assert.throws(
    () => linearApproximationFigure({ ...square, steps: [] }),
    /linearApproximationFigure: steps is empty/,
  );
  assert.throws(
    () => linearApproximationFigure({ ...square, steps: [1], xRange: [3, 2] }),
    /xRange is \[3, 2\]/,
  );
  assert.throws(() => linearApproximationFigure({ ...square, f: Math.log, x0: 0.5, steps: [1] }), {
    name: "NonFiniteValueError",
    message: /f returned -Infinity at x = -0.5|f returned NaN at x = -0.5/,
  });
});

test("its colours come from the palette: f in curve, the tangent in tangent, the error bar not in −∇'s red", () => {
  const figure = linearApproximationFigure({ ...square, steps: [1] });
  const colours = (
    figure.data as { name: string; line?: { color: string }; marker?: { color: string } }[]
  ).map((t) => [t.name, t.line?.color ?? t.marker?.color]);
  assert.deepEqual(colours, [
    ["f(x)", palette.curve],
    ["tangent at x₀", palette.tangent],
    ["f(x₀ + h)", palette.curve],
    ["f(x₀) + f′(x₀)·h", palette.tangent],
    ["error", palette.theory],
  ]);
});

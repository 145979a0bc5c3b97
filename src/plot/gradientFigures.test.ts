import assert from "node:assert/strict";
import { test } from "node:test";
import { figureHtml } from "./figure";
import { gradientFieldFigure, gradientSliderFigure } from "./gradientFigures";
import { palette } from "./palette";

const F = (x: number, y: number) => x * x + y * y;
const grad = (x: number, y: number) => [2 * x, 2 * y];

test("the gradient field has one arrow per grid cell, pointing along ∇F or against it", () => {
  const up = gradientFieldFigure(F, grad, { xRange: [-1, 1], yRange: [-1, 1], arrowsPerAxis: 3 });
  const arrows = up.layout?.annotations as { x: number; y: number; ax: number; ay: number }[];
  assert.equal(arrows.length, 9);
  const last = arrows[8]; // at (2/3, 2/3): ∇F points outward
  assert.ok(last.x > last.ax && last.y > last.ay);
  const down = gradientFieldFigure(F, grad, {
    xRange: [-1, 1],
    yRange: [-1, 1],
    arrowsPerAxis: 3,
    descent: true,
  });
  const d = (down.layout?.annotations as typeof arrows)[8];
  assert.ok(d.x < d.ax && d.y < d.ay);
  assert.equal((up.layout?.yaxis as { scaleanchor: string }).scaleanchor, "x");
});

test("+∇F arrows are palette.gradient and −∇F arrows palette.negativeGradient (red means −∇ only)", () => {
  const options = { xRange: [-1, 1] as [number, number], yRange: [-1, 1] as [number, number] };
  const colours = (descent: boolean) =>
    new Set(
      (
        gradientFieldFigure(F, grad, { ...options, descent }).layout?.annotations as {
          arrowcolor: string;
        }[]
      ).map((a) => a.arrowcolor),
    );
  assert.deepEqual([...colours(false)], [palette.gradient]);
  assert.deepEqual([...colours(true)], [palette.negativeGradient]);
});

test("the field's map marks the minimum with a star in palette.minimum, labelled", () => {
  const fig = gradientFieldFigure(F, grad, {
    xRange: [-1, 1],
    yRange: [-1, 1],
    descent: true,
    minimum: [0, 0],
    minimumLabel: "θ* (minimum)",
  });
  const star = (fig.data as { name: string; x: number[]; y: number[]; marker: object }[]).find(
    (t) => t.name === "θ* (minimum)",
  );
  assert.ok(star, "no trace named θ* (minimum)");
  assert.deepEqual([star.x, star.y], [[0], [0]]);
  assert.deepEqual(
    {
      symbol: (star.marker as { symbol: string }).symbol,
      color: (star.marker as { color: string }).color,
    },
    { symbol: "star", color: palette.minimum },
  );
  const labels = (fig.layout?.annotations as { text: string }[]).filter(
    (a) => a.text === "θ* (minimum)",
  );
  assert.equal(labels.length, 1);
  assert.throws(
    () => gradientFieldFigure(F, grad, { xRange: [-1, 1], yRange: [-1, 1], minimum: [NaN, 0] }),
    /gradientFieldFigure: minimum\[0\] is NaN/,
  );
});

test("the slider has one step per point, each moving the arrow to that point's gradient", () => {
  const fig = gradientSliderFigure(
    F,
    grad,
    [
      [1, 0],
      [0, 1],
      [-1, -1],
    ],
    { xRange: [-2, 2], yRange: [-2, 2] },
  );
  const steps = (
    fig.layout?.sliders as {
      steps: { method: string; args: [{ x: number[][]; y: number[][] }, unknown, number[]] }[];
    }[]
  )[0].steps;
  assert.equal(steps.length, 3);
  assert.equal(steps[0].method, "update");
  const [traces, , indices] = steps[1].args;
  assert.deepEqual(indices, [2, 3, 4, 5, 6, 7, 8, 9, 10]);
  // trace 3 is the 2-D arrow: from (0, 1) along ∇F = (0, 2)
  assert.equal(traces.x[1][0], 0);
  assert.ok(traces.y[1][1] > 1 && Math.abs(traces.x[1][1]) < 1e-12);
  // the dashed tangent (trace 4) is horizontal at (0, 1): perpendicular to the arrow
  assert.ok(Math.abs(traces.y[2][0] - traces.y[2][1]) < 1e-8);
  assert.doesNotThrow(() => figureHtml(fig, "slider"));
});

test("the slider draws ∇F (arrow, floor arrow and its head) in palette.gradient and names its steps by labels", () => {
  const circle = [0, 90, 180].map((deg) => [
    Math.cos((deg * Math.PI) / 180),
    Math.sin((deg * Math.PI) / 180),
  ]);
  const fig = gradientSliderFigure(F, grad, circle, {
    xRange: [-2, 2],
    yRange: [-2, 2],
    labels: ["0°", "90°", "180°"],
    sliderPrefix: "angle φ = ",
  });
  type Trace = { type: string; name: string; line?: { color: string }; colorscale?: string[][] };
  const traces = fig.data as Trace[];
  const colourOf = (t: Trace) => t.line?.color ?? t.colorscale?.[0][1];
  const gradientParts = traces.filter((t) => t.name.startsWith("∇F"));
  assert.deepEqual(
    gradientParts.map((t) => [t.name, colourOf(t)]),
    [
      ["∇F (scaled)", palette.gradient],
      ["∇F on the floor", palette.gradient],
      ["∇F's arrow head", palette.gradient],
    ],
  );
  assert.ok(
    traces.every((t) => colourOf(t) !== palette.negativeGradient),
    "red is −∇'s colour",
  );
  const slider = (
    fig.layout?.sliders as { currentvalue: { prefix: string }; steps: { label: string }[] }[]
  )[0];
  assert.deepEqual(
    slider.steps.map((s) => s.label),
    ["0°", "90°", "180°"],
  );
  assert.equal(slider.currentvalue.prefix, "angle φ = ");
  assert.throws(
    () =>
      gradientSliderFigure(F, grad, circle, { xRange: [-2, 2], yRange: [-2, 2], labels: ["0°"] }),
    /gradientSliderFigure: labels has 1 entries; expected one per point \(3\)/,
  );
});

test("bad input names the function and the argument", () => {
  assert.throws(
    () => gradientSliderFigure(F, grad, [], { xRange: [-1, 1], yRange: [-1, 1] }),
    /gradientSliderFigure: points is/,
  );
  assert.throws(
    () => gradientSliderFigure(F, grad, [[0, 0]], { xRange: [-1, 1], yRange: [-1, 1] }),
    /the gradient at points\[0\] is \[0, 0\]/,
  );
  assert.throws(
    () => gradientFieldFigure(F, grad, { xRange: [1, -1], yRange: [-1, 1] }),
    /gradientFieldFigure: xRange is \[1, -1\]; expected from < to/,
  );
  assert.throws(
    () => gradientFieldFigure(F, () => [NaN, 0], { xRange: [-1, 1], yRange: [-1, 1] }),
    /gradientFieldFigure: gradient\(.*\)\[0\] is NaN/,
  );
});

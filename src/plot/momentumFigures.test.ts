import assert from "node:assert/strict";
import { test } from "node:test";
import { momentumSliderFigure, type MomentumFrame } from "./momentumFigures";
import { figureHtml } from "./figure";
import { palette } from "./palette";

const bowl = (a: number, b: number) => 1 + a * a + 4 * b * b;
const etas = [0.1, 0.3],
  betas = [0, 0.5, 0.9];
const frames: MomentumFrame[] = etas.flatMap((learningRate) =>
  betas.map((beta) => ({
    learningRate,
    beta,
    path: [
      [1, 1],
      [learningRate, beta],
    ],
    measured: learningRate + beta,
    theory: learningRate + beta + 0.01,
  })),
);
const options = {
  w1Range: [-2, 2] as [number, number],
  w2Range: [-2, 2] as [number, number],
  minimum: [0, 0],
  learningRates: etas,
  betas,
  factors: betas.map((b) => etas.map((e) => e + b + 0.01)),
  frames,
};

test("the doc example has one slider with one step", () => {
  const figure = momentumSliderFigure((a, b) => 1 + a * a + b * b, {
    w1Range: [-1, 1],
    w2Range: [-1, 1],
    minimum: [0, 0],
    learningRates: [0.5],
    betas: [0],
    factors: [[0]],
    frames: [
      {
        learningRate: 0.5,
        beta: 0,
        path: [
          [1, 1],
          [0, 0],
        ],
        measured: 0,
        theory: 0,
      },
    ],
  });
  const sliders = figure.layout?.sliders as { steps: unknown[] }[];
  assert.equal(sliders.length, 1);
  assert.equal(sliders[0].steps.length, 1);
});

test("each slider step moves the path and the marker to its own run, with its setting in the title", () => {
  const figure = momentumSliderFigure(bowl, options);
  const steps = (figure.layout?.sliders as { steps: { args: unknown[] }[] }[])[0].steps;
  assert.equal(steps.length, 6);
  const [traces, layout, moving] = steps[4].args as [
    { x: number[][]; y: number[][] },
    Record<string, string>,
    number[],
  ];
  assert.deepEqual(moving, [1, 4]);
  assert.deepEqual(traces.x, [[1, 0.3], [0.3]]);
  assert.deepEqual(traces.y, [[1, 0.5], [0.5]]);
  assert.match(layout["title.text"], /η = 0.3, β = 0.5: factor per step 0.8 measured, 0.81 theory/);
  assert.equal(figure.data[1].name, "heavy ball");
  assert.equal(figure.data[4].name, "current (η, β)");
});

test("a setting whose theory factor is at least 1 is called divergent, and the map draws it red", () => {
  const figure = momentumSliderFigure(bowl, options);
  const steps = (figure.layout?.sliders as { steps: { args: unknown[] }[] }[])[0].steps;
  assert.match((steps[5].args[1] as Record<string, string>)["title.text"], /diverges/);
  assert.doesNotMatch((steps[4].args[1] as Record<string, string>)["title.text"], /diverges/);
  const heatmap = figure.data[3] as { z: number[][]; zmax: number; colorscale: [number, string][] };
  assert.equal(heatmap.z[2][1], 1.2); // 1.21, capped at the end of the colour scale
  const red = heatmap.colorscale.find(([, c]) => c === "#d62728");
  assert.ok(red && Math.abs(red[0] * heatmap.zmax - 1) < 1e-12, "red starts at factor 1");
});

test("the run is drawn in heavy ball's colour and ŵ in the minimum's, and no legend covers the map", () => {
  const figure = momentumSliderFigure(bowl, options);
  const [path, minimum, ring] = [figure.data[1], figure.data[2], figure.data[4]] as {
    name: string;
    line?: { color: string };
    marker: { color: string; line?: { color: string } };
  }[];
  assert.equal(path.line?.color, palette.heavyBall);
  assert.equal(minimum.name, "ŵ");
  assert.equal(minimum.marker.color, palette.minimum);
  assert.equal(ring.marker.line?.color, palette.heavyBall);
  assert.equal(figure.layout?.showlegend, false);
  assert.equal(figure.layout?.legend, undefined);
});

test("the map keeps equal scales, and the figure serialises", () => {
  const figure = momentumSliderFigure(bowl, options);
  const yaxis = figure.layout?.yaxis as { scaleanchor: string; scaleratio: number };
  assert.equal(yaxis.scaleanchor, "x");
  assert.equal(yaxis.scaleratio, 1);
  assert.ok(figureHtml(figure, "m").includes("heatmap"));
});

test("frames that do not match the grid, unsorted axes and bad options are rejected", () => {
  assert.throws(
    () => momentumSliderFigure(bowl, { ...options, frames: frames.slice(1) }),
    /frames has length 5; expected 6/,
  );
  assert.throws(
    () => momentumSliderFigure(bowl, { ...options, frames: [...frames].reverse() }),
    /frames\[0\] is η = 0.3, β = 0.9; expected η = 0.1, β = 0/,
  );
  assert.throws(
    () => momentumSliderFigure(bowl, { ...options, betas: [0, 0.9, 0.5] }),
    /betas\[2\] is 0.5, not above/,
  );
  assert.throws(
    () => momentumSliderFigure(bowl, { ...options, factors: [[1, 2]] }),
    /factors needs one row per beta/,
  );
  assert.throws(() => momentumSliderFigure(bowl, { ...options, active: 6 }), /active/);
  assert.throws(
    () => momentumSliderFigure(bowl, { ...options, colour: "red" } as typeof options),
    /colour/,
  );
});

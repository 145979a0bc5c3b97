import assert from "node:assert/strict";
import { test } from "node:test";
import { contourFigure, surfaceAnimationFigure, surfaceFigure, surfaceGrid } from "./errorSurface";
import { figureHtml } from "./figure";

const bowl = (a: number, b: number) => a * a + 4 * b * b;
const ranges = { w1Range: [-2, 2] as [number, number], w2Range: [-1, 1] as [number, number] };

test("the grid holds F with rows along w2, as the doc example says", () => {
  assert.deepEqual(surfaceGrid((a, b) => a + b, { w1Range: [0, 1], w2Range: [0, 2], points: 2 }), { w1: [0, 1], w2: [0, 2], z: [[0, 1], [2, 3]] });
  const grid = surfaceGrid(bowl, { ...ranges, points: 5 });
  assert.equal(grid.z[1][3], bowl(grid.w1[3], grid.w2[1]));
});

test("the surface figure puts markers and paths on the surface at height F(w)", () => {
  const figure = surfaceFigure(bowl, { ...ranges, markers: [{ w: [1, 0.5], label: "current w" }], paths: [{ name: "p", path: [[1, 1], [0, 0]] }] });
  assert.equal(figure.data[0].type, "surface");
  assert.deepEqual(figure.data[1].z, [5, 0]);
  assert.deepEqual(figure.data[2].z, [2]);
  assert.doesNotThrow(() => figureHtml(figure, "f"));
});

test("the contour figure draws paths, markers and arrows in weight coordinates", () => {
  const figure = contourFigure(bowl, { ...ranges, paths: [{ name: "descent", path: [[1.5, 0.8], [0.9, -0.4]] }], markers: [{ w: [1.5, 0.8], label: "w" }], arrows: [{ from: [1.5, 0.8], to: [1, 0], label: "−η∇E" }] });
  assert.deepEqual(figure.data.map((d) => d.type), ["contour", "scatter", "scatter"]);
  assert.deepEqual(figure.data[1].x, [1.5, 0.9]);
  const [arrow] = (figure.layout?.annotations as Record<string, unknown>[]);
  assert.deepEqual([arrow.ax, arrow.ay, arrow.x, arrow.y], [1.5, 0.8, 1, 0]);
});

test("the animation has one self-contained frame per step and a slider step per frame", () => {
  const path = [[1, 1], [0.5, 0.5], [0.25, 0.25]];
  const figure = surfaceAnimationFigure(bowl, path, ranges);
  assert.equal(figure.frames?.length, 3);
  const last = figure.frames?.[2] as { data: { x: number[]; z: number[] }[]; traces: number[] };
  assert.deepEqual(last.traces, [1, 2]);
  assert.deepEqual(last.data[0].x, [1, 0.5, 0.25]);
  assert.deepEqual(last.data[1].z, [bowl(0.25, 0.25)]);
  const sliders = figure.layout?.sliders as { steps: unknown[] }[];
  assert.equal(sliders[0].steps.length, 3);
  assert.doesNotThrow(() => figureHtml(figure, "a"));
});

test("bad ranges, paths, options and a function returning NaN are named in the error", () => {
  assert.throws(() => surfaceGrid(bowl, { w1Range: [1, 0], w2Range: [0, 1] }), /surfaceGrid: w1Range is \[1, 0\]; expected from < to/);
  assert.throws(() => surfaceGrid(bowl, { w1Range: [0, 1], w2Range: [0, NaN] }), /surfaceGrid: w2Range\[1\] is NaN/);
  assert.throws(() => surfaceGrid(() => NaN, { ...ranges, points: 2 }), { name: "NonFiniteValueError", message: /surfaceGrid: F returned NaN at \(w1, w2\) = \(-2, -1\)/ });
  assert.throws(() => contourFigure(bowl, { ...ranges, paths: [{ name: "p", path: [[1, 2], [3]] }] }), /contourFigure: paths\[0\].path\[1\] is an array of length 1; expected \[w1, w2\]/);
  assert.throws(() => surfaceFigure(bowl, { ...ranges, colour: "red" } as never), /surfaceFigure: unknown option "colour"/);
  assert.throws(() => surfaceAnimationFigure(bowl, [], ranges), /surfaceAnimationFigure: path is an array of length 0/);
});

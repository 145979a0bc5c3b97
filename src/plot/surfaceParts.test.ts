import assert from "node:assert/strict";
import { test } from "node:test";
import { requirePlaneOptions, surfaceColours, surfaceHover, surfaceTrace } from "./surfaceParts";

const grid = {
  w1: [0, 1],
  w2: [0, 2],
  z: [
    [0, 1],
    [2, 3],
  ],
};

test("requirePlaneOptions returns the two ranges and names an unknown option, ranges first", () => {
  assert.deepEqual(
    requirePlaneOptions(
      "f",
      { w1Range: [0, 1], w2Range: [-1, 2], title: "t" },
      ["w1Range", "w2Range"],
      ["title"],
    ),
    [
      [0, 1],
      [-1, 2],
    ],
  );
  assert.throws(
    () =>
      requirePlaneOptions(
        "f",
        { xRange: [0, 1], yRange: [0, 1], titel: "t" },
        ["xRange", "yRange"],
        ["title"],
      ),
    {
      name: "InvalidArgumentError",
      message: 'f: unknown option "titel"; expected one of "xRange", "yRange", "title"',
    },
  );
});

test("requirePlaneOptions names a missing, reversed or non-finite range, x first", () => {
  const check = (options: unknown) => () =>
    requirePlaneOptions("f", options as object, ["xRange", "yRange"], []);
  assert.throws(check(undefined), { message: "f: xRange is undefined; expected [from, to]" });
  assert.throws(check({ xRange: [0, 1] }), {
    message: "f: yRange is undefined; expected [from, to]",
  });
  assert.throws(check({ xRange: [1, 0], yRange: [0, 0] }), {
    message: "f: xRange is [1, 0]; expected from < to",
  });
  assert.throws(check({ xRange: [0, 1], yRange: [0, NaN] }), { message: /^f: yRange\[1\] is NaN/ });
  assert.throws(check(null), { message: "f: options is null; expected an object" });
});

test("the surface trace: F on the grid in the surface colours, projected contours, hover in the axes' names", () => {
  assert.deepEqual(surfaceTrace(grid, "E"), {
    type: "surface",
    x: [0, 1],
    y: [0, 2],
    z: [
      [0, 1],
      [2, 3],
    ],
    name: "E",
    colorscale: "YlGnBu",
    reversescale: true,
    opacity: 0.92,
    showscale: false,
    contours: { z: { show: true, usecolormap: true, project: { z: true } } },
    hovertemplate: "w₁ %{x:.3f}<br>w₂ %{y:.3f}<br>E %{z:.4g}<extra></extra>",
  });
  const inScene = surfaceTrace(grid, "F", {
    axisTitles: ["x", "y"],
    opacity: 0.85,
    scene: "scene",
  });
  assert.equal(inScene.scene, "scene");
  assert.equal(inScene.opacity, 0.85);
  assert.equal(inScene.hovertemplate, "x %{x:.3f}<br>y %{y:.3f}<br>F %{z:.4g}<extra></extra>");
  // The scene sits where plotly figures of the course have always had it: after showscale.
  assert.deepEqual(Object.keys(inScene).slice(8, 11), ["showscale", "scene", "contours"]);
});

test("the colours and the hover text are the ones the contour maps use", () => {
  assert.deepEqual(surfaceColours, { colorscale: "YlGnBu", reversescale: true });
  assert.equal(
    surfaceHover(["w₁", "w₂"], "E", "customdata"),
    "w₁ %{x:.3f}<br>w₂ %{y:.3f}<br>E %{customdata:.4g}<extra></extra>",
  );
});

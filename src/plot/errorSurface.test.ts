import assert from "node:assert/strict";
import { test } from "node:test";
import { contourFigure, surfaceAnimationFigure, surfaceFigure, surfaceGrid } from "./errorSurface";
import { figureHtml } from "./figure";
import { palette } from "./palette";

const bowl = (a: number, b: number) => a * a + 4 * b * b;
const ranges = { w1Range: [-2, 2] as [number, number], w2Range: [-1, 1] as [number, number] };

test("the grid holds F with rows along w2, as the doc example says", () => {
  assert.deepEqual(
    surfaceGrid((a, b) => a + b, { w1Range: [0, 1], w2Range: [0, 2], points: 2 }),
    {
      w1: [0, 1],
      w2: [0, 2],
      z: [
        [0, 1],
        [2, 3],
      ],
    },
  );
  const grid = surfaceGrid(bowl, { ...ranges, points: 5 });
  assert.equal(grid.z[1][3], bowl(grid.w1[3], grid.w2[1]));
});

test("the surface figure puts markers and paths on the surface at height F(w)", () => {
  const figure = surfaceFigure(bowl, {
    ...ranges,
    markers: [{ w: [1, 0.5], label: "current w" }],
    paths: [
      {
        name: "p",
        path: [
          [1, 1],
          [0, 0],
        ],
      },
    ],
  });
  assert.equal(figure.data[0].type, "surface");
  assert.deepEqual(figure.data[1].z, [5, 0]);
  assert.deepEqual(figure.data[2].z, [2]);
  assert.doesNotThrow(() => figureHtml(figure, "f"));
});

test("the contour figure draws paths, markers and arrows in weight coordinates", () => {
  const figure = contourFigure(bowl, {
    ...ranges,
    paths: [
      {
        name: "descent",
        path: [
          [1.5, 0.8],
          [0.9, -0.4],
        ],
      },
    ],
    markers: [{ w: [1.5, 0.8], label: "w" }],
    arrows: [{ from: [1.5, 0.8], to: [1, 0], label: "−η∇E" }],
  });
  assert.deepEqual(
    figure.data.map((d) => d.type),
    ["contour", "scatter", "scatter"],
  );
  assert.deepEqual(figure.data[1].x, [1.5, 0.9]);
  const annotations = figure.layout?.annotations as Record<string, unknown>[];
  const arrow = annotations.find((a) => a.showarrow === true) as Record<string, unknown>;
  assert.deepEqual([arrow.ax, arrow.ay, arrow.x, arrow.y], [1.5, 0.8, 1, 0]);
  assert.ok(
    annotations.some((a) => a.text === "w" && a.x === 1.5),
    "the marker's label",
  );
});

test("a contour map draws w₁ and w₂ on equal scales unless told not to, so angles are shown true", () => {
  const axes = (f: ReturnType<typeof contourFigure>) =>
    [f.layout?.xaxis, f.layout?.yaxis] as Record<string, unknown>[];
  const [x, y] = axes(contourFigure(bowl, ranges));
  assert.deepEqual(
    [y.scaleanchor, y.scaleratio, y.constrain, x.constrain],
    ["x", 1, "domain", "domain"],
  );
  assert.deepEqual(
    [x.range, y.range],
    [
      [-2, 2],
      [-1, 1],
    ],
  );
  const [, free] = axes(contourFigure(bowl, { ...ranges, equalScale: false }));
  assert.equal(free.scaleanchor, undefined);
});

test("a log-scale contour spaces levels in log10 F and still shows F on hover and colour bar", () => {
  const figure = contourFigure((a, b) => 1 + a * a + b * b, {
    w1Range: [0, 3],
    w2Range: [0, 3],
    points: 4,
    logScale: true,
  });
  const trace = figure.data[0] as {
    z: number[][];
    customdata: number[][];
    colorbar: { tickvals: number[]; ticktext: string[] };
  };
  assert.equal(trace.z[0][0], 0);
  assert.equal(trace.customdata[3][3], 19);
  assert.deepEqual(trace.colorbar.ticktext, ["1", "2", "5", "10"]);
  assert.throws(
    () => contourFigure((a) => a, { w1Range: [-1, 1], w2Range: [0, 1], points: 2, logScale: true }),
    /contourFigure: F is -1 at \(w1, w2\) = \(-1, 0\); logScale needs F > 0/,
  );
});

test("an arrow's label sits at its head", () => {
  const figure = contourFigure(bowl, {
    ...ranges,
    arrows: [{ from: [0, 0], to: [1, -0.5], label: "step" }],
  });
  const [arrow, label] = figure.layout?.annotations as Record<string, unknown>[]; // no markers: the arrow comes first
  assert.equal(arrow.text, "");
  assert.deepEqual([label.x, label.y, label.text, label.showarrow], [1, -0.5, "step", false]);
});

test("the animation has one self-contained frame per step and a slider step per frame", () => {
  const path = [
    [1, 1],
    [0.5, 0.5],
    [0.25, 0.25],
  ];
  const figure = surfaceAnimationFigure(bowl, path, ranges);
  assert.equal(figure.frames?.length, 3);
  const last = figure.frames?.[2] as { data: { x: number[]; z: number[] }[]; traces: number[] };
  assert.deepEqual(last.traces, [1, 2]);
  assert.deepEqual(last.data[0].x, [1, 0.5, 0.25]);
  assert.deepEqual(last.data[1].z, [bowl(0.25, 0.25)]);
  const sliders = figure.layout?.sliders as { steps: unknown[] }[];
  assert.equal(sliders[0].steps.length, 3);
  assert.doesNotThrow(() => figureHtml(figure, "a"));
  const green = surfaceAnimationFigure(bowl, path, { ...ranges, color: "#2ca02c" }).data[1] as {
    line: { color: string };
  };
  assert.equal(green.line.color, "#2ca02c");
});

test("a path, an arrow and ŵ take their palette colours unless told otherwise; ŵ is a star", () => {
  const figure = contourFigure(bowl, {
    ...ranges,
    paths: [
      {
        name: "descent",
        path: [
          [1.5, 0.8],
          [0.9, -0.4],
        ],
      },
      {
        name: "η = 1.6",
        path: [
          [1, 0.5],
          [0, 0],
        ],
        dash: "dot",
      },
    ],
    markers: [
      { w: [0, 0], label: "ŵ", color: palette.minimum, symbol: "star" },
      { w: [1, 1], label: "w" },
    ],
    arrows: [{ from: [1.5, 0.8], to: [1, 0] }],
  });
  const [, first, second, minimum] = figure.data as {
    line?: { color: string; dash: string };
    marker: { symbol: string; color: string };
  }[];
  assert.deepEqual(first.line, { color: palette.plainDescent, width: 2, dash: "solid" });
  assert.equal(second.line?.dash, "dot");
  assert.deepEqual([minimum.marker.symbol, minimum.marker.color], ["star", palette.minimum]);
  const arrow = (figure.layout?.annotations as { showarrow: boolean; arrowcolor?: string }[]).find(
    (a) => a.showarrow,
  );
  assert.equal(arrow?.arrowcolor, palette.negativeGradient);
  const animation = surfaceAnimationFigure(
    bowl,
    [
      [1, 1],
      [0, 0],
    ],
    ranges,
  ).data[1] as { line: { color: string } };
  assert.equal(animation.line.color, palette.plainDescent);
});

test("the map's legend sits below the plot (covering no path and no tick label), with room for it", () => {
  const layout = contourFigure(bowl, {
    ...ranges,
    paths: [
      { name: "a", path: [[1, 1]] },
      { name: "b", path: [[0, 0]] },
    ],
  }).layout as {
    legend: { y: number; yanchor: string };
    margin: { b: number };
  };
  assert.ok(
    layout.legend.y < 0 && layout.legend.yanchor === "top",
    `legend at y = ${layout.legend.y}`,
  );
  assert.ok(layout.margin.b >= 100, `bottom margin ${layout.margin.b}`);
});

test("the animation leaves room below its slider for the step labels", () => {
  const layout = surfaceAnimationFigure(
    bowl,
    [
      [1, 1],
      [0, 0],
    ],
    ranges,
  ).layout as { margin: { b: number } };
  assert.ok(layout.margin.b >= 100, `bottom margin ${layout.margin.b}`);
});

test("a log-scale colour bar over many decades gets one tick per decade, as the curves' log axes", () => {
  const colorbar = (
    contourFigure((a, b) => 0.01 + a * a + b * b, {
      w1Range: [-30, 30],
      w2Range: [-30, 30],
      logScale: true,
    }).data[0] as {
      colorbar: { tickvals: number[]; ticktext: string[] };
    }
  ).colorbar;
  assert.deepEqual(colorbar.ticktext, [
    "10<sup>−2</sup>",
    "10<sup>−1</sup>",
    "1",
    "10",
    "10<sup>2</sup>",
    "10<sup>3</sup>",
  ]);
  assert.deepEqual(colorbar.tickvals, [-2, -1, 0, 1, 2, 3]);
});

test("bad ranges, paths, options and a function returning NaN are named in the error", () => {
  assert.throws(
    () => surfaceGrid(bowl, { w1Range: [1, 0], w2Range: [0, 1] }),
    /surfaceGrid: w1Range is \[1, 0\]; expected from < to/,
  );
  assert.throws(
    () => surfaceGrid(bowl, { w1Range: [0, 1], w2Range: [0, NaN] }),
    /surfaceGrid: w2Range\[1\] is NaN/,
  );
  assert.throws(() => surfaceGrid(() => NaN, { ...ranges, points: 2 }), {
    name: "NonFiniteValueError",
    message: /surfaceGrid: F returned NaN at \(w1, w2\) = \(-2, -1\)/,
  });
  assert.throws(
    () => contourFigure(bowl, { ...ranges, paths: [{ name: "p", path: [[1, 2], [3]] }] }),
    /contourFigure: paths\[0\].path\[1\] is an array of length 1; expected \[w1, w2\]/,
  );
  assert.throws(
    () => surfaceFigure(bowl, { ...ranges, colour: "red" } as never),
    /surfaceFigure: unknown option "colour"/,
  );
  assert.throws(
    () => surfaceAnimationFigure(bowl, [], ranges),
    /surfaceAnimationFigure: path is an array of length 0/,
  );
});

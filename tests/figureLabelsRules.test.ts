// The pure half of tests/figureLabels.test.ts, without a browser: what counts as a label outside its
// figure, two labels overlapping, an axis title outrunning its axis, a bare minor digit on a log axis,
// and a colour bar without a scale.
import assert from "node:assert/strict";
import { test } from "node:test";
import { type Label, labelProblems, tolerance } from "./helpers/figureLabels";

const label = (
  kind: string,
  text: string,
  left: number,
  top: number,
  right: number,
  bottom: number,
): Label => ({
  kind,
  text,
  box: { left, top, right, bottom },
});
const figure = (labels: Label[], extra = {}) => ({
  width: 900,
  height: 420,
  labels,
  logTicks: {},
  ...extra,
});

test("labels inside the figure and apart from each other pass, within the 1-px tolerance", () => {
  assert.equal(tolerance, 1);
  assert.deepEqual(
    labelProblems(
      figure([
        label("title", "E(w)", 0, -1, 100, 20),
        label("tick label", "0", 100, 400, 110, 421),
        // Touching by a pixel: anti-aliasing, not an overlap.
        label("tick label", "1", 109, 400, 120, 421),
      ]),
    ),
    [],
  );
});

test("a label past the figure's edge is named with the side and how far", () => {
  assert.deepEqual(labelProblems(figure([label("slider label", "0", 10, 400, 20, 425)])), [
    'slider label "0" reaches 5 px outside the figure (bottom)',
  ]);
});

test("two overlapping labels are named together; the legend's box counts against all but the legend's own text", () => {
  const problems = labelProblems(
    figure([
      label("legend box", "", 60, 60, 200, 110),
      label("legend", "heavy ball", 80, 64, 160, 80),
      label("tick label", "5", 52, 70, 64, 84),
      label("axis title", "w₂", 300, 200, 320, 220),
      label("annotation", "ŵ", 310, 210, 330, 230),
    ]),
  );
  assert.deepEqual(problems, [
    'legend box "" and tick label "5" overlap (4 × 14 px)',
    'axis title "w₂" and annotation "ŵ" overlap (10 × 10 px)',
  ]);
});

test("an axis title longer than its subplot's axis is named with the axis", () => {
  const title: Label = {
    ...label("axis title", "λ_max of the Hessian of E/N", 10, 225, 30, 420),
    axis: { id: "y2", along: "vertical", from: 266, to: 422 },
  };
  assert.deepEqual(labelProblems(figure([title])), [
    'axis title "λ_max of the Hessian of E/N" runs 41 px past the ends of its axis y2 (266–422 px)',
  ]);
});

test("a log axis with bare minor digits fails, one whose labels read in increasing order passes, and a colour bar needs two ticks", () => {
  assert.deepEqual(
    labelProblems(
      figure([], { logTicks: { x: ["10", "2", "3", "100"], y: ["10−4", "10−2", "1"] } }),
    ),
    ['log axis x shows bare minor digits "2", "3" among its tick labels "10" "2" "3" "100"'],
  );
  assert.deepEqual(
    labelProblems(
      figure([], { logTicks: { x: ["1", "2", "5", "10", "20"], y: ["10⁻³", "0.01", "1k"] } }),
    ),
    [],
  );
  assert.deepEqual(labelProblems(figure([], { colourBars: [["0.2"], ["0", "1"]] })), [
    'colour bar 1 shows 1 tick label(s) ("0.2"): it needs two to give a scale',
  ]);
});

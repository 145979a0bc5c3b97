// The pure half of tests/figureColours.test.ts, without executed notebooks: which quantity a name
// shows, the colour plotly.js draws a trace or an annotation in, and the violations listed.
import assert from "node:assert/strict";
import { test } from "node:test";
import { palette } from "../src/plot/palette";
import {
  colourViolations,
  drawnOf,
  normalColour,
  quantityOf,
  quantityPatterns,
} from "./helpers/figureColours";

test("names map to the quantity they show, the narrower pattern first, and other names to none", () => {
  const cases: [string, string | null][] = [
    ["−∇E (steepest descent)", "negativeGradient"],
    ["steepest way up on the tangent plane", "tangent"],
    ["steepest way up", "gradient"],
    ["-∇L", "negativeGradient"],
    ["∇E (uphill)", "gradient"],
    ["+∇F", "gradient"],
    ["∇F on the floor", "gradient"],
    ["ŵ", "minimum"],
    ["θ*", "minimum"],
    ["training", "training"],
    ["training error", "training"],
    ["validation error", "validation"],
    [" validation minimum", "validation"],
    ["heavy ball, (η*, β*)", "heavyBall"],
    ["heavy ball (measured)", "heavyBall"],
    ["Nesterov", "nesterov"],
    ["RMSProp (ρ = 0.9), η = 0.00316", "rmsprop"],
    ["Adam (0.9, 0.999)", "adam"],
    ["plain, η*", "plainDescent"],
    ["plain descent (measured)", "plainDescent"],
    ["batch (B = 30), η = 1.32", "plainDescent"],
    ["mini-batch (B = 5)", "miniBatch"],
    ["stochastic (B = 1)", "stochastic"],
    ["data (x, t)", "data"],
    ["network y(x)", "prediction"],
    ["tangent at x₀", "tangent"],
    ["f(x₀) + f′(x₀)·h", "tangent"],
    ["f(x)", "curve"],
    ["theory: max |1 − ηλᵢ|", "theory"],
    // No fixed meaning: a learning rate, a start, a timing, a tangent of a level set, the current point.
    ["η = 0.5", null],
    ["start 4: E = 2.26", null],
    ["back-propagation (∇E)", null],
    ["level-set tangent", null],
    ["current w", null],
    ["f(x₀ + h)", null],
  ];
  for (const [name, quantity] of cases) assert.equal(quantityOf(name), quantity, name);
  // Every quantity the table names has a palette colour.
  for (const [, quantity] of quantityPatterns) assert.ok(palette[quantity], quantity);
});

test("colours compare in one spelling: names, short hex, rgb and opaque rgba", () => {
  assert.equal(normalColour("black"), "#000000");
  assert.equal(normalColour("#BBB"), "#bbbbbb");
  assert.equal(normalColour("rgb(31, 119, 180)"), "#1f77b4");
  assert.equal(normalColour("rgba(214,39,40,1)"), "#d62728");
  assert.equal(normalColour("rgba(0,0,0,0.35)"), "rgba(0,0,0,0.35)");
});

test("a trace without a colour takes plotly.js's colorway at its index among the visible traces", () => {
  const drawn = drawnOf({
    data: [
      { type: "contour", name: "E", z: [[1]] },
      { name: "hidden", visible: false, y: [1, 2] },
      { name: "training error", mode: "lines", y: [1, 2] },
      { name: "validation error", mode: "lines+markers", y: [1], marker: { color: "#FF7F0E" } },
      { name: "dots", mode: "markers", marker: { color: [1, 2] }, y: [1, 2] },
    ],
  });
  assert.deepEqual(drawn, [
    // The contour counts (index 0), the invisible trace does not: training is index 1, orange.
    { kind: "trace", name: "training error", colours: [{ part: "line", colour: "#ff7f0e" }] },
    {
      kind: "trace",
      name: "validation error",
      colours: [
        { part: "line", colour: "#2ca02c" },
        { part: "marker", colour: "#ff7f0e" },
      ],
    },
  ]);
  // Markers without their own colour take the line's; a layout colorway replaces the default.
  assert.deepEqual(
    drawnOf({
      data: [{ name: "ŵ", y: [0] }],
      layout: { colorway: ["black"] },
    })[0].colours,
    [
      { part: "line", colour: "#000000" },
      { part: "marker", colour: "#000000" },
    ],
  );
});

test("labelled annotations are read with their text and arrow colours; bare arrows and plain labels are not", () => {
  const layout = {
    annotations: [
      { text: "", arrowcolor: "#d62728" },
      { text: "∇E (uphill)", font: { color: "#d62728" }, arrowcolor: "#d62728", showarrow: true },
      {
        text: "−∇E (steepest descent)",
        font: { color: "#2ca02c" },
        showarrow: false,
        arrowcolor: "#2ca02c",
      },
      { text: "current w" },
    ],
  };
  assert.deepEqual(colourViolations({ data: [], layout }), [
    {
      name: "∇E (uphill)",
      kind: "annotation",
      part: "text",
      quantity: "gradient",
      found: "#d62728",
      expected: palette.gradient,
    },
    {
      name: "∇E (uphill)",
      kind: "annotation",
      part: "arrow",
      quantity: "gradient",
      found: "#d62728",
      expected: palette.gradient,
    },
    {
      name: "−∇E (steepest descent)",
      kind: "annotation",
      part: "text",
      quantity: "negativeGradient",
      found: "#2ca02c",
      expected: palette.negativeGradient,
    },
  ]);
});

test("a figure drawn from the palette has no violation", () => {
  const figure = {
    data: [
      { name: "plain descent", mode: "lines", line: { color: palette.plainDescent } },
      { name: "heavy ball", mode: "lines+markers", line: { color: palette.heavyBall } },
      { name: "ŵ", mode: "markers", marker: { color: palette.minimum } },
      { name: "η = 0.5", mode: "lines", line: { color: "#e377c2" } },
    ],
  };
  assert.deepEqual(colourViolations(figure), []);
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { figureHtml } from "./figure";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as figures from "./tanhNetworkFigures";
import {
  earlyStoppingFigure,
  fitFigure,
  gradientCostFigure,
  lossCurveSvg,
  networkGraphSvg,
  stabilityFigure,
  trainingSliderFigure,
} from "./tanhNetworkFigures";
import { palette } from "./palette";

/** Every colour literal (#rgb, #rrggbb, a CSS name) in a figure's JSON or an SVG's text. */
function colourLiterals(text: string): string[] {
  return text.match(/#[0-9a-fA-F]{3,8}\b|\b(?:red|blue|green|grey|gray|black|orange)\b/g) ?? [];
}
const paletteColours = new Set<string>(Object.values(palette));

test("the network graph has one node per input, hidden unit, bias, output and the error", () => {
  const svg = networkGraphSvg({ inputs: 2, hiddenUnits: 3, outputs: 2 });
  assert.match(svg, /^<svg/);
  assert.equal(svg.match(/<circle/g)?.length, 3 + 4 + 2 + 1);
  assert.match(svg, /x₀=1/);
  assert.match(svg, /h₃→z₃/);
  assert.throws(
    () => networkGraphSvg({ inputs: 2, hiddenUnits: 30, outputs: 1 }),
    /networkGraphSvg: hiddenUnits is 30; expected an integer from 1 to 8/,
  );
});

test("a fit figure shows data, the fit and every hidden unit dashed, and draws without error", () => {
  const figure = fitFigure({
    title: "x²",
    x: [0, 0.5],
    t: [0, 0.25],
    grid: [0, 1],
    y: [0, 1],
    hidden: [
      [0, 0.5],
      [0, -0.5],
    ],
  });
  assert.equal(figure.data.length, 4);
  assert.equal((figure.data[2].line as { dash: string }).dash, "dash");
  assert.doesNotThrow(() => figureHtml(figure, "f"));
  assert.throws(() => fitFigure({ title: "", x: [0], t: [0, 1], grid: [0], y: [0], hidden: [] }), {
    name: "ShapeError",
    message: /fitFigure: t has length 2; expected 1/,
  });
  assert.throws(
    () => fitFigure({ title: "", x: [0], t: [0], grid: [0, 1], y: [0, 1], hidden: [[0]] }),
    /hidden\[0\] has length 1; expected 2/,
  );
});

test("the live loss curve is an SVG polyline and refuses losses a log scale cannot show", () => {
  const svg = lossCurveSvg([1, 0.1, 0.01], "x²");
  assert.match(svg, /<polyline points="60.0,8.0 206.0,60.0 352.0,112.0"/);
  assert.match(svg, /x² 0.01 after 2 steps/);
  const long = lossCurveSvg(Array.from({ length: 20000 }, (_, n) => 1 / (n + 1)));
  assert.ok(long.length < 10000, `${long.length} characters`);
  assert.match(long, /352.0,112.0"/);
  assert.throws(
    () => lossCurveSvg([1, 0]),
    /lossCurveSvg: losses\[1\] is 0; expected a number > 0/,
  );
});

test("the live loss curve states its last value, and labels its axis with the range, not as start → end", () => {
  // Up, down, up again: the last value (0.3) is neither the largest (2) nor the smallest (0.1).
  const svg = lossCurveSvg([1, 2, 0.1, 0.3], "η = 0.5: E/N =");
  assert.match(svg, />η = 0.5: E\/N = 0.3 after 3 steps</);
  assert.doesNotMatch(svg, /→/, "a range written as an arrow reads as start → end");
  // The range labels the axis, at its top and bottom, left of the box.
  const labels = [...svg.matchAll(/<text x="48" y="([\d.]+)"[^>]*text-anchor="end">([^<]*)</g)];
  assert.deepEqual(
    labels.map((m) => [Number(m[1]), m[2]]),
    [
      [12, "2"],
      [116, "0.1"],
    ],
  );
  // The curve ends in a dot at its last point.
  assert.match(svg, /<circle cx="352.0" cy="[\d.]+" r="3"/);
});

test("every colour of lesson 4's figures comes from the palette; the rest is the page's ink", () => {
  const fit = { title: "", x: [0], t: [0], grid: [0, 1], y: [0, 1], hidden: [[0, 1]] };
  const frame = { step: 0, E: 1, y: [0, 1], contributions: [[0, 1]], bias: 0 };
  const run = { name: "", learningRate: 0.5, losses: [1, 0.5], step: [0, 1], lambdaMax: [3, 4] };
  const texts = [
    networkGraphSvg({ inputs: 2, hiddenUnits: 3, outputs: 2 }),
    lossCurveSvg([1, 0.5]),
    ...[
      fitFigure(fit),
      stabilityFigure([run, run]),
      trainingSliderFigure({ title: "", x: [0], t: [0], grid: [0, 1], frames: [frame] }),
      gradientCostFigure([{ W: 16, forward: 0.01, backprop: 0.02, differences: 0.3 }]),
      earlyStoppingFigure({ title: "", step: [10], training: [0.5], validation: [0.6], stop: 10 }),
    ].map((figure) => JSON.stringify(figure)),
  ];
  const foreign = texts.flatMap(colourLiterals).filter((c) => !paletteColours.has(c));
  assert.deepEqual(foreign, []);
  const fitData = fitFigure(fit).data;
  assert.equal((fitData[0].marker as { color: string }).color, palette.data);
  assert.equal((fitData[1].line as { color: string }).color, palette.prediction);
  // δ flows backward in the gradient's colour: it is a component of ∇E.
  assert.match(
    networkGraphSvg({ inputs: 1, hiddenUnits: 1, outputs: 1 }),
    new RegExp(`fill="${palette.gradient}" text-anchor="middle">δₖ`),
  );
});

test("the stability figure keeps its lower axis title short enough for its panel", () => {
  const layout = stabilityFigure([
    { name: "", learningRate: 0.5, losses: [1, 0.5], step: [0, 1], lambdaMax: [3, 4] },
  ]).layout as { height: number; yaxis2: { title: { text: string }; domain: number[] } };
  const margins = 50 + 120;
  const panel = (layout.height - margins) * (layout.yaxis2.domain[1] - layout.yaxis2.domain[0]);
  // About 8 px per character at plotly's 14 px axis-title font.
  assert.ok(
    layout.yaxis2.title.text.length * 8 < panel,
    `${layout.yaxis2.title.text}, ${panel} px`,
  );
});

test("the gradient-cost figure labels its log axes with full numbers at the W measured", () => {
  const figure = gradientCostFigure([
    { W: 16, forward: 0.004, backprop: 0.009, differences: 0.2 },
    { W: 898, forward: 0.1, backprop: 0.2, differences: 600 },
  ]);
  const layout = figure.layout as Record<string, { tickvals: number[]; ticktext: string[] }>;
  assert.deepEqual(layout.xaxis.ticktext, ["16", "898"]);
  // One decade of padding on each side: plotly shows a tick only where its range reaches.
  assert.deepEqual(layout.yaxis.ticktext, ["0.001", "0.01", "0.1", "1", "10", "100", "1000"]);
  assert.equal((figure.data[2].line as { dash: string }).dash, "dash");
  assert.throws(() => gradientCostFigure([]), /gradientCostFigure: rows is empty/);
  assert.throws(
    () => gradientCostFigure([{ W: 16, forward: 0, backprop: 1, differences: 1 }]),
    /gradientCostFigure: rows\[0\].forward is 0; expected a number > 0/,
  );
});

test("the early-stopping figure ends its step axis at the last step, written out (8000, not 8)", () => {
  const step = Array.from({ length: 800 }, (_, n) => 10 * (n + 1));
  const figure = earlyStoppingFigure({
    title: "",
    step,
    training: step.map((s) => 1 / Math.sqrt(s)),
    validation: step.map((s) => 0.3 + 1e-5 * s),
    stop: 30,
  });
  const xaxis = (figure.layout as Record<string, { ticktext: string[]; range: number[] }>).xaxis;
  assert.deepEqual(xaxis.ticktext, ["10", "30", "100", "300", "1000", "3000", "8000"]);
  assert.deepEqual(xaxis.range, [1, Math.log10(8000)]);
  assert.deepEqual(
    figure.data.map((d) => (d.line as { color: string }).color),
    [palette.training, palette.validation, palette.validation],
  );
  assert.match(String(figure.data[2].name), /early stop \(step 30\)/);
  const yaxis = (figure.layout as Record<string, { ticktext: string[] }>).yaxis;
  assert.ok(
    yaxis.ticktext.every((t) => /^(0|[1-9])(\.\d+)?$|^\d+$/.test(t)),
    yaxis.ticktext.join(),
  );
  assert.ok(
    ["0.1", "0.2", "0.3"].every((t) => yaxis.ticktext.includes(t)),
    yaxis.ticktext.join(),
  );
  assert.throws(
    () =>
      earlyStoppingFigure({ title: "", step: [1, 2], training: [1], validation: [1, 2], stop: 1 }),
    { name: "ShapeError", message: /earlyStoppingFigure: training has length 1; expected 2/ },
  );
});

test("a fit figure's x axis spans its grid and data, not a fixed [−1, 1]", () => {
  const figure = fitFigure({
    title: "",
    x: [0.5, 3],
    t: [0, 1],
    grid: [0, 1, 2, 2.5],
    y: [0, 1, 2, 2],
    hidden: [[0, 0, 0, 0]],
  });
  assert.deepEqual((figure.layout?.xaxis as { range: number[] }).range, [0, 3]);
});

test("a fit figure names its hidden-unit traces once, with one legend entry for all of them", () => {
  const figure = fitFigure({
    title: "",
    x: [0],
    t: [0],
    grid: [0, 1],
    y: [0, 1],
    hidden: [
      [0, 0.5],
      [0, -0.5],
      [1, 1],
    ],
  });
  const hidden = figure.data.slice(2);
  assert.deepEqual(
    hidden.map((d) => d.name),
    ["hidden units zⱼ(x)", "hidden units zⱼ(x)", "hidden units zⱼ(x)"],
  );
  assert.deepEqual(
    hidden.map((d) => d.showlegend),
    [true, false, false],
  );
  assert.deepEqual(
    hidden.map((d) => d.legendgroup),
    ["hidden", "hidden", "hidden"],
  );
});

test("the module header names only figures the module exports", () => {
  const source = readFileSync(join(__dirname, "tanhNetworkFigures.ts"), "utf8");
  const header = source.slice(0, source.indexOf("*/"));
  const named = [...header.matchAll(/^ \* - `(\w+)`/gm)].map((m) => m[1]);
  assert.ok(named.length >= 5, named.join(", "));
  for (const name of named)
    assert.equal(
      typeof (figures as Record<string, unknown>)[name],
      "function",
      `${name} is not exported`,
    );
  for (const name of Object.keys(figures))
    assert.ok(named.includes(name), `${name} is not in the header`);
});

test("the stability figure draws E/N above and λ_max with its 2/η line below, per run", () => {
  const figure = stabilityFigure([
    { name: "η = 0.5", learningRate: 0.5, losses: [1, 0.5, 0.6], step: [0, 2], lambdaMax: [3, 4] },
    {
      name: "η = 0.25",
      learningRate: 0.25,
      losses: [1, 0.7, 0.4],
      step: [0, 1, 2],
      lambdaMax: [3, 5, 6],
    },
  ]);
  assert.equal(figure.data.length, 6);
  assert.deepEqual(
    figure.data.map((d) => d.yaxis),
    ["y", "y2", "y2", "y", "y2", "y2"],
  );
  assert.deepEqual(figure.data[0].x, [0, 1, 2]);
  assert.deepEqual(figure.data[2].y, [4, 4]);
  assert.deepEqual(figure.data[5].y, [8, 8]);
  assert.match(String(figure.data[5].name), /2\/η = 8/);
  assert.doesNotThrow(() => figureHtml(figure, "s"));
  const long = stabilityFigure([
    {
      name: "",
      learningRate: 1,
      losses: Array.from({ length: 40001 }, (_, n) => 1 / (n + 1)),
      step: [0],
      lambdaMax: [1],
    },
  ]);
  const x = long.data[0].x as number[];
  assert.ok(x.length <= 2001, `${x.length} points`);
  assert.equal(x[x.length - 1], 40000);
  assert.throws(() => stabilityFigure([]), /stabilityFigure: runs is empty/);
  assert.throws(
    () =>
      stabilityFigure([{ name: "", learningRate: 0.5, losses: [1], step: [0, 1], lambdaMax: [1] }]),
    { name: "ShapeError", message: /runs\[0\] has 2 steps and 1 λ_max/ },
  );
  assert.throws(
    () =>
      stabilityFigure([{ name: "", learningRate: 0.5, losses: [0], step: [0], lambdaMax: [1] }]),
    /losses\[0\] is 0; expected a number > 0/,
  );
  assert.throws(
    () => stabilityFigure([{ name: "", learningRate: 0, losses: [1], step: [0], lambdaMax: [1] }]),
    /learningRate is 0/,
  );
});

test("the training slider opens at the trained network and every step updates the fit, the units and the bias", () => {
  const frame = (step: number, a: number) => ({
    step,
    E: a,
    y: [a, 2 * a],
    contributions: [
      [a, a],
      [0, a],
    ],
    bias: a / 2,
  });
  const figure = trainingSliderFigure({
    title: "sin",
    x: [0, 1],
    t: [0, 1],
    grid: [0, 1],
    frames: [frame(0, 1), frame(100, 2), frame(1000, 3)],
  });
  assert.equal(figure.data.length, 1 + 1 + 2 + 1);
  const slider = (
    figure.layout?.sliders as {
      active: number;
      steps: { label: string; args: [{ y: number[][] }, Record<string, string>, number[]] }[];
    }[]
  )[0];
  assert.equal(slider.active, 2);
  assert.deepEqual(figure.data[1].y, [3, 6]); // the figure opens at the last frame
  assert.deepEqual(figure.data[4].y, [1.5, 1.5]);
  assert.match(String((figure.layout?.title as { text: string }).text), /step 1000/);
  assert.deepEqual(
    slider.steps.map((s) => s.label),
    ["0", "100", "1000"],
  );
  assert.deepEqual(slider.steps[0].args[0].y, [
    [1, 2],
    [1, 1],
    [0, 1],
    [0.5, 0.5],
  ]);
  assert.deepEqual(slider.steps[0].args[2], [1, 2, 3, 4]);
  assert.equal(slider.steps.length, 3);
  assert.deepEqual(
    figure.data.slice(2, 4).map((d) => d.name),
    ["unit 1: w⁽²⁾₁ z₁(x)", "unit 2: w⁽²⁾₂ z₂(x)"],
  );
  assert.equal(
    (
      trainingSliderFigure({
        title: "",
        x: [0],
        t: [0],
        grid: [0, 1],
        frames: [frame(0, 1), frame(1, 2)],
        active: 0,
      }).layout?.sliders as { active: number }[]
    )[0].active,
    0,
  );
  assert.doesNotThrow(() => figureHtml(figure, "t"));
  assert.throws(
    () => trainingSliderFigure({ title: "", x: [0], t: [0], grid: [0, 1], frames: [] }),
    /trainingSliderFigure: frames is empty/,
  );
  assert.throws(
    () =>
      trainingSliderFigure({ title: "", x: [0], t: [0], grid: [0, 1, 2], frames: [frame(0, 1)] }),
    { name: "ShapeError", message: /frames\[0\].y has length 2; expected 3/ },
  );
  assert.throws(
    () =>
      trainingSliderFigure({
        title: "",
        x: [0],
        t: [0],
        grid: [0, 1],
        frames: [frame(0, 1)],
        active: 3,
      }),
    /active is 3/,
  );
});

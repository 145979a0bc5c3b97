import assert from "node:assert/strict";
import { test } from "node:test";
import { figureHtml } from "./figure";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as figures from "./tanhNetworkFigures";
import {
  fitFigure,
  lossCurveSvg,
  networkGraphSvg,
  stabilityFigure,
  trainingSliderFigure,
} from "./tanhNetworkFigures";

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
  assert.match(svg, /<polyline points="8.0,8.0 180.0,60.0 352.0,112.0"/);
  assert.match(svg, /x² 0.01 after 2 steps/);
  const long = lossCurveSvg(Array.from({ length: 20000 }, (_, n) => 1 / (n + 1)));
  assert.ok(long.length < 10000, `${long.length} characters`);
  assert.match(long, /352.0,112.0"/);
  assert.throws(
    () => lossCurveSvg([1, 0]),
    /lossCurveSvg: losses\[1\] is 0; expected a number > 0/,
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

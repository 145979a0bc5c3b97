import assert from "node:assert/strict";
import { test } from "node:test";
import { figureHtml } from "./figure";
import { fitFigure, lossCurveSvg, networkGraphSvg } from "./tanhNetworkFigures";

test("the network graph has one node per input, hidden unit, bias, output and the error", () => {
  const svg = networkGraphSvg({ inputs: 2, hiddenUnits: 3, outputs: 2 });
  assert.match(svg, /^<svg/);
  assert.equal(svg.match(/<circle/g)?.length, 3 + 4 + 2 + 1);
  assert.match(svg, /x₀=1/);
  assert.match(svg, /h₃→z₃/);
  assert.throws(() => networkGraphSvg({ inputs: 2, hiddenUnits: 30, outputs: 1 }), /networkGraphSvg: hiddenUnits is 30; expected an integer from 1 to 8/);
});

test("a fit figure shows data, the fit and every hidden unit dashed, and draws without error", () => {
  const figure = fitFigure({ title: "x²", x: [0, 0.5], t: [0, 0.25], grid: [0, 1], y: [0, 1], hidden: [[0, 0.5], [0, -0.5]] });
  assert.equal(figure.data.length, 4);
  assert.equal((figure.data[2].line as { dash: string }).dash, "dash");
  assert.doesNotThrow(() => figureHtml(figure, "f"));
  assert.throws(() => fitFigure({ title: "", x: [0], t: [0, 1], grid: [0], y: [0], hidden: [] }), { name: "ShapeError", message: /fitFigure: t has length 2; expected 1/ });
  assert.throws(() => fitFigure({ title: "", x: [0], t: [0], grid: [0, 1], y: [0, 1], hidden: [[0]] }), /hidden\[0\] has length 1; expected 2/);
});

test("the live loss curve is an SVG polyline and refuses losses a log scale cannot show", () => {
  const svg = lossCurveSvg([1, 0.1, 0.01], "x²");
  assert.match(svg, /<polyline points="8.0,8.0 180.0,60.0 352.0,112.0"/);
  assert.match(svg, /x² 0.01 after 2 steps/);
  const long = lossCurveSvg(Array.from({ length: 20000 }, (_, n) => 1 / (n + 1)));
  assert.ok(long.length < 10000, `${long.length} characters`);
  assert.match(long, /352.0,112.0"/);
  assert.throws(() => lossCurveSvg([1, 0]), /lossCurveSvg: losses\[1\] is 0; expected a number > 0/);
});

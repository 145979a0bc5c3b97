import { test } from "node:test";
import assert from "node:assert/strict";
import { palette } from "../plot/palette";
import { graphSvg } from "./graphSvg";
import { backward } from "./backward";
import { add, mul } from "./operations";
import { value, type Value } from "./value";

test("one box per node and one arrow per use: x·x draws two arrows from x", () => {
  const x = value(3, "x");
  const L = add(mul(x, x), 1);
  backward(L);
  const svg = graphSvg(L);
  assert.ok(svg.startsWith("<svg"));
  assert.equal(svg.split("<rect").length - 1, 4); // x, ×, 1, +
  assert.equal(svg.split("marker-end").length - 1, 4); // x→× twice, ×→+, 1→+
  assert.match(svg, /∂L: 6/); // x.grad = 2x
});

test("the gradients ∂L/∂node are drawn in palette.gradient (+∇E's purple), never in −∇E's red", () => {
  const x = value(3, "x");
  const L = mul(x, 2);
  backward(L);
  const svg = graphSvg(L);
  const gradientFills = [...svg.matchAll(/fill="([^"]+)">∂L: /g)].map((m) => m[1]);
  assert.equal(gradientFills.length, 3); // x, 2 and ×
  for (const fill of gradientFills) assert.equal(fill, palette.gradient);
  assert.doesNotMatch(svg, new RegExp(palette.negativeGradient, "i"));
  // The caption names the colour the numbers are drawn in.
  assert.equal(palette.gradient, "#9467bd");
  assert.match(svg, /gradients ∂L\/∂node backward \(purple\)/);
});

test("a root that is not a Value is rejected", () => {
  assert.throws(() => graphSvg({} as Value), /graphSvg: root is not a Value/);
});

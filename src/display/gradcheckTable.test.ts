import assert from "node:assert/strict";
import { test } from "node:test";
import { gradcheck } from "../calculus/gradcheck";
import { gradcheckHtml } from "./gradcheckTable";

test("the gradient-check table names the scaled error and shows the true relative error beside it", () => {
  // ∂f/∂w₀ = 1.8e-5; the analytic value is 1e-5 too large (relatively): scaled 1.8e-10, relative 1e-5
  const f = (w: number[]) => 1.8e-5 * w[0] + w[1] * w[1];
  const html = gradcheckHtml(
    gradcheck(f, [1.8e-5 * (1 + 1e-5), 0], [0.5, 0], { names: ["w₀", "w₁"] }),
  );
  assert.match(html, /<th[^>]*>scaled error<\/th><th[^>]*>relative error<\/th>/);
  const cells = [...html.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
  const w0 = cells.slice(0, 5);
  assert.equal(w0[0], "w₀");
  assert.match(w0[3], /^1\.8e-10$/, `scaled error shown as ${w0[3]}`);
  assert.match(w0[4], /^1e-5$/, `relative error shown as ${w0[4]}`);
  assert.match(html, /✓ passed: max scaled error .* ≤ 1e-7 \(at w₀\)/);
  assert.doesNotMatch(html, /max relative error/);
  assert.match(html, /scaled error = \|a − n\| \/ max\(\|a\|, \|n\|, 1\)/);
});

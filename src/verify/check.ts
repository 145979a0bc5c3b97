/**
 * Checks for the claims a notebook makes. Each shows one line under the cell (✓ and the evidence) and
 * throws `CheckFailedError` when the claim is false, so running the notebook *is* its test: a false
 * claim fails `npm test`.
 */
import { CheckFailedError } from "../errors/errors";
import { requireFinite } from "../errors/validate";
import { escapeHtml, formatNumber } from "../display/format";
import { showHtml } from "../display/show";
import { verdictColour } from "../display/verdict";

function report(passed: boolean, label: string, evidence: string): void {
  const mark = passed ? "✓" : "✗";
  const colour = verdictColour(passed);
  showHtml(
    `<div class="downhill-check" style="color:${colour}">${mark} ${escapeHtml(label)}: ${escapeHtml(evidence)}</div>`,
  );
  if (!passed) throw new CheckFailedError(`check failed: ${label}: ${evidence}`);
}

/**
 * Checks that |actual − expected| ≤ tolerance and shows the evidence.
 * @throws CheckFailedError when it is not (or when actual is NaN or ∞)
 * @example
 * checkClose("slope of the forward-difference error", 1.003, 1, 0.05); // shows ✓ slope …: 1.003 ≈ 1 (|difference| 0.003 ≤ 0.05)
 * @see notebooks/01-derivative-as-linear-approximation.ipynb §1.2
 */
export function checkClose(
  label: string,
  actual: number,
  expected: number,
  tolerance: number,
): void {
  requireFinite("checkClose", "expected", expected);
  requireFinite("checkClose", "tolerance", tolerance);
  const difference = Math.abs(actual - expected);
  const passed = Number.isFinite(actual) && difference <= tolerance;
  report(
    passed,
    label,
    `${formatNumber(actual, 6)} ≈ ${formatNumber(expected, 6)} (|difference| ${formatNumber(difference, 2)} ${passed ? "≤" : "exceeds"} ${formatNumber(tolerance, 2)})`,
  );
}

/**
 * Checks that a condition holds and shows the evidence.
 * @throws CheckFailedError when it does not
 * @example
 * checkThat("the loss went down", 0.12 < 3.4, "3.4 → 0.12"); // shows ✓ the loss went down: 3.4 → 0.12
 * @see notebooks/01-derivative-as-linear-approximation.ipynb §1.3
 */
export function checkThat(label: string, condition: boolean, evidence = ""): void {
  report(condition === true, label, evidence || (condition ? "true" : "false"));
}

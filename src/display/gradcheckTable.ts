import type { GradcheckReport } from "../calculus/gradcheck";
import { escapeHtml, formatNumber } from "./format";
import { showHtml } from "./show";
import { tableHtml } from "./table";
import { verdictColour } from "./verdict";

/**
 * A gradient-check report as a table (parameter, analytic, numerical, relative error) under a verdict
 * line: `✓ passed: max relative error 3.1e-11 ≤ 1e-7 (at w[2])`.
 * @see notebooks/04-backpropagation-tanh-network.ipynb
 */
export function gradcheckHtml(report: GradcheckReport, title = "Gradient check"): string {
  const verdict = report.passed ? "✓ passed" : "✗ FAILED";
  const colour = verdictColour(report.passed);
  const worst = report.rows[report.worstIndex].name;
  const summary = `<div style="color:${colour};font-weight:bold">${verdict}: max relative error ${formatNumber(report.maxRelativeError, 2)} ${report.passed ? "≤" : ">"} ${formatNumber(report.tolerance, 2)} (at ${escapeHtml(worst)})</div>`;
  const rows = report.rows.map((r) => ({ parameter: r.name, analytic: r.analytic, numerical: r.numeric, "relative error": formatNumber(r.relativeError, 2) }));
  return `<div class="downhill-gradcheck">${tableHtml(rows, { title, significant: 10 })}${summary}</div>`;
}

/** Shows a gradient-check report as a table with its verdict. */
export function showGradcheck(report: GradcheckReport, title?: string): void {
  showHtml(gradcheckHtml(report, title));
}

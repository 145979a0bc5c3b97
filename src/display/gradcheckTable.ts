import type { GradcheckReport } from "../calculus/gradcheck";
import { escapeHtml, formatNumber } from "./format";
import { showHtml } from "./show";
import { tableHtml } from "./table";
import { verdictColour } from "./verdict";

/**
 * A gradient-check report as a table (parameter, analytic, numerical, scaled error, relative error)
 * under a verdict line on the scaled error, the quantity the tolerance applies to:
 * `✓ passed: max scaled error 3.1e-11 ≤ 1e-7 (at w[2])`, and a note that defines both columns.
 * @see notebooks/02-why-the-negative-gradient.ipynb §2.3 (the gradient check)
 */
export function gradcheckHtml(report: GradcheckReport, title = "Gradient check"): string {
  const verdict = report.passed ? "✓ passed" : "✗ FAILED";
  const colour = verdictColour(report.passed);
  const worst = report.rows[report.worstIndex].name;
  const bound = `${report.passed ? "≤" : ">"} ${formatNumber(report.tolerance, 2)}`;
  const summary =
    `<div style="color:${colour};font-weight:bold">${verdict}: max scaled error ` +
    `${formatNumber(report.maxScaledError, 2)} ${bound} (at ${escapeHtml(worst)})</div>`;
  const floor = formatNumber(report.floor, 2);
  const note =
    `<div style="font-size:90%;color:#555">scaled error = |a − n| / max(|a|, |n|, ${floor}), ` +
    `which the tolerance applies to; relative error = |a − n| / max(|a|, |n|). They differ only where ` +
    `both values are below ${floor}.</div>`;
  const rows = report.rows.map((r) => ({
    parameter: r.name,
    "analytic a": r.analytic,
    "numerical n": r.numeric,
    "scaled error": formatNumber(r.scaledError, 2),
    "relative error": formatNumber(r.relativeError, 2),
  }));
  return `<div class="downhill-gradcheck">${tableHtml(rows, { title, significant: 10 })}${summary}${note}</div>`;
}

/** Shows a gradient-check report as a table with its verdict. */
export function showGradcheck(report: GradcheckReport, title?: string): void {
  showHtml(gradcheckHtml(report, title));
}

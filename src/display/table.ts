import { escapeHtml, formatNumber } from "./format";
import { showHtml } from "./show";

export type Cell = string | number | boolean;

/**
 * How `showTable` titles a table and rounds its numbers.
 * @see notebooks/01-derivative-as-linear-approximation.ipynb §1.2
 */
export interface TableOptions {
  title?: string;
  /** Column order and headings (default: the keys of the first row). */
  columns?: string[];
  /** Significant digits for numbers (default 4). */
  significant?: number;
}

const cellStyle = "padding:2px 10px;text-align:right;font-family:monospace";

/**
 * An HTML table of rows of named cells; numbers formatted with `formatNumber`.
 * @example
 * tableHtml([{ h: 0.1, error: 0.01 }]); // => "<table …><tr><th …>h</th><th …>error</th></tr><tr><td …>0.1</td><td …>0.01</td></tr></table>"
 */
export function tableHtml(rows: Record<string, Cell>[], options: TableOptions = {}): string {
  const columns = options.columns ?? Object.keys(rows[0] ?? {});
  const format = (cell: Cell | undefined) =>
    typeof cell === "number"
      ? formatNumber(cell, options.significant)
      : escapeHtml(String(cell ?? ""));
  const head = `<tr>${columns.map((c) => `<th style="${cellStyle}">${escapeHtml(c)}</th>`).join("")}</tr>`;
  const body = rows
    .map(
      (row) =>
        `<tr>${columns.map((c) => `<td style="${cellStyle}">${format(row[c])}</td>`).join("")}</tr>`,
    )
    .join("");
  const caption = options.title
    ? `<caption style="caption-side:top;text-align:left;font-weight:bold">${escapeHtml(options.title)}</caption>`
    : "";
  return `<table class="downhill-table" style="border-collapse:collapse">${caption}${head}${body}</table>`;
}

/**
 * Shows `tableHtml(rows, options)` below the cell.
 * @see notebooks/01-derivative-as-linear-approximation.ipynb §1.2
 */
export function showTable(rows: Record<string, Cell>[], options: TableOptions = {}): void {
  showHtml(tableHtml(rows, options));
}

// The figures of an executed notebook, for the tests that read them (tests/figureColours.test.ts,
// tests/figureLabels.test.ts): each with the section it stands in and its title, in page order.
import { findFigures } from "../../scripts/handouts/figureImages.mjs";

/** A figure as src/plot/figure.ts embeds it (plotly JSON, with the course's defaults filled in). */
export interface ExecutedFigure {
  data: Record<string, unknown>[];
  layout?: Record<string, unknown>;
  frames?: unknown[];
  config?: Record<string, unknown>;
}

interface Notebook {
  cells: { cell_type: string; source: string | string[]; outputs?: unknown[] }[];
}

/** Each figure of an executed notebook with the section (`§N.M`) it stands in, in page order. */
export function figuresBySection(nb: Notebook): { section: string; figure: ExecutedFigure }[] {
  const found: { section: string; figure: ExecutedFigure }[] = [];
  let section = "the opening";
  for (const cell of nb.cells) {
    const heading = /^##+\s+(\d+\.\d+)/m.exec([cell.source].flat().join(""));
    if (cell.cell_type === "markdown" && heading) section = `§${heading[1]}`;
    for (const { figure } of findFigures({ cells: [cell] })) found.push({ section, figure });
  }
  return found;
}

/** A figure's title as the reader sees it (one line, no HTML), or "untitled". */
export function figureTitle(figure: ExecutedFigure): string {
  const title = figure.layout?.title;
  const text = typeof title === "string" ? title : (title as { text?: string } | undefined)?.text;
  return (text ?? "untitled").replace(/<br\s*\/?>/gi, " · ").replace(/<[^>]*>/g, "");
}

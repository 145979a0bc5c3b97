// Reading what an executed notebook shows: the text/html of its outputs.

export interface Output {
  data?: Record<string, string | string[]>;
}
export interface Cell {
  id: string;
  cell_type: string;
  source: string | string[];
  outputs?: Output[];
}

/** The text/html of one output ("" when it has none). */
export const outputHtml = (output: Output): string =>
  [output.data?.["text/html"] ?? ""].flat().join("");

/** The text/html of every output of the cells, one after the other. */
export const cellsHtml = (cells: readonly Cell[]): string =>
  cells.flatMap((c) => (c.outputs ?? []).map(outputHtml)).join("\n");

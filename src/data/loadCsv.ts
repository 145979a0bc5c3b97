import { readFileSync } from "fs";
import { DataFileError } from "../errors/errors";

/**
 * A numeric table: column names from the header line, one array of numbers per data line.
 * @see notebooks/02-why-the-negative-gradient.ipynb §2.1
 */
export interface Table {
  columns: string[];
  rows: number[][];
}

/**
 * Reads a CSV file of numbers with a header line. Blank lines and lines starting with `#` are skipped.
 * @throws DataFileError naming the file, and the line and column of the first bad value:
 *   `loadCsv: data/x.csv line 7, column 2 ("w2"): "abc" is not a finite number`
 * @example
 * loadCsv("../data/linear-neuron/train.csv").columns; // => ["x1", "x2", "t"]
 * @see notebooks/02-why-the-negative-gradient.ipynb §2.1
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb §3.1
 */
export function loadCsv(path: string): Table {
  const caller = "loadCsv";
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT"
        ? "no such file"
        : (error as Error).message;
    throw new DataFileError(
      `${caller}: cannot read ${path}: ${reason} (working directory ${process.cwd()})`,
    );
  }
  const lines = text
    .split(/\r?\n/)
    .map((line, i) => ({ line, number: i + 1 }))
    .filter(({ line }) => line.trim() !== "" && !line.startsWith("#"));
  if (lines.length === 0)
    throw new DataFileError(`${caller}: ${path} is empty; expected a header line`);
  const columns = lines[0].line.split(",").map((c) => c.trim());
  const rows = lines.slice(1).map(({ line, number }) => {
    const cells = line.split(",");
    if (cells.length !== columns.length) {
      throw new DataFileError(
        `${caller}: ${path} line ${number}: ${cells.length} values; expected ${columns.length} (${columns.join(", ")})`,
      );
    }
    return cells.map((cell, c) => {
      const value = Number(cell.trim());
      if (cell.trim() === "" || !Number.isFinite(value)) {
        throw new DataFileError(
          `${caller}: ${path} line ${number}, column ${c + 1} ("${columns[c]}"): ${JSON.stringify(cell.trim())} is not a finite number`,
        );
      }
      return value;
    });
  });
  if (rows.length === 0)
    throw new DataFileError(`${caller}: ${path} has a header but no data lines`);
  return { columns, rows };
}

/**
 * One column of a table by name.
 * @throws DataFileError when there is no such column
 * @example column({ columns: ["x", "t"], rows: [[1, 2], [3, 4]] }, "t"); // => [2, 4]
 * @see notebooks/02-why-the-negative-gradient.ipynb §2.1
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb §3.1
 */
export function column(table: Table, name: string): number[] {
  const index = table.columns.indexOf(name);
  if (index < 0)
    throw new DataFileError(
      `column: no column "${name}"; the table has ${table.columns.map((c) => `"${c}"`).join(", ")}`,
    );
  return table.rows.map((row) => row[index]);
}

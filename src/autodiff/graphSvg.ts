/**
 * A computational graph drawn as SVG: one box per node with its value (forward, black) and its
 * gradient ∂L/∂node (backward, in `palette.gradient`, the purple of +∇E in every lesson), one arrow
 * per use of a node. Pure: returns a string.
 * @see notebooks/05-backprop-bugs-and-autodiff.ipynb §5.2
 */
import { escapeHtml as escape } from "../display/format";
import { InvalidArgumentError } from "../errors/errors";
import { palette } from "../plot/palette";
import { topologicalOrder } from "./topologicalOrder";
import { Value } from "./value";

// ∂L/∂node is a gradient (+∇, the way up), so it takes +∇E's colour, never red: red is −∇E, the way down.
const gradientColour = palette.gradient;
/** The colour's name as the caption says it (the hue of `palette.gradient`). */
const gradientColourName = "purple";
const short = (x: number) => (Number.isInteger(x) ? String(x) : x.toPrecision(4));

/**
 * The graph of everything `root` depends on, drawn left (leaves) to right (root). A node's column
 * is the length of the longest path from a leaf to it, a leaf sits just left of its first use; a node used twice by the same operation gets
 * two arrows.
 * @throws InvalidArgumentError when root is not a Value
 * @example
 * const x = value(3, "x");
 * graphSvg(mul(x, x)).startsWith("<svg");   // => true (two arrows from x into ×)
 * @see notebooks/05-backprop-bugs-and-autodiff.ipynb §5.2
 */
export function graphSvg(root: Value, title = "computational graph"): string {
  if (!(root instanceof Value)) throw new InvalidArgumentError("graphSvg: root is not a Value");
  const order = topologicalOrder(root);
  const column = new Map<Value, number>();
  for (const v of order)
    column.set(
      v,
      v.inputs.length === 0 ? 0 : 1 + Math.max(...v.inputs.map((i) => column.get(i) as number)),
    );
  // A leaf sits just left of its first use, so its arrow does not run behind other boxes.
  for (const v of order) {
    if (v.inputs.length > 0) continue;
    const users = order.filter((u) => u.inputs.includes(v)).map((u) => column.get(u) as number);
    if (users.length > 0) column.set(v, Math.min(...users) - 1);
  }
  const columns = Math.max(...column.values()) + 1;
  const rowOf = new Map<Value, number>();
  const filled = new Array<number>(columns).fill(0);
  const opsFirst = [
    ...order.filter((v) => v.inputs.length > 0),
    ...order.filter((v) => v.inputs.length === 0),
  ];
  for (const v of opsFirst) {
    const c = column.get(v) as number;
    rowOf.set(v, filled[c]++);
  }
  const boxW = 96,
    boxH = 54,
    gapX = 40,
    gapY = 18,
    pad = 10;
  const rows = Math.max(...filled);
  const width = pad * 2 + columns * boxW + (columns - 1) * gapX;
  const height = pad * 2 + 16 + rows * boxH + (rows - 1) * gapY;
  const x = (v: Value) => pad + (column.get(v) as number) * (boxW + gapX);
  const y = (v: Value) => pad + 16 + (rowOf.get(v) as number) * (boxH + gapY);
  const parts: string[] = [];
  for (const v of order) {
    v.inputs.forEach((input, k) => {
      const x1 = x(input) + boxW,
        y1 = y(input) + boxH / 2;
      const x2 = x(v),
        y2 = y(v) + boxH / 2 + (k - (v.inputs.length - 1) / 2) * 12;
      const bend = (k - (v.inputs.length - 1) / 2) * 14;
      parts.push(
        `<path d="M${x1},${y1} C${x1 + gapX / 2},${y1 + bend} ${x2 - gapX / 2},${y2 + bend} ${x2 - 4},${y2}" fill="none" stroke="#555" stroke-width="1.2" marker-end="url(#arrow)"/>`,
      );
    });
  }
  for (const v of order) {
    const name = v.label || v.op || "·";
    const head = v.op && v.label ? `${v.label} = ${v.op}` : name;
    parts.push(
      `<g><rect x="${x(v)}" y="${y(v)}" width="${boxW}" height="${boxH}" rx="6" fill="${v.inputs.length ? "#eef3fb" : "#f6f6f6"}" stroke="#888"/>` +
        `<text x="${x(v) + boxW / 2}" y="${y(v) + 16}" text-anchor="middle" font-weight="bold">${escape(head)}</text>` +
        `<text x="${x(v) + boxW / 2}" y="${y(v) + 32}" text-anchor="middle">${escape(short(v.data))}</text>` +
        `<text x="${x(v) + boxW / 2}" y="${y(v) + 47}" text-anchor="middle" fill="${gradientColour}">∂L: ${escape(short(v.grad))}</text></g>`,
    );
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12" role="img" aria-label="${escape(title)}">` +
    `<defs><marker id="arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="#555"/></marker></defs>` +
    `<text x="${pad}" y="${pad + 10}" font-size="11" fill="#444">values forward (black, left to right) · gradients ∂L/∂node backward (${gradientColourName})</text>` +
    parts.join("") +
    "</svg>"
  );
}

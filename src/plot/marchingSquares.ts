/**
 * Contour lines of a grid of values by marching squares, for drawing contour maps and a surface's
 * projected contours without plotly.js (src/plot/staticFigure.ts). Each cell of the grid whose corners
 * lie on both sides of the level gets a segment between the points where its edges cross the level,
 * found by linear interpolation along the edge from corner a to corner b:
 *
 *   p = a + (level − z(a)) / (z(b) − z(a)) · (b − a)
 *
 * A saddle cell (opposite corners on the same side) is split by the mean of its four corners.
 * Segments that share an edge point are joined into polylines, so a closed level curve comes back
 * as one line (its first point repeated at the end).
 */

/**
 * The contour lines of z at `level`: polylines of [x, y] points, where z[j][i] is the value at
 * (x[i], y[j]) (plotly's layout of a contour trace).
 * @example contourLines([0, 1], [0, 1], [[0, 0], [1, 1]], 0.5); // => [[[1, 0.5], [0, 0.5]]]
 */
export function contourLines(
  x: readonly number[],
  y: readonly number[],
  z: readonly (readonly number[])[],
  level: number,
): [number, number][][] {
  const points = new Map<string, [number, number]>();
  const segments: [string, string][] = [];
  const rows = Math.min(y.length, z.length);
  // An edge crossing, named by its edge: "h j i" joins (i, j)–(i+1, j), "v j i" joins (i, j)–(i, j+1).
  const crossing = (
    key: string,
    ax: number,
    ay: number,
    az: number,
    bx: number,
    by: number,
    bz: number,
  ) => {
    if (!points.has(key)) {
      const t = (level - az) / (bz - az);
      points.set(key, [ax + t * (bx - ax), ay + t * (by - ay)]);
    }
    return key;
  };
  for (let j = 0; j + 1 < rows; j++) {
    const cols = Math.min(x.length, z[j].length, z[j + 1].length);
    for (let i = 0; i + 1 < cols; i++) {
      const c = [z[j][i], z[j][i + 1], z[j + 1][i + 1], z[j + 1][i]];
      if (c.some((v) => typeof v !== "number" || !Number.isFinite(v))) continue;
      const above = c.map((v) => v >= level);
      // Edges: 0 bottom (c0–c1), 1 right (c1–c2), 2 top (c3–c2), 3 left (c0–c3).
      const edge = (e: number): string => {
        if (e === 0) return crossing(`h ${j} ${i}`, x[i], y[j], c[0], x[i + 1], y[j], c[1]);
        if (e === 1)
          return crossing(`v ${j} ${i + 1}`, x[i + 1], y[j], c[1], x[i + 1], y[j + 1], c[2]);
        if (e === 2)
          return crossing(`h ${j + 1} ${i}`, x[i], y[j + 1], c[3], x[i + 1], y[j + 1], c[2]);
        return crossing(`v ${j} ${i}`, x[i], y[j], c[0], x[i], y[j + 1], c[3]);
      };
      const cut = [
        above[0] !== above[1],
        above[1] !== above[2],
        above[3] !== above[2],
        above[0] !== above[3],
      ];
      const edges = [0, 1, 2, 3].filter((e) => cut[e]);
      if (edges.length === 2) segments.push([edge(edges[0]), edge(edges[1])]);
      else if (edges.length === 4) {
        const centreAbove = (c[0] + c[1] + c[2] + c[3]) / 4 >= level;
        if (centreAbove === above[0]) segments.push([edge(0), edge(1)], [edge(2), edge(3)]);
        else segments.push([edge(3), edge(0)], [edge(1), edge(2)]);
      }
    }
  }
  return joinSegments(segments).map((keys) => keys.map((k) => points.get(k) as [number, number]));
}

/** Chains of point keys: segments sharing an end joined, in the order the segments were found. */
function joinSegments(segments: [string, string][]): string[][] {
  const at = new Map<string, number[]>();
  segments.forEach(([a, b], s) => {
    for (const k of [a, b]) at.set(k, [...(at.get(k) ?? []), s]);
  });
  const used = new Array<boolean>(segments.length).fill(false);
  const next = (key: string): string | undefined => {
    const s = (at.get(key) ?? []).find((t) => !used[t]);
    if (s === undefined) return undefined;
    used[s] = true;
    return segments[s][0] === key ? segments[s][1] : segments[s][0];
  };
  const chains: string[][] = [];
  segments.forEach(([a, b], s) => {
    if (used[s]) return;
    used[s] = true;
    const chain = [a, b];
    for (let k = next(b); k !== undefined; k = next(k)) chain.push(k);
    for (let k = next(a); k !== undefined; k = next(k)) chain.unshift(k);
    chains.push(chain);
  });
  return chains;
}

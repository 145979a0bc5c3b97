/**
 * The pictures of notebook 4: the network's computational graph (inline SVG), a fit with its hidden
 * units (Bishop's Figure 5.3), line charts of losses and timings, and a small loss curve in SVG that can
 * be redrawn in place while training runs. Pure functions returning SVG text or plotly figure JSON.
 * @see notebooks/04-backpropagation-tanh-network.ipynb
 */
import { InvalidArgumentError, ShapeError } from "../errors/errors";
import { rejectUnknownOptions, requireFiniteVector, requireInteger } from "../errors/validate";
import { escapeHtml, formatNumber } from "../display/format";
import type { Figure } from "./figure";

const blue = "#1f77b4", red = "#d62728", grey = "#888";

/**
 * The computational graph of a two-layer tanh network as SVG: inputs xᵢ (with the bias input x₀ = 1),
 * hidden units hⱼ → zⱼ = tanh(hⱼ) (with z₀ = 1), outputs yₖ and the error E. Black arrows carry values
 * forward; the red arrows under the graph show δ flowing backward.
 * @throws InvalidArgumentError for sizes that are not integers from 1 to 8 (larger graphs are unreadable)
 * @example
 * networkGraphSvg({ inputs: 1, hiddenUnits: 3, outputs: 1 }).startsWith("<svg"); // => true
 */
export function networkGraphSvg(sizes: { inputs: number; hiddenUnits: number; outputs: number }): string {
  const caller = "networkGraphSvg";
  rejectUnknownOptions(caller, sizes, ["inputs", "hiddenUnits", "outputs"]);
  const D = requireInteger(caller, "inputs", sizes.inputs, 1, 8);
  const M = requireInteger(caller, "hiddenUnits", sizes.hiddenUnits, 1, 8);
  const K = requireInteger(caller, "outputs", sizes.outputs, 1, 8);
  const rows = Math.max(D + 1, M + 1, K);
  const gap = 62, top = 40, height = top + rows * gap + 70, width = 640;
  const column = (count: number, x: number) => Array.from({ length: count }, (_, n) => ({ x, y: top + (rows - count) * gap / 2 + n * gap + gap / 2 }));
  const xs = column(D + 1, 70), hs = column(M + 1, 270), ys = column(K, 470), e = { x: 590, y: top + rows * gap / 2 };
  const sub = (s: number) => String(s).split("").map((c) => "₀₁₂₃₄₅₆₇₈₉"[Number(c)]).join("");
  const parts: string[] = [];
  const line = (a: { x: number; y: number }, b: { x: number; y: number }, colour: string) =>
    parts.push(`<line x1="${a.x + 24}" y1="${a.y}" x2="${b.x - 26}" y2="${b.y}" stroke="${colour}" stroke-width="1.2" marker-end="url(#arrow)"/>`);
  const node = (p: { x: number; y: number }, label: string, fill: string, r = 24) =>
    parts.push(`<circle cx="${p.x}" cy="${p.y}" r="${r}" fill="${fill}" stroke="#333"/><text x="${p.x}" y="${p.y + 5}" text-anchor="middle" font-size="14">${escapeHtml(label)}</text>`);
  for (const x of xs) for (const h of hs.slice(1)) line(x, h, "#555");
  for (const h of hs) for (const y of ys) line(h, y, "#555");
  for (const y of ys) line(y, e, "#555");
  xs.forEach((p, i) => node(p, i === 0 ? "x₀=1" : `x${sub(i)}`, i === 0 ? "#eee" : "#dbe9f6"));
  hs.forEach((p, j) => node(p, j === 0 ? "z₀=1" : `h${sub(j)}→z${sub(j)}`, j === 0 ? "#eee" : "#fde2c8", j === 0 ? 24 : 30));
  ys.forEach((p, k) => node(p, `y${sub(k + 1)}`, "#d9f0d3"));
  node(e, "E", "#f8d0d0");
  const label = (x: number, text: string, colour = "#333") => parts.push(`<text x="${x}" y="22" text-anchor="middle" font-size="14" fill="${colour}">${escapeHtml(text)}</text>`);
  label(170, "w⁽¹⁾ⱼᵢ"); label(370, "w⁽²⁾ₖⱼ"); label(70, "inputs"); label(270, "hidden: tanh"); label(470, "outputs"); label(590, "½Σ(y−t)²");
  const back = height - 40;
  parts.push(`<line x1="590" y1="${back}" x2="80" y2="${back}" stroke="${red}" stroke-width="2" marker-end="url(#back)"/>`);
  parts.push(`<text x="530" y="${back + 22}" font-size="13" fill="${red}" text-anchor="middle">δₖ = yₖ − tₖ</text>`);
  parts.push(`<text x="300" y="${back + 22}" font-size="13" fill="${red}" text-anchor="middle">δⱼ = (1 − zⱼ²) Σₖ w⁽²⁾ₖⱼ δₖ</text>`);
  parts.push(`<text x="110" y="${back + 22}" font-size="13" fill="${red}" text-anchor="middle">∂E/∂w⁽¹⁾ⱼᵢ = δⱼ xᵢ</text>`);
  const defs = `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0L10,5L0,10z" fill="#555"/></marker>` +
    `<marker id="back" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0L10,5L0,10z" fill="${red}"/></marker></defs>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif">${defs}${parts.join("")}</svg>`;
}

/** One fit to show: the data (x, t), the network's output y along a grid, and each hidden unit's zⱼ along the grid. */
export interface FitPlot {
  title: string;
  x: number[];
  t: number[];
  grid: number[];
  y: number[];
  /** hidden[j][n] = zⱼ at grid[n]. */
  hidden: number[][];
}

/**
 * Bishop's Figure 5.3 for one function: data as dots, the network's fit as a line, and the hidden units'
 * outputs zⱼ(x) dashed.
 * @throws ShapeError when x and t, or grid and y or a hidden row, differ in length
 * @example
 * fitFigure({ title: "x²", x: [0], t: [0], grid: [0, 1], y: [0, 1], hidden: [[0, 0.5]] }).data.length; // => 3
 */
export function fitFigure(fit: FitPlot): Figure {
  const caller = "fitFigure";
  const x = requireFiniteVector(caller, "x", fit.x), t = requireFiniteVector(caller, "t", fit.t);
  const grid = requireFiniteVector(caller, "grid", fit.grid), y = requireFiniteVector(caller, "y", fit.y);
  if (t.length !== x.length) throw new ShapeError(`${caller}: t has length ${t.length}; expected ${x.length} (one per x)`);
  if (y.length !== grid.length) throw new ShapeError(`${caller}: y has length ${y.length}; expected ${grid.length} (one per grid point)`);
  const hidden = fit.hidden.map((z, j) => {
    const row = requireFiniteVector(caller, `hidden[${j}]`, z);
    if (row.length !== grid.length) throw new ShapeError(`${caller}: hidden[${j}] has length ${row.length}; expected ${grid.length}`);
    return { x: grid, y: row, mode: "lines", name: `z${j + 1}(x)`, line: { dash: "dash", width: 1.5 }, showlegend: j === 0 };
  });
  return {
    data: [
      { x, y: t, mode: "markers", name: "data", marker: { color: blue, size: 6 } },
      { x: grid, y, mode: "lines", name: "network y(x)", line: { color: red, width: 3 } },
      ...hidden.map((trace) => ({ ...trace, name: "hidden units zⱼ(x)", line: { ...trace.line, color: grey } })),
    ],
    layout: { title: { text: fit.title }, height: 320, xaxis: { title: { text: "x" }, range: [-1, 1] }, yaxis: { title: { text: "y" } }, legend: { orientation: "h", y: -0.25 }, margin: { t: 40 } },
  };
}

/**
 * A small loss curve (log scale) as SVG text: cheap enough to redraw in place every few hundred training
 * steps, and it needs no script to show.
 * @throws InvalidArgumentError for an empty list or a loss that is not finite and > 0
 * @example
 * lossCurveSvg([1, 0.5, 0.1], "x²").includes("<polyline"); // => true
 */
export function lossCurveSvg(losses: number[], label = ""): string {
  const caller = "lossCurveSvg";
  const values = requireFiniteVector(caller, "losses", losses);
  values.forEach((v, n) => { if (v <= 0) throw new InvalidArgumentError(`${caller}: losses[${n}] is ${v}; expected a number > 0 (the scale is logarithmic)`); });
  const width = 360, height = 120, pad = 8;
  // At most ~400 points: enough for 360 pixels, and a redraw stays a few kilobytes however long training runs.
  const stride = Math.ceil(values.length / 400);
  const kept = values.map((v, n) => ({ v, n })).filter(({ n }) => n % stride === 0 || n === values.length - 1);
  const logs = kept.map(({ v }) => Math.log10(v));
  const lo = Math.min(...logs), hi = Math.max(...logs), span = hi - lo || 1;
  const last = Math.max(1, values.length - 1);
  const points = logs.map((v, m) => `${(pad + (kept[m].n / last) * (width - 2 * pad)).toFixed(1)},${(pad + ((hi - v) / span) * (height - 2 * pad)).toFixed(1)}`).join(" ");
  const text = `${escapeHtml(label)} ${formatNumber(values[values.length - 1])} after ${values.length - 1} steps`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + 34}" font-family="Helvetica, Arial, sans-serif">` +
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#fafafa" stroke="#ddd"/>` +
    `<polyline points="${points}" fill="none" stroke="${red}" stroke-width="1.5"/>` +
    `<text x="4" y="${height + 14}" font-size="12">${text}</text>` +
    `<text x="4" y="${height + 30}" font-size="11" fill="#666">log scale, ${formatNumber(10 ** hi, 2)} → ${formatNumber(10 ** lo, 2)}</text></svg>`;
}

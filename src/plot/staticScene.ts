/**
 * A plotly.js 3-D scene drawn as SVG without WebGL, for a figure's static image
 * (src/plot/staticFigure.ts). The scene's box is scaled to its aspect ratio and seen from the camera's
 * eye (`scene.camera.eye`, plotly's default (1.25, 1.25, 1.25)) looking at the centre, z up, in
 * perspective: a point p, relative to the eye, lands at
 *
 *   (sx, sy) = (p·r, p·u) / (p·f)
 *
 * where f points from the eye to the centre, r = f × z and u = r × f (all unit vectors). Surfaces are
 * cut into quadrilaterals (at most 30 × 30, subsampled) painted farthest first (the painter's
 * algorithm); cones are drawn as arrow heads; the back walls of the box carry the grid.
 */
import { colourAt, colourStopsOrDefault, hexColour } from "./colorscale";
import { contourLines } from "./marchingSquares";
import { colourAttrs, dashArray, px, textSvg } from "./svgMarkup";

type Dict = Record<string, any>;
type Vec = [number, number, number];

/** Where the scene goes in the figure, in px. */
export interface Viewport {
  x: number;
  y: number;
  width: number;
  height: number;
}

const letters = ["x", "y", "z"] as const;
/** The most surface nodes drawn along each side (a 61 × 61 grid becomes 31 × 31): 900 quads. */
const maxNodes = 31;

const dot = (a: Vec, b: Vec) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const sub = (a: Vec, b: Vec): Vec => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const cross = (a: Vec, b: Vec): Vec => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
const unit = (a: Vec): Vec => {
  const n = Math.hypot(...a) || 1;
  return [a[0] / n, a[1] / n, a[2] / n];
};
const numbers = (v: unknown): number[] =>
  (Array.isArray(v) ? v.flat(2) : []).filter(
    (n): n is number => typeof n === "number" && Number.isFinite(n),
  );

/** The smallest of many numbers (no spread: arrays of any length). */
export function lowest(values: readonly number[]): number {
  let m = Infinity;
  for (const v of values) if (v < m) m = v;
  return m;
}
/** The largest of many numbers (no spread: arrays of any length). */
export function highest(values: readonly number[]): number {
  let m = -Infinity;
  for (const v of values) if (v > m) m = v;
  return m;
}

/** Evenly spread indices 0 … n−1, at most `most` of them, first and last included. */
function sampled(n: number, most: number): number[] {
  if (n <= most) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: most }, (_, k) => Math.round((k * (n - 1)) / (most - 1)));
}

/** Round tick values for [lo, hi]: about `count` of them at 1, 2 or 5 × 10ᵏ apart. */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  if (!(hi > lo)) return [lo];
  const rough = (hi - lo) / Math.max(1, count);
  const base = 10 ** Math.floor(Math.log10(rough));
  const step = base * ([1, 2, 5, 10].find((m) => m * base >= rough * 0.999) ?? 10);
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step)
    ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** A tick value as plotly writes it: "−" for minus, no trailing zeros. */
export function tickLabel(v: number, step: number): string {
  const decimals = Math.max(0, Math.min(10, -Math.floor(Math.log10(step) + 1e-9)));
  const text = Math.abs(v) < step * 1e-9 ? "0" : v.toFixed(decimals);
  return (text.includes(".") ? text.replace(/\.?0+$/, "") : text).replace("-", "−");
}

/**
 * The SVG of one scene: its box, grid and tick labels, then its traces (surface, scatter3d, cone).
 * @example sceneSvg([], {}, { x: 0, y: 0, width: 100, height: 100 }, 12).startsWith("<g"); // => true
 */
export function sceneSvg(traces: Dict[], scene: Dict, view: Viewport, fontSize: number): string {
  // Data ranges: the layout's, else the traces' extent.
  const values: number[][] = [[], [], []];
  for (const t of traces) {
    if (t.type === "cone") {
      const tip = t.anchor === "tip";
      letters.forEach((k, i) => {
        const base = numbers(t[k]);
        const d = numbers(t[["u", "v", "w"][i]]);
        values[i].push(...base, ...base.map((b, j) => (tip ? b - (d[j] ?? 0) : b + (d[j] ?? 0))));
      });
    } else letters.forEach((k, i) => values[i].push(...numbers(t[k])));
  }
  const ranges = letters.map((k, i) => {
    const given = scene[`${k}axis`]?.range;
    if (Array.isArray(given) && given.length === 2) return [Number(given[0]), Number(given[1])];
    const lo = lowest(values[i]);
    const hi = highest(values[i]);
    return Number.isFinite(lo) && Number.isFinite(hi)
      ? hi > lo
        ? [lo, hi]
        : [lo - 1, hi + 1]
      : [-1, 1];
  });
  const ratio = scene.aspectratio ?? {};
  const aspect: Vec = [Number(ratio.x ?? 1), Number(ratio.y ?? 1), Number(ratio.z ?? 1)];
  const normal = (p: Vec): Vec =>
    [0, 1, 2].map(
      (i) => ((p[i] - ranges[i][0]) / (ranges[i][1] - ranges[i][0]) - 0.5) * aspect[i],
    ) as Vec;
  const eyeIn = scene.camera?.eye ?? {};
  const eye: Vec = [Number(eyeIn.x ?? 1.25), Number(eyeIn.y ?? 1.25), Number(eyeIn.z ?? 1.25)];
  const forward = unit(sub([0, 0, 0], eye));
  const right = unit(cross(forward, [0, 0, 1]));
  const up = cross(right, forward);
  const ortho = scene.camera?.projection?.type === "orthographic";
  const camera = (n: Vec) => {
    const d = sub(n, eye);
    const depth = dot(d, forward);
    const f = ortho ? 1 : depth;
    return { sx: dot(d, right) / f, sy: dot(d, up) / f, depth };
  };
  // Fit the box's corners into the viewport.
  const corners: Vec[] = [];
  for (const a of [0, 1]) for (const b of [0, 1]) for (const c of [0, 1]) corners.push([a, b, c]);
  const cornerOf = (c: Vec): Vec => c.map((s, i) => (s ? ranges[i][1] : ranges[i][0])) as Vec;
  const projected = corners.map((c) => camera(normal(cornerOf(c))));
  const [minX, maxX] = [
    Math.min(...projected.map((p) => p.sx)),
    Math.max(...projected.map((p) => p.sx)),
  ];
  const [minY, maxY] = [
    Math.min(...projected.map((p) => p.sy)),
    Math.max(...projected.map((p) => p.sy)),
  ];
  const scale = 0.72 * Math.min(view.width / (maxX - minX || 1), view.height / (maxY - minY || 1));
  const cx = view.x + view.width / 2;
  const cy = view.y + view.height / 2;
  const screen = (p: Vec) => {
    const c = camera(normal(p));
    return {
      x: cx + (c.sx - (minX + maxX) / 2) * scale,
      y: cy - (c.sy - (minY + maxY) / 2) * scale,
      depth: c.depth,
    };
  };
  const centre = screen([0, 1, 2].map((i) => (ranges[i][0] + ranges[i][1]) / 2) as Vec);
  const out: string[] = [];
  // Back walls: for each axis, the wall on the far side from the eye, with grid lines.
  const ticks = letters.map((k, i) => {
    const axis = scene[`${k}axis`] ?? {};
    return niceTicks(ranges[i][0], ranges[i][1], Math.max(2, Number(axis.nticks ?? 8)));
  });
  const wallLines: string[] = [];
  for (let i = 0; i < 3; i++) {
    const far = eye[i] > 0 ? ranges[i][0] : ranges[i][1];
    const [a, b] = [0, 1, 2].filter((j) => j !== i);
    const at = (u: number, v: number): Vec => {
      const p: Vec = [0, 0, 0];
      p[i] = far;
      p[a] = u;
      p[b] = v;
      return p;
    };
    const edge = [
      at(ranges[a][0], ranges[b][0]),
      at(ranges[a][1], ranges[b][0]),
      at(ranges[a][1], ranges[b][1]),
      at(ranges[a][0], ranges[b][1]),
    ].map(screen);
    out.push(
      `<path d="M${edge.map((p) => `${px(p.x)} ${px(p.y)}`).join(" ")}Z" fill="none" stroke="#ccc"/>`,
    );
    for (const v of ticks[a]) {
      const [p, q] = [screen(at(v, ranges[b][0])), screen(at(v, ranges[b][1]))];
      wallLines.push(`M${px(p.x)} ${px(p.y)} ${px(q.x)} ${px(q.y)}`);
    }
    for (const v of ticks[b]) {
      const [p, q] = [screen(at(ranges[a][0], v)), screen(at(ranges[a][1], v))];
      wallLines.push(`M${px(p.x)} ${px(p.y)} ${px(q.x)} ${px(q.y)}`);
    }
  }
  out.push(`<path d="${wallLines.join("")}" fill="none" stroke="#d9d9d9"/>`);
  // Tick labels and titles, along the box's front edges, pushed away from its centre.
  letters.forEach((k, i) => {
    const axis = scene[`${k}axis`] ?? {};
    const [a, b] = [0, 1, 2].filter((j) => j !== i);
    const candidates: Vec[][] = [];
    for (const sa of [0, 1])
      for (const sb of [0, 1]) {
        if (i !== 2 && b === 2 && sb === 1) continue; // x and y labels on the floor
        const end = (s: number): Vec => {
          const p: Vec = [0, 0, 0];
          p[i] = ranges[i][s];
          p[a] = ranges[a][sa];
          p[b] = ranges[b][sb];
          return p;
        };
        candidates.push([end(0), end(1)]);
      }
    // x and y: the floor edge nearest the viewer; z: the leftmost vertical edge.
    const score = (e: Vec[]) =>
      i === 2
        ? -Math.min(screen(e[0]).x, screen(e[1]).x)
        : -(screen(e[0]).depth + screen(e[1]).depth);
    const edge = candidates.reduce((best, e) => (score(e) > score(best) ? e : best));
    const mid = screen(edge[0].map((v, j) => (v + edge[1][j]) / 2) as Vec);
    const away = unit([mid.x - centre.x, mid.y - centre.y, 0]);
    const step = ticks[i].length > 1 ? ticks[i][1] - ticks[i][0] : 1;
    for (const v of ticks[i]) {
      const p = edge[0].slice() as Vec;
      p[i] = v;
      const s = screen(p);
      out.push(
        textSvg(tickLabel(v, step), s.x + away[0] * 14, s.y + away[1] * 14, {
          size: fontSize * 0.85,
          anchor: away[0] < -0.3 ? "end" : away[0] > 0.3 ? "start" : "middle",
          colour: "#444",
        }),
      );
    }
    const title = axis.title?.text ?? (typeof axis.title === "string" ? axis.title : k);
    out.push(
      textSvg(String(title), mid.x + away[0] * 42, mid.y + away[1] * 42, {
        size: fontSize,
        anchor: "middle",
        colour: "#444",
      }),
    );
  });
  const traceColour = (t: Dict, fallback: string) =>
    typeof t.line?.color === "string"
      ? t.line.color
      : typeof t.marker?.color === "string"
        ? t.marker.color
        : fallback;
  // Surfaces: projected contours on the floor, then quads farthest first.
  for (const t of traces.filter((t) => t.type === "surface")) {
    const z = (t.z ?? []) as number[][];
    const xs = numbers(t.x).length ? numbers(t.x) : (z[0]?.map((_, i) => i) ?? []);
    const ys = numbers(t.y).length ? numbers(t.y) : z.map((_, j) => j);
    const zs = numbers(z);
    const cmin = Number(t.cmin ?? lowest(zs));
    const cmax = Number(t.cmax ?? highest(zs));
    const stops = colourStopsOrDefault(t.colorscale, Boolean(t.reversescale));
    const colourOf = (v: number) => colourAt(stops, cmax > cmin ? (v - cmin) / (cmax - cmin) : 0.5);
    const zc = t.contours?.z;
    if (zc?.project?.z) {
      const size = Number(zc.size ?? 0);
      const levels =
        size > 0
          ? niceTicks(Number(zc.start ?? cmin), Number(zc.end ?? cmax), (cmax - cmin) / size)
          : niceTicks(cmin, cmax, 10);
      for (const level of levels) {
        const colour = zc.usecolormap ? hexColour(colourOf(level)) : String(zc.color ?? "#444");
        const d = contourLines(xs, ys, z, level)
          .map(
            (line) =>
              "M" +
              line
                .map(([x, y]) => {
                  const s = screen([x, y, ranges[2][0]]);
                  return `${px(s.x)} ${px(s.y)}`;
                })
                .join(" "),
          )
          .join("");
        if (d)
          out.push(
            `<path d="${d}" fill="none"${colourAttrs("stroke", colour)} stroke-width="${px(Number(zc.width ?? 1))}"/>`,
          );
      }
    }
    const rows = sampled(Math.min(ys.length, z.length), maxNodes);
    const cols = sampled(xs.length, maxNodes);
    const quads: { depth: number; svg: string }[] = [];
    const light = unit(eye);
    for (let a = 0; a + 1 < rows.length; a++)
      for (let b = 0; b + 1 < cols.length; b++) {
        const [j0, j1, i0, i1] = [rows[a], rows[a + 1], cols[b], cols[b + 1]];
        const p: Vec[] = [
          [xs[i0], ys[j0], z[j0][i0]],
          [xs[i1], ys[j0], z[j0][i1]],
          [xs[i1], ys[j1], z[j1][i1]],
          [xs[i0], ys[j1], z[j1][i0]],
        ];
        if (p.some((q) => !Number.isFinite(q[2]))) continue;
        const s = p.map(screen);
        const n = unit(cross(sub(normal(p[2]), normal(p[0])), sub(normal(p[3]), normal(p[1]))));
        const shade = 0.88 + 0.12 * Math.abs(dot(n, light));
        const c = colourOf((p[0][2] + p[1][2] + p[2][2] + p[3][2]) / 4);
        const hex = hexColour({ r: c.r * shade, g: c.g * shade, b: c.b * shade, a: 1 });
        // Each quad grown by 0.4 px from its centre, so that neighbours overlap and no seam shows.
        const mx = (s[0].x + s[1].x + s[2].x + s[3].x) / 4;
        const my = (s[0].y + s[1].y + s[2].y + s[3].y) / 4;
        const grown = s.map((q) => {
          const r = Math.hypot(q.x - mx, q.y - my) || 1;
          return `${px(q.x + (0.4 * (q.x - mx)) / r)} ${px(q.y + (0.4 * (q.y - my)) / r)}`;
        });
        quads.push({
          depth: (s[0].depth + s[1].depth + s[2].depth + s[3].depth) / 4,
          svg: `<path d="M${grown.join(" ")}Z" fill="${hex}"/>`,
        });
      }
    quads.sort((q, r) => r.depth - q.depth);
    const opacity = Number(t.opacity ?? 1);
    out.push(
      `<g${opacity < 1 ? ` opacity="${opacity}"` : ""}>${quads.map((q) => q.svg).join("")}</g>`,
    );
  }
  // Curves and points, then arrow heads.
  traces.forEach((t) => {
    if (t.type !== "scatter3d") return;
    const xs = (t.x ?? []) as number[];
    const ys = (t.y ?? []) as number[];
    const zs = (t.z ?? []) as number[];
    const mode = String(t.mode ?? "lines+markers");
    const colour = traceColour(t, t.defaultColour ?? "#1f77b4");
    const points = xs.map((x, i) =>
      [x, ys[i], zs[i]].every((v) => typeof v === "number" && Number.isFinite(v))
        ? screen([x, ys[i], zs[i]])
        : null,
    );
    if (mode.includes("lines")) {
      const width = Number(t.line?.width ?? 2);
      let d = "";
      let pen = false;
      for (const p of points) {
        if (!p) {
          pen = false;
          continue;
        }
        d += `${pen ? " " : "M"}${px(p.x)} ${px(p.y)}`;
        pen = true;
      }
      const dash = dashArray(t.line?.dash, width);
      if (d)
        out.push(
          `<path d="${d}" fill="none"${colourAttrs("stroke", colour)} stroke-width="${px(width)}" stroke-linecap="round" stroke-linejoin="round"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`,
        );
    }
    if (mode.includes("markers")) {
      const size = Number(t.marker?.size ?? 8);
      const mc = typeof t.marker?.color === "string" ? t.marker.color : colour;
      for (const p of points)
        if (p)
          out.push(
            `<circle cx="${px(p.x)}" cy="${px(p.y)}" r="${px(size / 2)}"${colourAttrs("fill", mc)}/>`,
          );
    }
    if (mode.includes("text")) {
      const texts = Array.isArray(t.text) ? t.text : [t.text];
      const position = String(t.textposition ?? "middle center");
      points.forEach((p, i) => {
        if (!p || texts[i] === undefined) return;
        const dy = position.startsWith("top") ? -14 : position.startsWith("bottom") ? 14 : 0;
        out.push(
          textSvg(String(texts[i]), p.x, p.y + dy, {
            size: fontSize,
            anchor: "middle",
            colour: "#444",
          }),
        );
      });
    }
  });
  for (const t of traces.filter((t) => t.type === "cone")) {
    const stops = colourStopsOrDefault(t.colorscale, Boolean(t.reversescale));
    const colour = hexColour(colourAt(stops, 0.5));
    const xs = numbers(t.x);
    xs.forEach((x, i) => {
      const base: Vec = [x, Number(t.y[i]), Number(t.z[i])];
      const vec: Vec = [Number(t.u[i]), Number(t.v[i]), Number(t.w[i])];
      const scaleRef = Number(t.sizeref ?? 1);
      const d: Vec = [vec[0] * scaleRef, vec[1] * scaleRef, vec[2] * scaleRef];
      const tip: Vec =
        t.anchor === "tip"
          ? base
          : t.anchor === "tail"
            ? [base[0] + d[0], base[1] + d[1], base[2] + d[2]]
            : [base[0] + d[0] / 2, base[1] + d[1] / 2, base[2] + d[2] / 2];
      const tail: Vec = sub(tip, d);
      const [st, sb] = [screen(tip), screen(tail)];
      // The head's half width: a quarter of the cone's length, in px at the tail's depth.
      const lengthPx =
        (Math.hypot(...normal(tip).map((v, j) => v - normal(tail)[j])) * scale) /
        (ortho ? 1 : Math.max(1e-9, sb.depth));
      const half = 0.28 * lengthPx;
      const along = unit([st.x - sb.x, st.y - sb.y, 0]);
      const side: [number, number] = [-along[1] * half, along[0] * half];
      out.push(
        `<path d="M${px(st.x)} ${px(st.y)} ${px(sb.x + side[0])} ${px(sb.y + side[1])} ${px(sb.x - side[0])} ${px(sb.y - side[1])}Z" fill="${colour}"/>`,
      );
    });
  }
  return `<g>${out.join("")}</g>`;
}

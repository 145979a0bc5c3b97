import assert from "node:assert/strict";
import { test } from "node:test";
import { colourAt, colourStops, hexColour } from "./colorscale";
import type { Figure } from "./figure";
import { withDefaults } from "./figure";
import { staticFigureSvg } from "./staticFigure";

/** The points of an SVG path's data ("M x y x y … M …"), as [x, y] pairs. */
const pathPoints = (d: string): number[][] => {
  const numbers = d
    .replace(/[MZHVL]/g, " ")
    .trim()
    .split(/\s+/)
    .map(Number);
  const points: number[][] = [];
  for (let i = 0; i + 1 < numbers.length; i += 2) points.push([numbers[i], numbers[i + 1]]);
  return points;
};
const attr = (element: string, name: string) =>
  Number(new RegExp(` ${name}="([^"]+)"`).exec(element)?.[1]);
/** The plotting area of the first subplot: its clip rectangle. */
const plotArea = (svg: string) => {
  const rect = /<clipPath id="c0"><rect ([^>]*)\/>/.exec(svg)?.[0] ?? "";
  return {
    x: attr(rect, "x"),
    y: attr(rect, "y"),
    width: attr(rect, "width"),
    height: attr(rect, "height"),
  };
};
const draw = (figure: Figure) => staticFigureSvg(withDefaults(figure));

test("a line runs corner to corner of its plotting area: x tight, y padded 5 % a side", () => {
  const x = Array.from({ length: 101 }, (_, i) => i / 10);
  const svg = draw({ data: [{ x, y: x, mode: "lines", line: { color: "#d62728" } }] });
  const area = plotArea(svg);
  const line = /<path d="([^"]+)" fill="none" stroke="#d62728"/.exec(svg);
  assert.ok(line, "no red line");
  const points = pathPoints(line[1]);
  // A straight line needs only its two ends.
  assert.equal(points.length, 2);
  const [first, last] = [points[0], points[points.length - 1]];
  assert.ok(Math.abs(first[0] - area.x) < 0.2 && Math.abs(last[0] - (area.x + area.width)) < 0.2);
  const pad = area.height / 1.1 / 20;
  assert.ok(Math.abs(first[1] - (area.y + area.height - pad)) < 0.3, `${first[1]}`);
  assert.ok(Math.abs(last[1] - (area.y + pad)) < 0.3, `${last[1]}`);
});

test("a curve keeps every point that moves it by more than a quarter pixel, and breaks at gaps", () => {
  const x = Array.from({ length: 200 }, (_, i) => i / 20);
  const y = x.map((v, i) => (i === 100 ? null : Math.sin(v)));
  const svg = draw({ data: [{ x, y, mode: "lines" }] });
  const d = /<path d="([^"]+)" fill="none" stroke="#1f77b4"/.exec(svg)?.[1] ?? "";
  assert.equal(d.match(/M/g)?.length, 2, "the gap splits the line in two");
  const points = pathPoints(d);
  assert.ok(points.length > 20 && points.length < 200, `${points.length} points`);
  const area = plotArea(svg);
  for (const [px, py] of points) {
    assert.ok(px >= area.x - 0.1 && px <= area.x + area.width + 0.1);
    assert.ok(py >= area.y - 0.1 && py <= area.y + area.height + 0.1);
  }
});

test("markers: one per point, plotly's symbols, sizes and colours per point", () => {
  const svg = draw({
    data: [
      { x: [1, 2, 3], y: [1, 2, 3], mode: "markers", marker: { size: 10, color: "#2ca02c" } },
      { x: [2], y: [2], mode: "markers", marker: { symbol: "diamond", color: "#ff7f0e" } },
    ],
  });
  const plotted = [...svg.matchAll(/<g clip-path="url\(#c0\)">(.*?)<\/g>/g)]
    .map((m) => m[1])
    .join("");
  assert.equal(plotted.match(/<circle [^>]*r="5" fill="#2ca02c"\/>/g)?.length, 3);
  assert.equal(
    plotted.match(
      /<path d="M3\.9 0 0 3\.9 -3\.9 0 0 -3\.9Z" transform="translate\([^)]*\)" fill="#ff7f0e"/g,
    )?.length,
    1,
  );
  // Two traces: a legend, with plotly's default names.
  assert.match(svg, />trace 0<\/text>.*>trace 1<\/text>/);
});

test("equal scales: scaleanchor keeps the same pixels per unit on both axes", () => {
  for (const [xRange, yRange] of [
    [
      [0, 4],
      [0, 1],
    ],
    [
      [-1.5, 3],
      [-1.5, 2.5],
    ],
    [
      [0, 1],
      [0, 3],
    ],
  ]) {
    const svg = draw({
      data: [{ x: [0, 1], y: [0, 1], mode: "markers" }],
      layout: {
        width: 640,
        height: 620,
        xaxis: { range: xRange, constrain: "domain" },
        yaxis: { range: yRange, scaleanchor: "x", scaleratio: 1, constrain: "domain" },
      },
    });
    const area = plotArea(svg);
    const perX = area.width / (xRange[1] - xRange[0]);
    const perY = area.height / (yRange[1] - yRange[0]);
    assert.ok(
      Math.abs(perX - perY) < 0.1,
      `x ${perX} px/unit, y ${perY} px/unit for ${xRange} × ${yRange}`,
    );
  }
});

test("a log axis spaces decades equally and labels them from logTicks", () => {
  const x = [1, 10, 100, 1000, 10000];
  const svg = draw({
    data: [{ x, y: [1, 2, 3, 4, 5], mode: "lines" }],
    layout: { xaxis: { type: "log" } },
  });
  const labels = [
    ...svg.matchAll(
      /<text x="([\d.]+)" y="[\d.]+" text-anchor="middle" font-size="13" fill="#444444">(10<tspan[^<]*<\/tspan>|1|10)?([^<]*)</g,
    ),
  ];
  const line = pathPoints(/<path d="([^"]+)" fill="none" stroke="#1f77b4"/.exec(svg)?.[1] ?? "");
  // y rises by one per decade, so the (straight) line has just its two ends.
  assert.equal(line.length, 2);
  assert.ok(labels.length >= 4, `${labels.length} tick labels`);
  assert.match(svg, />10<tspan dy="-5\.2" font-size="9\.1">3<\/tspan>/);
});

test("a contour map: a colour raster under round contour lines, each level a closed curve about the minimum", () => {
  const grid = Array.from({ length: 41 }, (_, i) => -2 + i / 10);
  const z = grid.map((y) => grid.map((x) => x * x + y * y));
  const svg = draw({
    data: [
      {
        type: "contour",
        x: grid,
        y: grid,
        z,
        ncontours: 8,
        colorscale: "YlGnBu",
        reversescale: true,
        contours: { coloring: "heatmap", showlines: true },
        line: { color: "#000000", width: 1 },
      },
    ],
    layout: { width: 600, height: 600, yaxis: { scaleanchor: "x" } },
  });
  assert.equal(svg.match(/<image [^>]*href="data:image\/png;base64,/g)?.length, 1);
  const d = /<path d="([^"]+)" fill="none" stroke="#000000" stroke-width="1"/.exec(svg)?.[1] ?? "";
  const area = plotArea(svg);
  const [cx, cy] = [area.x + area.width / 2, area.y + area.height / 2];
  const curves = d
    .split("M")
    .filter(Boolean)
    .map((c) => pathPoints(`M${c}`));
  assert.ok(curves.length >= 4, `${curves.length} contour lines`);
  for (const curve of curves) {
    const radii = curve.map(([x, y]) => Math.hypot(x - cx, y - cy));
    const [lo, hi] = [Math.min(...radii), Math.max(...radii)];
    assert.ok(hi - lo < 0.03 * hi + 1, `a contour of x² + y² is not round: radius ${lo}…${hi} px`);
  }
  // A colour bar beside it, with the scale's two ends.
  const stops = colourStops("YlGnBu", true);
  assert.match(svg, new RegExp(`stop-color="${hexColour(colourAt(stops, 0))}"`));
  assert.match(svg, new RegExp(`stop-color="${hexColour(colourAt(stops, 1))}"`));
});

test("a heatmap: one cell per value, coloured from zmin to zmax", () => {
  const svg = draw({
    data: [
      {
        type: "heatmap",
        x: [0, 1, 2],
        y: [0, 1],
        z: [
          [0, 1, 2],
          [3, 4, 5],
        ],
        zmin: 0,
        zmax: 5,
        colorscale: [
          [0, "#000000"],
          [1, "#ffffff"],
        ],
      },
    ],
  });
  const group = /<g shape-rendering="crispEdges">(.*?)<\/g>/.exec(svg)?.[1] ?? "";
  const cells = group.match(/<rect [^>]*\/>/g) ?? [];
  assert.equal(cells.length, 6);
  assert.ok(
    cells.some((c) => c.includes('fill="#000000"')) &&
      cells.some((c) => c.includes('fill="#ffffff"')),
  );
});

test("a surface: quads subsampled to at most 30 × 30 and painted farthest first", () => {
  const grid = Array.from({ length: 61 }, (_, i) => -1 + i / 30);
  const svg = draw({
    data: [
      {
        type: "surface",
        x: grid,
        y: grid,
        z: grid.map(() => grid.map(() => 0)),
        colorscale: "Greys",
      },
    ],
    layout: { scene: { camera: { eye: { x: 2, y: 0, z: 1 } } } },
  });
  const quads = [...svg.matchAll(/<path d="(M[^"]+Z)" fill="#[0-9a-f]{6}"\/>/g)].map((m) =>
    pathPoints(m[1]),
  );
  assert.equal(quads.length, 30 * 30);
  // Seen from +x and above, the near edge of a flat surface is low on the screen: painted last.
  const centreY = (q: number[][]) => q.reduce((s, p) => s + p[1], 0) / q.length;
  assert.ok(centreY(quads[quads.length - 1]) > centreY(quads[0]) + 50);
  assert.ok(svg.length < 150_000, `${svg.length} bytes`);
});

test("3-D points, lines and cones land where the scene projects them: a cone's tip on its point", () => {
  const svg = draw({
    data: [
      {
        type: "scatter3d",
        mode: "markers",
        x: [0.5],
        y: [0.2],
        z: [0.3],
        marker: { size: 6, color: "#000000" },
      },
      {
        type: "scatter3d",
        mode: "lines",
        x: [0, 1],
        y: [0, 1],
        z: [0, 1],
        line: { color: "#9467bd", width: 4 },
      },
      {
        type: "cone",
        x: [0.5],
        y: [0.2],
        z: [0.3],
        u: [0.3],
        v: [0],
        w: [0],
        anchor: "tip",
        sizemode: "raw",
        colorscale: [
          [0, "#d62728"],
          [1, "#d62728"],
        ],
      },
    ],
  });
  const marker = /<circle cx="([\d.-]+)" cy="([\d.-]+)" r="3" fill="#000000"\/>/.exec(svg);
  const cone = /<path d="M([\d.-]+) ([\d.-]+) [^"]*Z" fill="#d62728"\/>/.exec(svg);
  assert.ok(marker && cone, "no marker or no cone");
  assert.ok(
    Math.abs(Number(marker[1]) - Number(cone[1])) < 0.15 &&
      Math.abs(Number(marker[2]) - Number(cone[2])) < 0.15,
  );
  assert.match(svg, /<path d="M[^"]+" fill="none" stroke="#9467bd" stroke-width="4"/);
});

test("an annotation's arrow ends at its point, less the standoff", () => {
  const svg = draw({
    data: [{ x: [0, 10], y: [0, 10], mode: "lines" }],
    layout: {
      xaxis: { range: [0, 10] },
      yaxis: { range: [0, 10] },
      annotations: [
        { x: 5, y: 5, ax: -40, ay: 0, text: "here", showarrow: true, arrowhead: 2, standoff: 4 },
      ],
    },
  });
  const area = plotArea(svg);
  const head = /<path d="M([\d.]+) ([\d.]+) [^"]*Z" fill="#444444"\/>/.exec(svg);
  assert.ok(head, "no arrow head");
  assert.ok(Math.abs(Number(head[1]) - (area.x + area.width / 2 - 4)) < 0.2);
  assert.ok(Math.abs(Number(head[2]) - (area.y + area.height / 2)) < 0.2);
  assert.match(svg, />here<\/text>/);
});

test("text keeps plotly's markup: <br> lines, <sup> raised, and special characters escaped", () => {
  const svg = draw({
    data: [{ y: [1, 2] }],
    layout: { title: { text: "E < 10<sup>−3</sup><br>second & last" } },
  });
  assert.match(svg, /E &lt; 10<tspan dy="[^"]+" font-size="[^"]+">−3<\/tspan>/);
  assert.match(svg, /<tspan x="450" dy="[^"]+">second &amp; last<\/tspan>/);
});

test("the same figure gives the same bytes, and hidden traces draw nothing", () => {
  const figure: Figure = {
    data: [
      { x: [1, 2, 3], y: [3, 1, 2], name: "shown", line: { color: "#1f77b4" } },
      { x: [1, 2, 3], y: [1, 2, 3], name: "hidden", visible: false, line: { color: "#8c564b" } },
    ],
  };
  const svg = draw(figure);
  assert.equal(draw(figure), svg);
  assert.doesNotMatch(svg, /#8c564b|NaN|undefined/);
});

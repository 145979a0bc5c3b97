// Text boxes inside a drawn figure (issue 27, item 6): the pure half of tests/figureLabels.test.ts.
// The browser draws a figure and measures every label (`measureLabelsInPage`, run in the page); here
// the boxes are held against the figure's box and against each other.

/** A box in CSS pixels, relative to the figure's top left corner. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** One text (or the legend's box) of a drawn figure. */
export interface Label {
  /** What it is: "title", "axis title", "tick label", "legend", "legend box", "annotation", … */
  kind: string;
  text: string;
  box: Box;
  /** For an axis title: where its axis runs (pixels along it), which the title must not outrun. */
  axis?: { id: string; along: "horizontal" | "vertical"; from: number; to: number };
}

/** What the browser measured of one drawn figure. */
export interface Measured {
  width: number;
  height: number;
  labels: Label[];
  /** The tick labels of each log axis, by axis id (`x`, `y2`). */
  logTicks: Record<string, string[]>;
  /** The tick labels of each colour bar. */
  colourBars?: string[][];
}

/** Pixels by which a box may leave the figure or overlap another: anti-aliasing, rounding. */
export const tolerance = 1;

const quote = (label: Label) => `${label.kind} "${label.text}"`;

const superscripts: Record<string, string> = {
  "⁰": "0",
  "¹": "1",
  "²": "2",
  "³": "3",
  "⁴": "4",
  "⁵": "5",
  "⁶": "6",
  "⁷": "7",
  "⁸": "8",
  "⁹": "9",
  "⁻": "-",
};

/**
 * The number a tick label shows: "20", "0.5", "−3", "2k", "1e−3", "10⁻³", "10−3" (plotly's power
 * format, its exponent drawn raised); NaN for anything else.
 * @example tickValue("10⁻³") // => 0.001
 */
export function tickValue(text: string): number {
  const t = text
    .trim()
    .replace(/[−–]/g, "-")
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]/g, (c) => superscripts[c]);
  // A power of ten: its exponent in superscripts, or negative ("10−3"); "100" is a hundred.
  const raised = /[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]/.test(text) || /^10-\d+$/.test(t);
  const power = t.match(/^10(-?\d+)$/);
  if (power && raised) return 10 ** Number(power[1]);
  const suffixed = t.match(/^(-?\d+(?:\.\d+)?(?:e-?\d+)?)([kM]?)$/);
  if (!suffixed) return NaN;
  return Number(suffixed[1]) * (suffixed[2] === "k" ? 1e3 : suffixed[2] === "M" ? 1e6 : 1);
}

/**
 * What is wrong with a drawn figure's labels, one sentence each: a label that reaches outside the
 * figure; two labels whose boxes overlap by more than `tolerance` in both directions (the legend's
 * box counts as a label against everything that is not part of the legend); a log axis whose tick
 * labels include a bare minor digit (a label that reads no larger than one before it, as "2" after
 * "10" standing for 20); an axis
 * title that runs past either end of its axis (into the next subplot); a colour bar with fewer than
 * two tick labels (one number gives no scale).
 * @example labelProblems({ width: 100, height: 50, labels: [{ kind: "title", text: "T", box: { left: 90, top: 0, right: 110, bottom: 10 } }], logTicks: {} })
 * // => ['title "T" reaches 10 px outside the figure (right)']
 */
export function labelProblems(measured: Measured): string[] {
  const problems: string[] = [];
  const { width, height, labels } = measured;
  for (const label of labels) {
    const { left, top, right, bottom } = label.box;
    const out = [
      ["left", -left],
      ["top", -top],
      ["right", right - width],
      ["bottom", bottom - height],
    ].filter(([, by]) => (by as number) > tolerance) as [string, number][];
    if (out.length)
      problems.push(
        `${quote(label)} reaches ${Math.round(Math.max(...out.map(([, by]) => by)))} px outside the figure (${out.map(([side]) => side).join(", ")})`,
      );
  }
  for (const label of labels) {
    if (!label.axis) continue;
    const { id, along, from, to } = label.axis;
    const [start, end] =
      along === "vertical" ? [label.box.top, label.box.bottom] : [label.box.left, label.box.right];
    const by = Math.max(from - start, end - to);
    if (by > tolerance)
      problems.push(
        `${quote(label)} runs ${Math.round(by)} px past the ends of its axis ${id} (${Math.round(from)}–${Math.round(to)} px)`,
      );
  }
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) {
      const [a, b] = [labels[i], labels[j]];
      const legendPair = (x: Label, y: Label) =>
        x.kind === "legend box" && (y.kind === "legend" || y.kind === "legend title");
      if (legendPair(a, b) || legendPair(b, a)) continue;
      const across = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
      const down = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
      if (across > tolerance && down > tolerance)
        problems.push(
          `${quote(a)} and ${quote(b)} overlap (${Math.round(across)} × ${Math.round(down)} px)`,
        );
    }
  for (const [axis, ticks] of Object.entries(measured.logTicks)) {
    // Tick labels run in increasing order along an axis: a label that reads no larger than one before
    // it stands for a larger number than it says ("2" after "10" meaning 20). "1 2 5 10 20" is fine.
    let largest = -Infinity;
    const bare = ticks.filter((text) => {
      const value = tickValue(text);
      if (Number.isNaN(value)) return false;
      const smaller = value <= largest;
      largest = Math.max(largest, value);
      return smaller;
    });
    if (bare.length)
      problems.push(
        `log axis ${axis} shows bare minor digits ${bare.map((t) => `"${t}"`).join(", ")} among its tick labels ${ticks.map((t) => `"${t}"`).join(" ")}`,
      );
  }
  (measured.colourBars ?? []).forEach((ticks, i) => {
    if (ticks.length < 2)
      problems.push(
        `colour bar ${i + 1} shows ${ticks.length} tick label(s) (${ticks.map((t) => `"${t}"`).join(", ") || "none"}): it needs two to give a scale`,
      );
  });
  return problems;
}

/**
 * How much of a text's box, above and below, holds no ink: the box the browser gives an SVG text is
 * its font's em box with the line's leading (17 px for 13-px Helvetica), about 2 px taller at each
 * end than the letters of the labels drawn here. Without it, an axis title and a legend that clearly
 * stand apart (03 §3.9, 2 px between the letters and the legend) would count as overlapping.
 */
export const leading = 2;

/**
 * Runs in the page (`page.evaluate(measureLabelsInPage, id)`): every visible text of the figure drawn
 * in the element `id` (plotly.js's SVG layers, not the hover layer; a 3-D scene's axis labels are
 * drawn by WebGL and are not seen) with `leading` taken off its box above and below, and the legend's
 * box, each with its kind from plotly.js's classes, relative to the element's box; the extent of
 * each axis with its title; and the tick labels of each log axis.
 */
export function measureLabelsInPage(id: string): Measured {
  type Axis = { type?: string; _id?: string; _offset?: number; _length?: number };
  const gd = document.getElementById(id) as HTMLElement & { _fullLayout: Record<string, Axis> };
  const inset = 2; // `leading`: the function runs in the page, where module constants are not seen.
  const frame = gd.getBoundingClientRect();
  const relative = (r: DOMRect): Box => ({
    left: r.left - frame.left,
    top: r.top - frame.top,
    right: r.right - frame.left,
    bottom: r.bottom - frame.top,
  });
  const classOf = (element: Element | null) => element?.getAttribute("class") ?? "";
  const kindOf = (text: Element): string => {
    const own = classOf(text);
    const parent = classOf(text.parentElement);
    if (text.closest(".colorbar"))
      return /title/.test(own + parent) ? "colour-bar title" : "colour-bar tick";
    if (/^[xy]\d*tick$/.test(parent)) return "tick label";
    if (/legendtitletext/.test(own)) return "legend title";
    if (/legendtext/.test(own)) return "legend";
    if (/slider-label/.test(own)) return "slider label";
    if (/slider-currentvalue/.test(own)) return "slider value";
    if (/^gtitle$/.test(own)) return "title";
    if (/^[xy]\d*title$/.test(own)) return "axis title";
    if (/annotation-text/.test(own)) return "annotation";
    if (/updatemenu/.test(own + parent)) return "menu";
    return own || parent || "text";
  };
  const visible = (element: Element) => {
    for (let e: Element | null = element; e && e !== gd; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.display === "none" || style.visibility === "hidden" || style.opacity === "0")
        return false;
    }
    return true;
  };
  const labels: Label[] = [];
  for (const text of Array.from(gd.querySelectorAll(".main-svg text"))) {
    if (text.closest(".hoverlayer")) continue;
    const content = (text.textContent ?? "").trim();
    const r = text.getBoundingClientRect();
    if (!content || r.width === 0 || r.height === 0 || !visible(text)) continue;
    const box = relative(r);
    labels.push({
      kind: kindOf(text),
      text: content,
      box: { ...box, top: box.top + inset, bottom: box.bottom - inset },
    });
  }
  // Each axis title with the extent of its axis.
  for (const axis of Object.values(gd._fullLayout)) {
    const id = axis?._id;
    if (!id || !/^[xy]\d*$/.test(id) || axis._offset === undefined || !axis._length) continue;
    const title = gd.querySelector(`.main-svg text.${id}title`);
    const label = labels.find(
      (l) => l.kind === "axis title" && title && l.text === title.textContent?.trim(),
    );
    if (label)
      label.axis = {
        id,
        along: id.startsWith("x") ? "horizontal" : "vertical",
        from: axis._offset,
        to: axis._offset + axis._length,
      };
  }
  for (const bg of Array.from(gd.querySelectorAll(".legend > .bg"))) {
    const r = bg.getBoundingClientRect();
    if (r.width > 0 && r.height > 0 && visible(bg))
      labels.push({ kind: "legend box", text: "", box: relative(r) });
  }
  const logTicks: Record<string, string[]> = {};
  for (const [key, axis] of Object.entries(gd._fullLayout))
    if (/^[xy]axis\d*$/.test(key) && axis?.type === "log" && axis._id)
      logTicks[axis._id] = Array.from(gd.querySelectorAll(`.${axis._id}tick text`))
        .filter(visible)
        .map((t) => t.textContent ?? "");
  const colourBars = Array.from(gd.querySelectorAll(".colorbar")).map((bar) =>
    Array.from(bar.querySelectorAll(".cbaxis text"))
      .filter(visible)
      .map((t) => (t.textContent ?? "").trim())
      .filter(Boolean),
  );
  return { width: frame.width, height: frame.height, labels, logTicks, colourBars };
}

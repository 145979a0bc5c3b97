/**
 * Labelled ticks for a logarithmic axis or colour bar, so that every label is a whole number a reader
 * can read alone: never plotly's bare minor digits ("2 3" after 10, meaning 20 and 30). Over many
 * decades, one tick per decade 10ᵏ (every second, third, … decade beyond ten of them); over few, ticks at 1, 2 and 5 × 10ᵏ written in full (20, 0.05);
 * over less than a factor of about 5, every 1…9 × 10ᵏ written in full. The other 1…9 × 10ᵏ in range
 * are returned as unlabelled minor ticks (grid lines that show the scale is logarithmic); over more
 * than six decades, only the decades left unlabelled.
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb §3.10 (batch sizes on a log axis), §3.11 (steps on a log axis)
 */
import { InvalidArgumentError } from "../errors/errors";

export interface LogTicks {
  /** Where the labelled ticks go, in data values (not log₁₀). */
  tickvals: number[];
  /** Their labels: "1", "10", "10<sup>−3</sup>", "20", "0.05", "2×10<sup>−5</sup>". */
  ticktext: string[];
  /** The other 1…9 × 10ᵏ in range, for unlabelled minor ticks or grid lines. */
  minorvals: number[];
}

/** Fewer labelled ticks than this and the next, denser set is taken. */
const enoughTicks = 4;
/** More decades than this and only every second (third, …) decade is labelled. */
const mostTicks = 10;
/** Over more decades than this, minor ticks only at the decades left unlabelled. */
const fewDecades = 6;

const superscript = (k: number) => `<sup>${String(k).replace("-", "−")}</sup>`;

/**
 * m × 10ᵏ as a label: a decade as a power ("10<sup>−3</sup>", but "1" and "10"), other ticks in full
 * where that is short ("20", "0.05"), else "2×10<sup>−5</sup>".
 */
function label(m: number, k: number, decades: boolean): string {
  if (decades) return k === 0 || k === 1 ? String(10 ** k) : `10${superscript(k)}`;
  if (k >= -3 && k <= 4) return String(Number((m * 10 ** k).toPrecision(1)));
  return m === 1 ? `10${superscript(k)}` : `${m}×10${superscript(k)}`;
}

/**
 * Ticks for a log axis over [lo, hi] (both > 0; the data's smallest and largest values).
 * Empty when the range holds fewer than two of the 1…9 × 10ᵏ: leave such a short axis to plotly, whose
 * labels there are full numbers.
 * @throws InvalidArgumentError when lo or hi is not a positive finite number, or lo > hi
 * @example
 * logTicks(1, 25).ticktext; // => ["1", "2", "5", "10", "20"]
 * @example
 * logTicks(3e-6, 40).ticktext; // => ["10<sup>−5</sup>", "10<sup>−4</sup>", "10<sup>−3</sup>", "10<sup>−2</sup>", "10<sup>−1</sup>", "1", "10"]
 */
export function logTicks(lo: number, hi: number): LogTicks {
  if (!(lo > 0 && hi >= lo && Number.isFinite(hi)))
    throw new InvalidArgumentError(
      `logTicks: the range is [${lo}, ${hi}]; expected 0 < lo ≤ hi < ∞`,
    );
  const inRange = (v: number) => v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9);
  const candidates: { m: number; k: number; v: number }[] = [];
  for (let k = Math.floor(Math.log10(lo)); k <= Math.ceil(Math.log10(hi)); k++)
    for (let m = 1; m <= 9; m++) {
      const v = Number((m * 10 ** k).toPrecision(1));
      if (inRange(v)) candidates.push({ m, k, v });
    }
  if (candidates.length < 2) return { tickvals: [], ticktext: [], minorvals: [] };
  const sets = [[1], [1, 2, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9]].map((ms) =>
    candidates.filter((c) => ms.includes(c.m)),
  );
  const level = sets.findIndex((set) => set.length >= enoughTicks);
  // Over very many decades, every second (third, …) decade: at most `mostTicks` labels.
  const every = level === 0 ? Math.ceil(sets[0].length / mostTicks) : 1;
  const chosen = (level === -1 ? candidates : sets[level]).filter((c) => c.k % every === 0);
  return {
    tickvals: chosen.map((c) => c.v),
    ticktext: chosen.map((c) => label(c.m, c.k, level === 0)),
    // Over many decades the digits' lines would merge into a grey band: then only the skipped decades.
    minorvals: (level === 0 && sets[0].length > fewDecades ? sets[0] : candidates)
      .filter((c) => !chosen.includes(c))
      .map((c) => c.v),
  };
}

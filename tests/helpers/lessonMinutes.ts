// How long a lesson's core path takes, estimated from what is on the page: the words a learner reads
// and the code cells they run and read. Each lesson states its core path in one line near its top,
//   Core path: §4.1–4.5, §4.7 · about 80 minutes
// and tests/corePath.test.ts holds the stated minutes against this estimate.
//
// The rates (deliberately slow, for a first read of technical text with formulas):
// - prose: 130 words a minute (silent reading of plain text is about 240; with equations, half that);
// - code: one minute per cell to run it and look at its output, plus 10 lines a minute to read it.
// Exercises are not part of the session (homework: they say how long they take), nor are sections the
// lesson marks optional ("Going deeper", or listed after "Optional:").

export const WORDS_PER_MINUTE = 130;
export const MINUTES_PER_CELL = 1;
export const CODE_LINES_PER_MINUTE = 10;

export interface NotebookCell {
  cell_type: string;
  source: string | string[];
}

export interface CorePath {
  /** The section numbers the line lists, e.g. ["4.1", "4.2", …]. */
  sections: string[];
  /** The minutes the line states. */
  minutes: number;
  /** The line as written. */
  line: string;
}

export const corePathPattern = /Core path: (§[^·\n]+?) · about (\d+) minutes/;

const text = (cell: NotebookCell): string => [cell.source].flat().join("");

/** Expands "§4.1–4.5, §4.7" (en dash or hyphen ranges within one lesson) into ["4.1", …, "4.5", "4.7"]. */
export function expandSections(list: string): string[] {
  return list
    .split(/,|\band\b/)
    .map((part) => part.trim().replace(/^§/, ""))
    .filter((part) => part.length > 0)
    .flatMap((part) => {
      const range = part.match(/^(\d+)\.(\d+)\s*[–-]\s*(?:§?(\d+)\.)?(\d+)$/);
      if (range) {
        const [, lesson, from, toLesson, to] = range;
        if (toLesson !== undefined && toLesson !== lesson)
          throw new Error(`core path: the range ${part} spans two lessons`);
        const sections: string[] = [];
        for (let k = Number(from); k <= Number(to); k++) sections.push(`${lesson}.${k}`);
        return sections;
      }
      if (/^\d+\.\d+$/.test(part)) return [part];
      throw new Error(`core path: cannot read the section "${part}"`);
    });
}

/** The core-path line among the first three Markdown cells, or undefined. */
export function findCorePath(cells: NotebookCell[]): CorePath | undefined {
  for (const cell of cells.filter((c) => c.cell_type === "markdown").slice(0, 3)) {
    const match = text(cell).match(corePathPattern);
    if (match)
      return { sections: expandSections(match[1]), minutes: Number(match[2]), line: match[0] };
  }
  return undefined;
}

/** The number of a `## N.M Title` heading, or the title of an unnumbered `##` heading. */
function sectionOf(cell: NotebookCell): { number?: string; title: string } | undefined {
  if (cell.cell_type !== "markdown") return undefined;
  const heading = text(cell).match(/^##\s+(.*)$/m);
  if (!heading || !text(cell).trimStart().startsWith("## ")) return undefined;
  const numbered = heading[1].match(/^(\d+\.\d+)\s/);
  return numbered ? { number: numbered[1], title: heading[1] } : { title: heading[1] };
}

/** Whether an unnumbered section belongs to the session: Setup and Summary do; Exercises and "Going deeper" do not. */
function unnumberedIsCore(title: string): boolean {
  return !/^(Exercises|Going deeper)/i.test(title);
}

/** The cells on the core path: the opening, the listed sections, Setup and Summary. */
export function coreCells(cells: NotebookCell[], sections: string[]): NotebookCell[] {
  let inCore = true; // the title and opening cells come before any ## heading
  return cells.filter((cell) => {
    const section = sectionOf(cell);
    if (section)
      inCore =
        section.number !== undefined
          ? sections.includes(section.number)
          : unnumberedIsCore(section.title);
    return inCore;
  });
}

/** Counts words of prose (Markdown without code fences, HTML tags and LaTeX commands). */
export function proseWords(markdown: string): number {
  const plain = markdown
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\\[a-zA-Z]+/g, " ")
    .replace(/[{}_^$\\|#*`]/g, " ");
  return plain.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export interface MinutesEstimate {
  words: number;
  codeCells: number;
  codeLines: number;
  minutes: number;
}

/** The estimate for a set of cells, in minutes (not rounded). */
export function estimateMinutes(cells: NotebookCell[]): MinutesEstimate {
  const words = cells
    .filter((c) => c.cell_type === "markdown")
    .reduce((sum, c) => sum + proseWords(text(c)), 0);
  const code = cells.filter((c) => c.cell_type === "code");
  const codeLines = code.reduce(
    (sum, c) =>
      sum +
      text(c)
        .split("\n")
        .filter((line) => line.trim().length > 0).length,
    0,
  );
  const minutes =
    words / WORDS_PER_MINUTE + code.length * MINUTES_PER_CELL + codeLines / CODE_LINES_PER_MINUTE;
  return { words, codeCells: code.length, codeLines, minutes };
}

/** The section numbers of every `## N.M` heading in the lesson. */
export function numberedSections(cells: NotebookCell[]): string[] {
  return cells.flatMap((cell) => sectionOf(cell)?.number ?? []);
}

/**
 * A generated region of a Markdown file: the lines between `<!-- BEGIN GENERATED: name -->` and
 * `<!-- END GENERATED: name -->`, each marker on a line of its own. `npm run bench` writes its tables
 * into docs/benchmarks.md's `bench` region this way; everything outside the markers is written by hand
 * and left as it is. Tested in tests/benchDocs.test.ts.
 */

const begin = (name: string) => `<!-- BEGIN GENERATED: ${name} -->`;
const end = (name: string) => `<!-- END GENERATED: ${name} -->`;

/** The line numbers of a marker, where it stands alone on its line. */
function markerLines(lines: string[], marker: string): number[] {
  return lines.flatMap((line, i) => (line.trim() === marker ? [i] : []));
}

/** The lines of the region, as indices: the begin marker's and the end marker's. */
function locate(text: string, name: string): { lines: string[]; from: number; to: number } {
  const lines = text.split("\n");
  const starts = markerLines(lines, begin(name));
  const ends = markerLines(lines, end(name));
  if (starts.length !== 1 || ends.length !== 1)
    throw new Error(
      `generatedRegion: expected one "${begin(name)}" and one "${end(name)}" line; found ${starts.length} and ${ends.length}`,
    );
  if (ends[0] < starts[0])
    throw new Error(`generatedRegion: "${end(name)}" comes before "${begin(name)}"`);
  return { lines, from: starts[0], to: ends[0] };
}

/**
 * The region's content, without its markers and the blank lines just inside them.
 * @throws Error when the markers are missing, repeated or in the wrong order.
 * @example readGeneratedRegion("a\n<!-- BEGIN GENERATED: x -->\n\nb\n\n<!-- END GENERATED: x -->", "x"); // => "b"
 */
export function readGeneratedRegion(text: string, name: string): string {
  const { lines, from, to } = locate(text, name);
  return lines
    .slice(from + 1, to)
    .join("\n")
    .trim();
}

/**
 * The text with the region's content replaced by `content` (a blank line after the begin marker and
 * before the end marker, so the Markdown inside renders as its own blocks); the markers and everything
 * outside them unchanged.
 * @throws Error when the markers are missing, repeated or in the wrong order.
 * @example replaceGeneratedRegion("<!-- BEGIN GENERATED: x -->\nold\n<!-- END GENERATED: x -->", "x", "new"); // => "<!-- BEGIN GENERATED: x -->\n\nnew\n\n<!-- END GENERATED: x -->"
 */
export function replaceGeneratedRegion(text: string, name: string, content: string): string {
  const { lines, from, to } = locate(text, name);
  return [...lines.slice(0, from + 1), "", content.trim(), "", ...lines.slice(to)].join("\n");
}

/**
 * The one place that talks to the notebook: everything the course shows goes through here. It works
 * under both of the course's kernels, found at run time: Deno's (`Deno.jupyter`, which sends a whole
 * MIME bundle per output) and tslab's (loaded only when running under it, so Deno never loads tslab).
 * Anywhere else (tests, scripts) it prints the text of the HTML, so every helper still works outside
 * Jupyter.
 */

/** A MIME bundle: one representation of an output per MIME type (JSON types carry an object). */
export type MimeBundle = Record<string, string | object>;

/** What the course uses of Deno's kernel API (`Deno.jupyter`, present only inside `deno jupyter`). */
interface DenoJupyter {
  broadcast(
    msgType: string,
    content: Record<string, unknown>,
    extra?: Record<string, unknown>,
  ): void;
}

/** Deno's kernel API when this code runs inside Deno's Jupyter kernel; undefined elsewhere. */
function denoJupyter(): DenoJupyter | undefined {
  const deno = (globalThis as { Deno?: { jupyter?: DenoJupyter } }).Deno;
  return deno?.jupyter;
}

/** tslab's writer of display data, set while tslab runs a cell (null outside a kernel). */
type WriteDisplayData = NonNullable<typeof import("tslab/dist/jupyter").lastWriteDisplayData>;

/**
 * tslab's writer of display data when this code runs inside tslab's kernel, loaded on first use with
 * Node's `require` (tslab runs cells as CommonJS; under Deno there is no `require` and tslab is never
 * loaded). Outside a kernel tslab leaves it null.
 */
function tslabWriter(): WriteDisplayData | undefined {
  if (typeof require !== "function") return undefined;
  const jupyter: typeof import("tslab/dist/jupyter") = require("tslab/dist/jupyter");
  return jupyter.lastWriteDisplayData ?? undefined;
}

/**
 * The text of a piece of HTML, for `text/plain` and for printing outside Jupyter.
 * @example htmlToText("<div>a &lt; b</div><script>x()</script>"); // => "a < b"
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<(br|\/tr|\/p|\/div|\/h\d)>/g, "\n")
    .replace(/<\/t[dh]>/g, "\t")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();
}

/**
 * Sends one output to the notebook: `display_data`, or with `update` an `update_display_data` that
 * replaces the output of the same `displayId`. Under Deno it is `Deno.jupyter.broadcast`, which sends
 * at the call (`Deno.jupyter.display` first awaits its formatter), so outputs keep the order of the
 * calls; under tslab it goes through tslab's own writer (tslab.display sends one MIME type per output).
 * @returns false outside a kernel (nothing sent)
 */
function send(bundle: MimeBundle, displayId?: string, update = false): boolean {
  const transient = displayId === undefined ? {} : { display_id: displayId };
  const deno = denoJupyter();
  if (deno) {
    const type = update ? "update_display_data" : "display_data";
    deno.broadcast(type, { data: bundle, metadata: {}, transient });
    return true;
  }
  const write = tslabWriter();
  if (!write) return false;
  // JSON MIME types carry an object on the wire (Jupyter's protocol); tslab's type says strings.
  write({ data: bundle as Record<string, string>, metadata: {}, transient }, update);
  return true;
}

/**
 * The bundle of an HTML output: `text/html`, `data` beside it, and under Deno `text/plain` (tslab's
 * outputs stay as they were: HTML and the data).
 */
function htmlBundle(html: string, data: Record<string, string | object> = {}): MimeBundle {
  const bundle: MimeBundle = denoJupyter() ? { "text/plain": htmlToText(html) } : {};
  return { ...bundle, ...data, "text/html": html };
}

/**
 * Shows HTML below the cell (or prints its text outside Jupyter).
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb §3.7
 */
export function showHtml(html: string): void {
  if (!send(htmlBundle(html))) console.log(htmlToText(html));
}

/**
 * Shows HTML below the cell with machine-readable data beside it, in one output: a MIME bundle of
 * `text/html` and each entry of `data` (a JSON object, e.g. under `application/vnd.…+json`, or an
 * image). A front end shows the richest type it has a renderer for and ignores a MIME type it has no
 * renderer for; a program reading the executed notebook (the grader) reads the data. Outside Jupyter
 * it prints the text.
 * @example showHtmlWithData("<b>✓ done</b>", { "application/vnd.example+json": { done: true } }); // shows ✓ done
 */
export function showHtmlWithData(html: string, data: Record<string, string | object>): void {
  if (!send(htmlBundle(html, data))) console.log(htmlToText(html));
}

/**
 * A display that overwrites itself in place: live progress under a cell.
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb §3.6
 */
export interface LiveDisplay {
  /** Replaces what this display shows, in place. */
  update(html: string): void;
}

/**
 * A display that overwrites itself in place: live progress without a wall of log lines. Its first
 * update is a new output, the next ones replace it (`update_display_data`), under either kernel;
 * outside Jupyter it stays quiet.
 * @example
 * const progress = liveDisplay();
 * for (let step = 1; step <= 100; step++) progress.update(`step ${step}`); // shows step 1 … step 100, in one place
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb §3.6
 */
export function liveDisplay(): LiveDisplay {
  // Unique across kernel restarts too: a front end keeps the ids of the outputs it shows.
  const id = globalThis.crypto.randomUUID();
  let shown = false;
  return {
    update(html: string) {
      if (send(htmlBundle(html), id, shown)) shown = true;
    },
  };
}

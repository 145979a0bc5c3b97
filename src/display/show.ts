/**
 * The one place that talks to the notebook: everything the course shows goes through here. Inside the
 * tslab kernel it displays HTML; anywhere else (tests, scripts) it prints the text of the HTML, so
 * every helper still works outside Jupyter.
 */
import * as tslab from "tslab";
import * as tslabJupyter from "tslab/dist/jupyter";

function htmlToText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<(br|\/tr|\/p|\/div|\/h\d)>/g, "\n")
    .replace(/<\/t[dh]>/g, "\t")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();
}

// Outside a running kernel tslab's display throws "Not ready": then print the text instead.
let kernel = true;

/**
 * Shows HTML below the cell (or prints its text outside Jupyter).
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb §3.7
 */
export function showHtml(html: string): void {
  if (kernel) {
    try {
      tslab.display.html(html);
      return;
    } catch {
      kernel = false;
    }
  }
  console.log(htmlToText(html));
}

/**
 * Shows HTML below the cell with machine-readable data beside it, in one output: a MIME bundle of
 * `text/html` and each entry of `data` (a JSON object, e.g. under `application/vnd.…+json`). A front
 * end shows the HTML and ignores a MIME type it has no renderer for; a program reading the executed
 * notebook (the grader) reads the data. `tslab.display` sends one MIME type per output, so the bundle
 * goes through tslab's own writer of display data (tslab 1.0). Outside Jupyter it prints the text.
 * @example showHtmlWithData("<b>✓ done</b>", { "application/vnd.example+json": { done: true } }); // shows ✓ done
 */
export function showHtmlWithData(html: string, data: Record<string, object>): void {
  // Set by tslab while it runs a cell; null outside a kernel.
  const write = tslabJupyter.lastWriteDisplayData;
  if (typeof write === "function") {
    // JSON MIME types carry an object on the wire (Jupyter's protocol); tslab's type says strings.
    const bundle = { ...data, "text/html": html } as unknown as Record<string, string>;
    write({ data: bundle, metadata: {}, transient: {} }, false);
    return;
  }
  showHtml(html);
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
 * A display that overwrites itself in place: live progress without a wall of log lines.
 * @example
 * const progress = liveDisplay();
 * for (let step = 1; step <= 100; step++) progress.update(`step ${step}`); // shows step 1 … step 100, in one place
 * @see notebooks/03-gradient-descent-linear-neuron.ipynb §3.6
 */
export function liveDisplay(): LiveDisplay {
  const display = tslab.newDisplay();
  return {
    update(html: string) {
      if (!kernel) return;
      try {
        display.html(html);
      } catch {
        kernel = false;
      }
    },
  };
}

/**
 * The one place that talks to the notebook: everything the course shows goes through here. Inside the
 * tslab kernel it displays HTML; anywhere else (tests, scripts) it prints the text of the HTML, so
 * every helper still works outside Jupyter.
 */
import * as tslab from "tslab";

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

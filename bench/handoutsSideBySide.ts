/**
 * Measure 5 (bench/handouts.ts) of two builds of the handouts side by side, in one run: every page
 * of both folders loaded in the same interleaved rounds (page by page, the first folder's copy and
 * then the second's), so a machine getting busier slows both alike. Prints a Markdown table: each
 * page's bytes and median times in both builds, and the ratios new / old.
 * Usage: node --import tsx bench/handoutsSideBySide.ts OLD_DIR NEW_DIR [LOADS]
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { type HandoutPage, measurePages } from "./handouts";

/** Each page both folders have (`.html`), measured over `loads` interleaved rounds: `[old, new]`. */
export async function sideBySide(
  oldDir: string,
  newDir: string,
  loads: number,
): Promise<[HandoutPage, HandoutPage][]> {
  const pages = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".html"));
  const both = pages(oldDir)
    .filter((f) => pages(newDir).includes(f))
    .sort();
  const measured = await measurePages(
    both.flatMap((f) => [path.join(oldDir, f), path.join(newDir, f)]),
    loads,
  );
  return both.map((_, i) => [measured[2 * i], measured[2 * i + 1]]);
}

const ms = (v: number | null) => (v === null ? "–" : (v / 1000).toFixed(2));
const ratio = (a: number | null, b: number | null) => (a && b ? (b / a).toFixed(2) : "–");

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const [oldDir, newDir, loads = "5"] = process.argv.slice(2);
  sideBySide(path.resolve(oldDir), path.resolve(newDir), Number(loads)).then((rows) => {
    const columns = [
      "msToFiguresShown",
      "msToPlotlyReady",
      "msToFirstScreenLive",
      "msToFiguresLive",
    ];
    console.log(
      "| page | MB old → new (×) | figures shown, s (×) | plotly.js ready, s (×) | first screen live, s (×) | every figure live, s (×) |",
    );
    console.log("| --- | --- | --- | --- | --- | --- |");
    for (const [a, b] of rows) {
      const times = columns.map((c) => {
        const [x, y] = [a[c as keyof HandoutPage], b[c as keyof HandoutPage]] as (number | null)[];
        return `${ms(x)} → ${ms(y)} (${ratio(x, y)})`;
      });
      const mb = `${(a.bytes / 1e6).toFixed(2)} → ${(b.bytes / 1e6).toFixed(2)} (${ratio(a.bytes, b.bytes)})`;
      console.log(`| ${a.page} | ${mb} | ${times.join(" | ")} |`);
    }
  });
}

// The class report: one HTML file that opens offline (no script, no outside resource), light and
// readable by a screen reader. Pass rates per exercise, learners by lesson with one mark per exercise,
// and every row that is not a pass with its reason.
import { escapeHtml, failColour, passColour } from "../../src/internal";
import type { Lesson } from "./exercises";
import { resultMark, tally, type GradeRow, type Result } from "./grades";

/** What the report says about the run besides the rows. */
export interface ReportInfo {
  /** The folder graded, as the teacher typed it. */
  folder: string;
  /** When, e.g. "2026-12-03 14:05". */
  date: string;
  /** The course's version, e.g. a git commit ("" when unknown). */
  version?: string;
}

const colours: Record<Result, string> = {
  pass: passColour,
  fail: failColour,
  "not attempted": "#57606a",
  error: "#9a6700",
};

const css = `
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; background: #fff; margin: 0; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
caption { text-align: left; color: #57606a; padding-bottom: .25rem; }
th, td { border-bottom: 1px solid #d0d7de; padding: .3rem .6rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.bar { display: inline-block; width: 8rem; height: .7rem; background: #eaeef2; border-radius: .35rem; vertical-align: middle; margin-right: .5rem; }
.bar span { display: block; height: 100%; background: ${passColour}; border-radius: .35rem; }
.marks { font: 1.1rem/1 ui-monospace, "DejaVu Sans Mono", monospace; letter-spacing: .15rem; white-space: nowrap; }
${(Object.keys(colours) as Result[]).map((r) => `.r-${r.replace(" ", "-")} { color: ${colours[r]}; }`).join("\n")}
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
details { margin: .25rem 0; }
summary { cursor: pointer; }
td.reason { max-width: 40rem; overflow-wrap: anywhere; }
.legend > span { margin-right: 1rem; }
@media print { details { display: block; } }
`;

const cls = (r: Result) => `r-${r.replace(" ", "-")}`;
const percent = (n: number, d: number) => (d === 0 ? 0 : Math.round((100 * n) / d));

/** One exercise's mark in the learners' table: the symbol for the eye, the words for a screen reader. */
function mark(exercise: string, result: Result): string {
  return `<span class="${cls(result)}" aria-hidden="true">${resultMark[result]}</span><span class="visually-hidden">${escapeHtml(`${exercise}: ${result}.`)}</span>`;
}

/** The class report as one HTML page. */
export function reportHtml(rows: GradeRow[], lessons: Lesson[], info: ReportInfo): string {
  const learners = [...new Set(rows.map((r) => r.learner))];
  const shown = lessons.filter((l) => rows.some((r) => r.lesson === l.name));
  const total = tally(rows);
  const counts = (Object.keys(total) as Result[])
    .map((r) => `<span class="${cls(r)}">${resultMark[r]}</span> ${total[r]} ${r}`)
    .join(", ");

  const exerciseRows = shown.flatMap((lesson) =>
    lesson.exercises.map((e) => {
      const these = rows.filter((r) => r.lesson === lesson.name && r.exercise === e.label);
      const t = tally(these);
      const p = percent(t.pass, these.length);
      return `<tr><td>${lesson.number}</td><td>${escapeHtml(e.label)}</td><td><code>${escapeHtml(e.checker)}</code></td>
<td><span class="bar" aria-hidden="true"><span style="width:${p}%"></span></span>${t.pass} of ${these.length} (${p} %)</td>
<td class="num">${t.fail}</td><td class="num">${t["not attempted"]}</td><td class="num">${t.error}</td></tr>`;
    }),
  );

  const learnerRows = learners.map((learner) => {
    const mine = rows.filter((r) => r.learner === learner);
    const cells = shown.map((lesson) => {
      const theirs = mine.filter((r) => r.lesson === lesson.name);
      const ordered = [
        ...lesson.exercises.flatMap((e) => theirs.filter((r) => r.exercise === e.label)),
        ...theirs.filter((r) => !lesson.exercises.some((e) => e.label === r.exercise)),
      ];
      return `<td class="marks">${ordered.map((r) => mark(r.exercise, r.result)).join("")}</td>`;
    });
    const t = tally(mine);
    return `<tr><th scope="row">${escapeHtml(learner)}</th>${cells.join("")}<td class="num">${t.pass} of ${mine.length}</td></tr>`;
  });

  const problems = learners
    .map((learner) => {
      const bad = rows.filter((r) => r.learner === learner && r.result !== "pass");
      if (bad.length === 0) return "";
      const t = tally(bad);
      const said = (["error", "fail", "not attempted"] as Result[])
        .filter((r) => t[r] > 0)
        .map((r) => `${t[r]} ${r}`)
        .join(", ");
      // Rows with the same result and reason (a missing folder, a lesson that failed early) as one.
      const groups: { result: Result; reason: string; which: GradeRow[] }[] = [];
      for (const r of bad) {
        const last = groups[groups.length - 1];
        if (last && last.result === r.result && last.reason === r.reason) last.which.push(r);
        else groups.push({ result: r.result, reason: r.reason, which: [r] });
      }
      const which = (rs: GradeRow[]) =>
        [...new Set(rs.map((r) => r.lesson))]
          .map(
            (lesson) =>
              `${lesson.slice(0, 2)}: ${rs
                .filter((r) => r.lesson === lesson)
                .map((r) => r.exercise.replace(/^Exercise /, ""))
                .join(", ")}`,
          )
          .join("; ");
      const lines = groups
        .map(
          (g) =>
            `<tr><td>${escapeHtml(which(g.which))}</td><td class="${cls(g.result)}">${resultMark[g.result]} ${g.result}</td><td class="reason">${escapeHtml(g.reason)}</td></tr>`,
        )
        .join("\n");
      return `<details${t.error > 0 ? " open" : ""}><summary>${escapeHtml(learner)}: ${said}</summary>
<table><thead><tr><th scope="col">lesson: exercises</th><th scope="col">result</th><th scope="col">reason</th></tr></thead>
<tbody>${lines}</tbody></table></details>`;
    })
    .filter((s) => s !== "");

  const lessonHeads = shown
    .map((l) => `<th scope="col"><abbr title="${escapeHtml(l.title)}">${l.number}</abbr></th>`)
    .join("");
  const legend = (Object.keys(resultMark) as Result[])
    .map(
      (r) => `<span><span class="${cls(r)}" aria-hidden="true">${resultMark[r]}</span> ${r}</span>`,
    )
    .join("");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Downhill class report, ${escapeHtml(info.date)}</title>
<style>${css}</style>
</head>
<body>
<main>
<h1>Downhill class report</h1>
<p>${learners.length} learner${learners.length === 1 ? "" : "s"} graded from <code>${escapeHtml(info.folder)}</code> on ${escapeHtml(info.date)}${info.version ? `, course version ${escapeHtml(info.version)}` : ""}. Lessons: ${shown.map((l) => escapeHtml(l.title)).join("; ") || "none"}.</p>
<p>${rows.length} exercise grades: ${counts}. An exercise passes only when its checker ran in a fresh kernel and said so; <em>error</em> means the checker could not give a verdict (its cell, or a cell before it, failed, was aborted or ran past the time limit, or the notebook is missing or not this course version's).</p>

<h2 id="exercises">Pass rate per exercise</h2>
<table aria-labelledby="exercises">
<thead><tr><th scope="col">lesson</th><th scope="col">exercise</th><th scope="col">checker</th><th scope="col">passed</th><th scope="col">fail</th><th scope="col">not attempted</th><th scope="col">error</th></tr></thead>
<tbody>
${exerciseRows.join("\n")}
</tbody>
</table>

<h2 id="learners">Learners by lesson</h2>
<p class="legend">One mark per exercise, in order: ${legend}</p>
<table aria-labelledby="learners">
<thead><tr><th scope="col">learner</th>${lessonHeads}<th scope="col">passed</th></tr></thead>
<tbody>
${learnerRows.join("\n")}
</tbody>
</table>

<h2 id="problems">What did not pass, and why</h2>
${problems.length > 0 ? problems.join("\n") : "<p>Every exercise passed.</p>"}
</main>
</body>
</html>
`;
}

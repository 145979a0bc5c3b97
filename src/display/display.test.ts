import assert from "node:assert/strict";
import { test } from "node:test";
import { gradcheck } from "../calculus/gradcheck";
import { escapeHtml, escapeInlineScript, formatNumber } from "./format";
import { failColour, passColour, verdictColour } from "./verdict";
import { gradcheckHtml } from "./gradcheckTable";
import { tableHtml } from "./table";

test("numbers are shown with four significant digits, exponents for the very small and large", () => {
  assert.equal(formatNumber(Math.PI), "3.142");
  assert.equal(formatNumber(1.23456e-9), "1.235e-9");
  assert.equal(formatNumber(-2.5e7), "-2.5e7");
  assert.equal(formatNumber(1e-7, 2), "1e-7");
  assert.equal(formatNumber(0), "0");
  assert.equal(formatNumber(NaN), "NaN");
  assert.equal(formatNumber(-Infinity), "−∞");
  assert.equal(formatNumber(123.456, 6), "123.456");
});

test("a table escapes its text and formats its numbers", () => {
  const html = tableHtml([{ name: "<w>", value: 1 / 3 }], { title: "T&T" });
  assert.match(html, /<th[^>]*>name<\/th>/);
  assert.match(html, /&lt;w&gt;/);
  assert.match(html, />0.3333</);
  assert.match(html, /T&amp;T/);
  assert.equal(escapeHtml(`"a" < b`), "&quot;a&quot; &lt; b");
});

test("a gradient-check table shows each parameter and a verdict that names the worst one", () => {
  const f = ([a, b]: number[]) => a * a * b;
  const good = gradcheckHtml(gradcheck(f, [4, 1], [1, 2]), "f = a²b");
  assert.match(good, /✓ passed: max scaled error .* ≤ 1e-7/);
  assert.match(good, /w\[0\].*w\[1\]/s);
  const bad = gradcheckHtml(gradcheck(f, [4, 1.5], [1, 2]));
  assert.match(bad, /✗ FAILED: .* > 1e-7 \(at w\[1\]\)/);
});

test("outside a kernel, showHtml prints the text of the HTML and liveDisplay stays quiet", async () => {
  const { showHtml, liveDisplay } = await import("./show");
  const printed: string[] = [];
  const original = console.log;
  console.log = (text: string) => printed.push(text);
  try {
    showHtml("<div>a &lt; b</div><script>ignored()</script>");
    liveDisplay().update("<b>step 1</b>");
  } finally {
    console.log = original;
  }
  assert.deepEqual(printed, ["a < b"]);
});

test("HTML with data beside it goes out as one output, a bundle of both MIME types", async () => {
  const { showHtmlWithData } = await import("./show");
  const jupyter = await import("tslab/dist/jupyter");
  const sent: unknown[] = [];
  const writer = (data: unknown, update: boolean) => sent.push({ data, update });
  const module = jupyter as unknown as { lastWriteDisplayData: unknown };
  // What tslab sets while it runs a cell (null outside a kernel).
  assert.equal(module.lastWriteDisplayData, null);
  module.lastWriteDisplayData = writer;
  try {
    showHtmlWithData("<b>✓</b>", { "application/vnd.example+json": { ok: true } });
  } finally {
    module.lastWriteDisplayData = null;
  }
  assert.deepEqual(sent, [
    {
      data: {
        data: { "application/vnd.example+json": { ok: true }, "text/html": "<b>✓</b>" },
        metadata: {},
        transient: {},
      },
      update: false,
    },
  ]);
});

test("inline-script escaping: the doc example, and a `<!--` the parser cannot take for a comment", () => {
  assert.equal(escapeInlineScript('s = "</script>"'), 's = "<\\/script>"');
  assert.equal(escapeInlineScript('"<!--" + "</SCRIPT"'), '"\\x3C!--" + "<\\/SCRIPT"');
  assert.equal(eval(escapeInlineScript('"</script><!--"')), "</script><!--");
});

test("a verdict is green when it passed and red when it failed", () => {
  assert.equal(verdictColour(true), passColour);
  assert.equal(verdictColour(false), failColour);
  assert.notEqual(passColour, failColour);
});

test("under Deno's kernel, outputs are whole MIME bundles and a live display replaces itself by its id", async () => {
  const { showHtml, showHtmlWithData, liveDisplay } = await import("./show");
  // What Deno.jupyter offers inside `deno jupyter` (tests/denoKernel.test.ts runs the real kernel).
  const sent: { type: string; content: Record<string, unknown> }[] = [];
  const global = globalThis as { Deno?: unknown };
  global.Deno = {
    jupyter: {
      broadcast: (type: string, content: object) =>
        sent.push({ type, content: content as Record<string, unknown> }),
    },
  };
  try {
    showHtml("<b>a &lt; b</b>");
    showHtmlWithData("<i>✓</i>", { "application/vnd.example+json": { ok: true } });
    const progress = liveDisplay();
    progress.update("step 1");
    progress.update("step 2");
  } finally {
    delete global.Deno;
  }
  assert.deepEqual(
    sent.slice(0, 2).map((m) => m.content.data),
    [
      { "text/html": "<b>a &lt; b</b>", "text/plain": "a < b" },
      { "text/html": "<i>✓</i>", "text/plain": "✓", "application/vnd.example+json": { ok: true } },
    ],
  );
  const [first, second] = sent.slice(2);
  assert.deepEqual([first.type, second.type], ["display_data", "update_display_data"]);
  const id = (m: { content: Record<string, unknown> }) =>
    (m.content.transient as { display_id?: string }).display_id;
  assert.ok(id(first) && id(first) === id(second));
  assert.equal((second.content.data as Record<string, string>)["text/html"], "step 2");
});

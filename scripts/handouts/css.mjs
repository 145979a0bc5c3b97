// The page's large stylesheets (JupyterLab's, ~0.5 MB inlined by nbconvert) without the rules that
// cannot match anything on the page: a rule stays when one of its selectors needs only classes and ids
// the page's HTML has. Nothing on a handout page adds classes later except plotly.js, which brings its
// own styles, so what is dropped could never apply. Conservative where unsure: `:not(…)`, `:is(…)`,
// attribute selectors and escaped names never cause a drop; at-rules other than @media/@supports are
// kept whole. Then, in every stylesheet, the custom properties that nothing reads: JupyterLab and its
// theme declare about 500 (60 KB of them its icons as data URLs), and a page reads about a hundred. A
// custom property stays when `var(--name)` appears anywhere on the page outside the declarations of
// custom properties, or in the value of one that stays.

/** Stylesheets smaller than this are left as they are (the course's own, the syntax colours). */
const minimumToPrune = 20_000;

/**
 * A top-level item of a stylesheet: a block (`prelude { body }`) or anything else (`text`).
 * @typedef {{ prelude: string, body: string, text?: undefined } | { text: string }} CssItem
 */

/**
 * A rule's new text from its selector list and declarations ("" drops it).
 * @typedef {(selectorList: string, body: string) => string} RuleRewrite
 */

/**
 * Splits CSS into top-level items: `{ prelude, body }` for blocks, `{ text }` for the rest.
 * @param {string} css
 */
function items(css) {
  /** @type {CssItem[]} */
  const out = [];
  let i = 0;
  let start = 0;
  const skipString = (/** @type {number} */ j) => {
    const quote = css[j];
    for (j += 1; j < css.length && css[j] !== quote; j++) if (css[j] === "\\") j++;
    return j;
  };
  while (i < css.length) {
    const c = css[i];
    if (c === "/" && css[i + 1] === "*") {
      const end = css.indexOf("*/", i + 2);
      i = end < 0 ? css.length : end + 2;
      start = i;
      continue;
    }
    if (c === '"' || c === "'") {
      i = skipString(i) + 1;
      continue;
    }
    if (c === ";") {
      out.push({ text: css.slice(start, i + 1) });
      start = ++i;
      continue;
    }
    if (c === "{") {
      let depth = 1;
      let j = i + 1;
      for (; j < css.length && depth > 0; j++) {
        if (css[j] === "/" && css[j + 1] === "*") {
          const end = css.indexOf("*/", j + 2);
          j = end < 0 ? css.length : end + 1;
        } else if (css[j] === '"' || css[j] === "'") j = skipString(j);
        else if (css[j] === "{") depth++;
        else if (css[j] === "}") depth--;
      }
      out.push({ prelude: css.slice(start, i).trim(), body: css.slice(i + 1, j - 1) });
      start = i = j;
      continue;
    }
    i++;
  }
  const rest = css.slice(start).trim();
  if (rest) out.push({ text: rest });
  return out;
}

/**
 * Splits a selector list at its top-level commas.
 * @param {string} list
 */
function selectors(list) {
  const out = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    if (list[i] === "(" || list[i] === "[") depth++;
    else if (list[i] === ")" || list[i] === "]") depth--;
    else if (list[i] === "," && depth === 0) {
      out.push(list.slice(start, i));
      start = i + 1;
    }
  }
  out.push(list.slice(start));
  return out;
}

/**
 * Whether a selector can match a page with these class names and ids (conservative: true when unsure).
 * @param {string} selector @param {Set<string>} classes @param {Set<string>} ids
 */
function canMatch(selector, classes, ids) {
  if (selector.includes("\\")) return true;
  let plain = selector.replace(/\[[^\]]*\]/g, "");
  // Arguments of functional pseudo-classes never make a selector impossible here.
  while (/:[\w-]+\([^()]*\)/.test(plain)) plain = plain.replace(/:[\w-]+\([^()]*\)/g, "");
  for (const [, name] of plain.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g))
    if (!classes.has(name)) return false;
  for (const [, name] of plain.matchAll(/#(-?[_a-zA-Z][\w-]*)/g)) if (!ids.has(name)) return false;
  return true;
}

/**
 * The sheet rewritten rule by rule: `rule(selectorList, body)` returns the rule's new text, or "" to
 * drop it. @media, @supports and @layer blocks are rewritten inside (and dropped when empty); other
 * at-rules stay whole.
 * @param {string} css
 * @param {RuleRewrite} rule
 * @returns {string}
 */
function eachRule(css, rule) {
  return items(css)
    .map((item) => {
      if (item.text !== undefined) return item.text;
      const { prelude, body } = item;
      if (/^@(media|supports|layer)\b/i.test(prelude)) {
        const inner = eachRule(body, rule);
        return inner.trim() ? `${prelude} {\n${inner}\n}` : "";
      }
      if (prelude.startsWith("@")) return `${prelude} {${body}}`;
      return rule(prelude, body);
    })
    .filter(Boolean)
    .join("\n");
}

/**
 * The rules with a selector that can match the page (canMatch), each keeping only those selectors.
 * @param {string} css @param {Set<string>} classes @param {Set<string>} ids
 */
function prune(css, classes, ids) {
  return eachRule(css, (prelude, body) => {
    const kept = selectors(prelude).filter((s) => canMatch(s, classes, ids));
    return kept.length ? `${kept.map((s) => s.trim()).join(",\n")} {${body}}` : "";
  });
}

/**
 * Splits a declaration block at its top-level semicolons: not inside a string, `url(…)` or comment.
 * @param {string} body
 */
function declarations(body) {
  const out = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === "/" && body[i + 1] === "*") {
      const end = body.indexOf("*/", i + 2);
      i = end < 0 ? body.length : end + 1;
    } else if (c === '"' || c === "'") {
      for (i += 1; i < body.length && body[i] !== c; i++) if (body[i] === "\\") i++;
    } else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === ";" && depth === 0) {
      out.push(body.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (body.slice(start).trim()) out.push(body.slice(start));
  return out;
}

/** @param {string} declaration */
const customProperty = (declaration) => declaration.match(/^\s*(--[\w-]+)\s*:/)?.[1];
/** @param {string} text */
const readProperties = (text) => [...text.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1]);

/**
 * The sheet without the custom property declarations that `keep(name, declaration)` refuses, and
 * without the rules that leaves empty.
 * @param {string} css
 * @param {(name: string, declaration: string) => boolean} keep
 */
function withCustomProperties(css, keep) {
  return eachRule(css, (prelude, body) => {
    const kept = declarations(body).filter((d) => {
      const name = customProperty(d);
      return name === undefined || keep(name, d);
    });
    return kept.some((d) => d.trim()) ? `${prelude} {${kept.join("")}}` : "";
  });
}

const stylePattern = /(<style\b[^>]*>)([\s\S]*?)(<\/style>)/g;

/**
 * Applies `change(css)` to each `<style>` element of the page of at least `minimum` characters.
 * @param {string} html @param {(css: string) => string} change
 */
const eachSheet = (html, change, minimum = 0) =>
  html.replace(stylePattern, (all, open, css, close) =>
    css.length < minimum ? all : `${open}\n${change(css)}\n${close}`,
  );

/**
 * The page without the custom properties its stylesheets declare and nothing reads.
 * @param {string} html
 */
function pruneCustomProperties(html) {
  // The page with every custom property declaration set aside (name → its declarations).
  /** @type {Map<string, string[]>} */
  const declared = new Map();
  const outside = eachSheet(html, (css) =>
    withCustomProperties(css, (name, declaration) => {
      declared.set(name, [...(declared.get(name) ?? []), declaration]);
      return false;
    }),
  );
  /** @type {Set<string>} */
  const read = new Set();
  const pending = readProperties(outside);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (read.has(name)) continue;
    read.add(name);
    for (const value of declared.get(name) ?? []) pending.push(...readProperties(value));
  }
  return eachSheet(html, (css) => withCustomProperties(css, (name) => read.has(name)));
}

/**
 * The page with the unused rules of its large `<style>` elements removed, then the custom properties
 * of any of its stylesheets that nothing left reads.
 * @param {string} html
 */
export function pruneStyles(html) {
  /** @type {Set<string>} */
  const classes = new Set();
  for (const [, list] of html.matchAll(/\bclass="([^"]*)"/g))
    for (const name of list.split(/\s+/)) if (name) classes.add(name);
  const ids = new Set([...html.matchAll(/\bid="([^"]*)"/g)].map((m) => m[1]));
  return pruneCustomProperties(eachSheet(html, (css) => prune(css, classes, ids), minimumToPrune));
}

// The page's large stylesheets (JupyterLab's, ~0.5 MB inlined by nbconvert) without the rules that
// cannot match anything on the page: a rule stays when one of its selectors needs only classes and ids
// the page's HTML has. Nothing on a handout page adds classes later except plotly.js, which brings its
// own styles, so what is dropped could never apply. Conservative where unsure: `:not(…)`, `:is(…)`,
// attribute selectors and escaped names never cause a drop; at-rules other than @media/@supports are
// kept whole; custom properties (`:root`) always stay.

/** Stylesheets smaller than this are left as they are (the course's own, the syntax colours). */
const minimumToPrune = 20_000;

/** Splits CSS into top-level items: `{ prelude, body }` for blocks, `{ text }` for the rest. */
function items(css) {
  const out = [];
  let i = 0;
  let start = 0;
  const skipString = (j) => {
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

/** Splits a selector list at its top-level commas. */
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

/** Whether a selector can match a page with these class names and ids (conservative: true when unsure). */
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

function prune(css, classes, ids) {
  return items(css)
    .map((item) => {
      if (item.text !== undefined) return item.text;
      const { prelude, body } = item;
      if (/^@(media|supports|layer)\b/i.test(prelude)) {
        const inner = prune(body, classes, ids);
        return inner.trim() ? `${prelude} {\n${inner}\n}` : "";
      }
      if (prelude.startsWith("@")) return `${prelude} {${body}}`;
      const kept = selectors(prelude).filter((s) => canMatch(s, classes, ids));
      return kept.length ? `${kept.map((s) => s.trim()).join(",\n")} {${body}}` : "";
    })
    .filter(Boolean)
    .join("\n");
}

/** The page with the unused rules of its large `<style>` elements removed. */
export function pruneStyles(html) {
  const classes = new Set();
  for (const [, list] of html.matchAll(/\bclass="([^"]*)"/g))
    for (const name of list.split(/\s+/)) if (name) classes.add(name);
  const ids = new Set([...html.matchAll(/\bid="([^"]*)"/g)].map((m) => m[1]));
  return html.replace(/(<style\b[^>]*>)([\s\S]*?)(<\/style>)/g, (all, open, css, close) =>
    css.length < minimumToPrune ? all : `${open}\n${prune(css, classes, ids)}\n${close}`,
  );
}

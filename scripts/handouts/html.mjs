// HTML as a parsed document (htmlparser2's DOM), for every rewriting of the handouts: found with CSS
// selectors (css-select), changed through the DOM (domutils), written back by dom-serializer.
import * as cssSelect from "css-select";
import render from "dom-serializer";
import { Element, Text } from "domhandler";
import { appendChild, removeElement } from "domutils";
import { parseDocument } from "htmlparser2";

export { appendChild, removeElement };
export { replaceElement, textContent } from "domutils";
export { Text };

/** @typedef {import("domhandler").Document} Document */
/** @typedef {import("domhandler").Element} HtmlElement */
/** @typedef {import("domhandler").AnyNode} AnyNode */

/**
 * The elements under `root` that match the CSS selector `query`, in document order.
 * @param {string} query @param {AnyNode | AnyNode[]} root @returns {HtmlElement[]}
 */
export const selectAll = (query, root) => cssSelect.selectAll(query, root);

/**
 * The first of them, or null.
 * @param {string} query @param {AnyNode} root @returns {HtmlElement | null}
 */
export const selectOne = (query, root) => cssSelect.selectOne(query, root);

/** @param {string} html */
export const parseHtml = (html) => parseDocument(html);

/**
 * The node as HTML. With `ascii`, every character beyond ASCII in markup is a character reference
 * (`&#x2248;`), so Chromium parses the page in 8-bit strings (scripts and style sheets are written as
 * they are: pages.mjs makes them ASCII).
 * @param {AnyNode | AnyNode[]} node
 */
export const renderHtml = (node, { ascii = false } = {}) =>
  render(node, { encodeEntities: ascii ? true : "utf8" });

/**
 * A new element: `element("script", { type: "application/json" }, "{}")`.
 * @param {string} name @param {Record<string, string>} attributes @param {string} [text]
 */
export function element(name, attributes, text) {
  const node = new Element(name, attributes);
  if (text !== undefined) appendChild(node, new Text(text));
  return node;
}

/**
 * Makes `text` the element's only child.
 * @param {HtmlElement} node @param {string} text
 */
export function setText(node, text) {
  for (const child of [...node.children]) removeElement(child);
  appendChild(node, new Text(text));
}

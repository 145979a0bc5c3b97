// Headless Chromium for the handouts (the builder renders figure images with it, the tests open the
// pages with it): Debian's chromium through playwright-core, with the flags that keep it off the network.
// Launch it once per build or test run and share it.
import { chromium } from "playwright-core";
import { chromiumPath } from "../environment.mjs";

export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** @typedef {import("playwright-core").Browser} Browser */

/** Starts headless Chromium; close it when done. */
export function launchBrowser() {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

/**
 * A browser context in which every request that is not for a file:// (or data:/blob:) URL is aborted.
 * Returns the context and the list of URLs it blocked, which grows as pages ask for more.
 * @param {Browser} browser
 * @param {import("playwright-core").BrowserContextOptions} [options]
 */
export async function offlineContext(browser, options = {}) {
  const context = await browser.newContext(options);
  /** @type {string[]} */
  const blocked = [];
  await context.route(/^(?!file:|data:|blob:)/, (route) => {
    blocked.push(route.request().url());
    return route.abort();
  });
  return { context, blocked };
}

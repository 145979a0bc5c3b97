// A page of highlighted code as nbconvert writes it (Pygments' markup) with the light theme's rules for
// these classes: what the handouts' highlighting compaction works on (tests/handoutCompaction.test.ts,
// tests/handoutFunctions.test.ts).
const styles =
  `<style>.highlight pre { font: 14px/1.3 monospace; margin: 0 } ` +
  `.highlight .k { color: #008000; font-weight: bold } .highlight .p { color: #05a } ` +
  `.highlight .o { color: #a120f2; font-weight: bold } .highlight .w { color: #212121 } ` +
  `.highlight .mf { color: #007e00 } .highlight .err { border: 1px solid #f00 }</style>`;
const code =
  `<div class=" highlight hl-typescript"><pre><span></span><span class="k">const</span>` +
  `<span class="w"> </span><span class="nx">step</span><span class="w"> </span><span class="o">=</span>` +
  `<span class="w"> </span><span class="nx">w</span><span class="p">.</span><span class="nx">map</span>` +
  `<span class="p">((</span><span class="nx">wi</span><span class="p">)</span><span class="w"> </span>` +
  `<span class="p">=&gt;</span><span class="w"> </span><span class="nx">wi</span><span class="w"> </span>` +
  `<span class="o">-</span><span class="w"> </span><span class="mf">0.1</span><span class="p">)</span>` +
  `<span class="p">;</span><span class="err"> </span><span class="err"> </span>\n</pre></div>`;

export const codePage = `<!DOCTYPE html><html><head>${styles}</head><body>${code}</body></html>`;

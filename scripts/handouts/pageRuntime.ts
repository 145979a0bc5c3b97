// The handout page's one script, bundled by esbuild into the page's head (pages.mjs). Each figure
// shows its static image from the first paint (the template's style sheet, under `.downhill-js`). Once
// the page has loaded, decoded its images and painted, the script unpacks plotly.js and the figures'
// data (gzipped, base64-encoded data blocks the browser does not compile) and draws each figure live,
// one at a time, when it comes within a screen's height of the viewport; the image then hides (print
// still shows it). Where scripts do not run, the images stay.

/** The ids of the data blocks pages.mjs (handoutPage) writes. */
const blockIds = { plotly: "downhill-plotly", figures: "downhill-figure-data" };

type Plotly = { newPlot(element: HTMLElement, figure: unknown): Promise<unknown> };

/** The text of a data block, as packText (src/plot/figure.ts) packed it. */
async function unpack(block: HTMLElement): Promise<string> {
  const bytes = Uint8Array.from(atob(block.textContent ?? ""), (c) => c.charCodeAt(0));
  return new Response(
    new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip")),
  ).text();
}

/** Sets `window.Plotly`: from its data block, or (a `--shared` site) from the file it names. */
async function loadPlotly(): Promise<void> {
  const block = document.getElementById(blockIds.plotly);
  const src = block?.dataset.src;
  if (block && !src) (0, eval)(`${await unpack(block)}\n//# sourceURL=downhill-plotly.min.js`);
  if (!src) return;
  const script = Object.assign(document.createElement("script"), { src });
  await new Promise((done) =>
    document.head.append(Object.assign(script, { onload: done, onerror: done })),
  );
}

/**
 * Each figure's JSON by figure id: a line per shared array (`<TAB>json`), then a line per figure
 * (`id<TAB>json`), where `\u0001k\u0001` stands for shared array k (figureData.mjs); a shared array's
 * marks name only later ones.
 */
async function figureData(): Promise<Map<string, string>> {
  const block = document.getElementById(blockIds.figures);
  const lines = block ? (await unpack(block)).split("\n") : [];
  const shared: string[] = [];
  while (lines[0]?.startsWith("\t")) shared.push(lines.shift()!.slice(1));
  const mark = /\u0001(\d+)\u0001/g;
  const restore = (_: string, k: string) => shared[Number(k)];
  for (let k = shared.length - 1; k >= 0; k--) shared[k] = shared[k].replace(mark, restore);
  const split = (line: string) => [
    line.slice(0, line.indexOf("\t")),
    line.slice(line.indexOf("\t") + 1),
  ];
  return new Map(lines.map(split).map(([id, json]) => [id, json.replace(mark, restore)]));
}

const nextTask = () => new Promise((done) => setTimeout(done, 0));
const nextFrame = () => new Promise((done) => requestAnimationFrame(done));

/** Draws each figure when it comes near the viewport, one at a time, then hides its image. */
function drawNearFigures(plotly: Plotly, data: Map<string, string>): void {
  const due: HTMLElement[] = [];
  let drawing = false;
  const drawDue = async () => {
    if (drawing) return;
    drawing = true;
    for (let figure = due.shift(); figure; figure = due.shift()) {
      try {
        await plotly.newPlot(figure, JSON.parse(data.get(figure.id)!));
        figure
          .querySelector<HTMLElement>(".downhill-figure-note")
          ?.style.setProperty("display", "none");
      } catch (error) {
        console.error("a figure could not be drawn:", error);
      }
      await nextTask();
    }
    drawing = false;
  };
  const near = new IntersectionObserver(
    (entries) => {
      for (const entry of entries.filter((e) => e.isIntersecting)) {
        near.unobserve(entry.target);
        due.push(entry.target as HTMLElement);
      }
      drawDue();
    },
    { rootMargin: "100% 0px" },
  );
  const figures = Array.from(document.querySelectorAll<HTMLElement>(".downhill-figure"));
  for (const figure of figures.filter((f) => data.has(f.id))) near.observe(figure);
}

document.documentElement.classList.add("downhill-js");
window.addEventListener("load", async () => {
  // Once every image is decoded and painted, plotly.js may take the main thread.
  const images = document.querySelectorAll<HTMLImageElement>(".downhill-figure-note img");
  await Promise.all(Array.from(images, (img) => img.decode().catch(() => undefined)));
  await nextFrame().then(nextFrame).then(nextTask);
  try {
    const [data] = await Promise.all([figureData(), loadPlotly()]);
    const plotly = (window as unknown as { Plotly?: Plotly }).Plotly;
    if (plotly && data.size) drawNearFigures(plotly, data);
  } catch (error) {
    console.error("the figures could not be unpacked:", error);
  }
});

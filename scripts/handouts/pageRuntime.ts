// The handout page's one script, bundled by esbuild into the page's head (scripts/handouts/pages.mjs).
// Each figure shows its static image from the first paint (the page's style sheet, under
// `.downhill-js`). Once the page has loaded, decoded its images and painted, it unpacks plotly.js and
// the figures' data (each a gzipped, base64-encoded data block the browser does not compile), then
// draws each figure live when it comes within a screen's height of the viewport, one at a time; the
// image stays until the live figure is drawn, then hides (print still shows it). Where scripts do not
// run, the images stay.

/** The ids of the data blocks the build writes (pages.mjs, handoutPage). */
const blockIds = { plotly: "downhill-plotly", figures: "downhill-figure-data" };

type Plotly = { newPlot(element: HTMLElement, figure: unknown): Promise<unknown> };

/** The text of a data block: gzipped and base64-encoded (packText in src/plot/figure.ts). */
async function unpack(block: HTMLElement): Promise<string> {
  const bytes = Uint8Array.from(atob(block.textContent ?? ""), (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).text();
}

/** Sets `window.Plotly`: from its data block, or (a `--shared` site) from the file it names. */
async function loadPlotly(): Promise<void> {
  const block = document.getElementById(blockIds.plotly);
  if (!block) return;
  const src = block.dataset.src;
  if (!src) return (0, eval)(`${await unpack(block)}\n//# sourceURL=downhill-plotly.min.js`);
  await new Promise((done) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = script.onerror = done;
    document.head.append(script);
  });
}

/**
 * Each figure's JSON by figure id. The block holds a line per array that figures share (`<TAB>json`),
 * then a line per figure (`id<TAB>json`), where `\u0001k\u0001` stands for shared array k
 * (sharedArrays in figureData.mjs); a shared array's marks name only later ones.
 */
async function figureData(): Promise<Map<string, string>> {
  const block = document.getElementById(blockIds.figures);
  if (!block) return new Map();
  const lines = (await unpack(block)).split("\n");
  const shared: string[] = [];
  while (lines[0].startsWith("\t")) shared.push(lines.shift()!.slice(1));
  const mark = /\u0001(\d+)\u0001/g;
  const restore = (_: string, k: string) => shared[Number(k)];
  for (let k = shared.length - 1; k >= 0; k--) shared[k] = shared[k].replace(mark, restore);
  return new Map(
    lines.map((line) => {
      const tab = line.indexOf("\t");
      return [line.slice(0, tab), line.slice(tab + 1).replace(mark, restore)];
    }),
  );
}

const nextTask = () => new Promise((done) => setTimeout(done, 0));
const nextFrame = () => new Promise((done) => requestAnimationFrame(done));

/** Draws the figures as they come near the viewport, one at a time. */
function drawNearFigures(plotly: Plotly, data: Map<string, string>): void {
  const due: HTMLElement[] = [];
  let drawing = false;
  const drawDue = async () => {
    if (drawing) return;
    drawing = true;
    for (let figure = due.shift(); figure; figure = due.shift()) {
      try {
        await plotly.newPlot(figure, JSON.parse(data.get(figure.id)!));
        const note = figure.querySelector<HTMLElement>(".downhill-figure-note");
        if (note) note.style.display = "none";
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
  await nextFrame();
  await nextFrame();
  await nextTask();
  try {
    const [data] = await Promise.all([figureData(), loadPlotly()]);
    const plotly = (window as unknown as { Plotly?: Plotly }).Plotly;
    if (plotly && data.size) drawNearFigures(plotly, data);
  } catch (error) {
    console.error("the figures could not be unpacked:", error);
  }
});

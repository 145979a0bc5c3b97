// The text of a PDF, page by page, read with PDF.js (pdfjs-dist, Mozilla's PDF reader, pure JavaScript:
// no system tool needed).
import { readFileSync } from "node:fs";

/** The PDF's pages, each as its text with runs of whitespace collapsed. */
export async function pdfPages(file: string): Promise<string[]> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const document = await pdfjs.getDocument({
    data: new Uint8Array(readFileSync(file)),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    pages.push(
      content.items
        .map((item: any) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : ""))
        .join("")
        .replace(/\s+/g, " "),
    );
  }
  await document.destroy();
  return pages;
}

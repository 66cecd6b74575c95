/** roilab report --pdf: the whole published report, index first, as one PDF beside its pages. */
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { PDFDocument } from "pdf-lib";
import { writeFileAtomic } from "../../util/atomic-write";
import { mergePages } from "./merge";
import { printPages, type PrintOptions } from "./print-pages";

export { findChromium, CHROMIUM_NAMES } from "./find-chromium";
export type { PrintOptions } from "./print-pages";

/** The PDF's name in the output folder. */
export const PDF_FILE = "report.pdf";

export interface ReportPdfOptions extends PrintOptions {
  outDir: string;
  /** The pages to print, as the index links them, in order: `index.html` first. */
  hrefs: readonly string[];
  title: string;
}

export interface ReportPdf {
  file: string;
  pageCount: number;
}

/** Prints every page, joins them and writes the PDF through a temporary file, so a failed print keeps the last good one. */
export async function writeReportPdf(options: ReportPdfOptions): Promise<ReportPdf> {
  const printed = await printPages(options.hrefs.map((href) => path.join(options.outDir, href)), options);
  const pdf = await mergePages(options.hrefs.map((href, index) => ({ href, pdf: printed[index] as Uint8Array })), { title: options.title, folderUrl: pathToFileURL(path.resolve(options.outDir)).href });
  const file = path.join(options.outDir, PDF_FILE);
  writeFileAtomic(file, pdf);
  return { file, pageCount: (await PDFDocument.load(pdf)).getPageCount() };
}

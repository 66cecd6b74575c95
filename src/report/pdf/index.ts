/** roilab report --pdf: the whole published report, index first, as one PDF beside its pages. */
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { writeFileAtomic } from "../../util/atomic-write";
import type { PrintOptions } from "./print-pages";

export type { PrintOptions } from "./print-pages";

/** The PDF's name in the output folder. */
const PDF_FILE = "report.pdf";

export interface ReportPdfOptions extends PrintOptions {
  outDir: string;
  /** The pages to print, in order (`index.html` first), by file name as the index links them, with their titles. */
  pages: readonly { href: string; title: string }[];
  title: string;
}

export interface ReportPdf {
  file: string;
  pageCount: number;
}

/** Prints every page, joins them and writes the PDF through a temporary file, so a failed print keeps the last good one. */
export async function writeReportPdf(options: ReportPdfOptions): Promise<ReportPdf> {
  // Chromium's driver and the PDF library load here, when a PDF is printed, not with the publisher.
  const [{ printPages }, { mergePages }, { PDFDocument }] = await Promise.all([
    import("./print-pages.js"),
    import("./merge.js"),
    import("pdf-lib"),
  ]);
  const printed = await printPages(
    options.pages.map(({ href }) => path.join(options.outDir, href)),
    options,
  );
  const pdf = await mergePages(
    options.pages.map((page, index) => ({ ...page, pdf: printed[index] as Uint8Array })),
    { title: options.title, folderUrl: pathToFileURL(path.resolve(options.outDir)).href },
  );
  const file = path.join(options.outDir, PDF_FILE);
  writeFileAtomic(file, pdf);
  return { file, pageCount: (await PDFDocument.load(pdf)).getPageCount() };
}

/**
 * Joins the PDFs of a report's pages into one document: links between the report's pages become jumps inside
 * it (a link to a file on the machine that printed it would mean nothing to a reader), every page is numbered,
 * and each report page gets a bookmark.
 */
import { type PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, rgb, StandardFonts, type PDFRef } from "pdf-lib";
import { setOutline } from "./outline";

export interface PrintedPage {
  /** The page's file name as the report links to it (`59.3-break-even.html`). */
  href: string;
  /** Its bookmark in the PDF. */
  title: string;
  pdf: Uint8Array;
}

export interface MergeOptions {
  title: string;
  /** The `file:` URL of the folder the pages were printed from, which their links to each other are under. */
  folderUrl: string;
}

/** The target of a link annotation's URI action, if it has one. */
function linkUri(annotation: PDFDict): string | undefined {
  const action = annotation.lookupMaybe(PDFName.of("A"), PDFDict);
  return action?.lookupMaybe(PDFName.of("URI"), PDFString, PDFHexString)?.decodeText();
}

/** The report page a `file:` link points at, relative to the report's folder, ignoring any `#fragment`. */
function linkedHref(uri: string, folderUrl: string): string | undefined {
  const { origin, pathname } = new URL(uri);
  const folder = new URL(folderUrl.endsWith("/") ? folderUrl : `${folderUrl}/`);
  return origin === folder.origin && pathname.startsWith(folder.pathname)
    ? decodeURIComponent(pathname.slice(folder.pathname.length))
    : undefined;
}

/**
 * Points links to the report's own pages at their first page in the document, and drops links that only
 * made sense in the browser (other local files, anchors inside a page whose names the join does not keep).
 */
function relink(document: PDFDocument, firstPageOf: ReadonlyMap<string, PDFRef>, folderUrl: string): void {
  for (const page of document.getPages()) {
    const annotations = page.node.Annots();
    if (!annotations) continue;
    const kept = annotations.asArray().filter((reference) => {
      const annotation = document.context.lookup(reference);
      if (!(annotation instanceof PDFDict) || annotation.get(PDFName.of("Subtype")) !== PDFName.of("Link")) return true;
      const uri = linkUri(annotation);
      if (uri !== undefined && !uri.startsWith("file:")) return true;
      const target = uri === undefined ? undefined : firstPageOf.get(linkedHref(uri, folderUrl) ?? "");
      if (!target) return false;
      annotation.delete(PDFName.of("A"));
      annotation.set(PDFName.of("Dest"), document.context.obj([target, PDFName.of("Fit")]));
      return true;
    });
    page.node.set(PDFName.of("Annots"), document.context.obj(kept) as PDFArray);
  }
}

/** "3 / 42" at the foot of every page, centred below the printed area. */
async function numberPages(document: PDFDocument): Promise<void> {
  const font = await document.embedFont(StandardFonts.Helvetica);
  const pages = document.getPages();
  pages.forEach((page, index) => {
    const text = `${index + 1} / ${pages.length}`;
    const size = 8;
    page.drawText(text, { x: (page.getWidth() - font.widthOfTextAtSize(text, size)) / 2, y: 16, size, font, color: rgb(0.35, 0.39, 0.43) });
  });
}

/** One PDF of every page, in the order given. */
export async function mergePages(pages: readonly PrintedPage[], options: MergeOptions): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const firstPageOf = new Map<string, PDFRef>();
  for (const { href, pdf } of pages) {
    const source = await PDFDocument.load(pdf);
    const copied = await document.copyPages(source, source.getPageIndices());
    copied.forEach((page) => {
      document.addPage(page);
    });
    if (copied[0]) firstPageOf.set(href, copied[0].ref);
  }
  relink(document, firstPageOf, options.folderUrl);
  setOutline(
    document,
    pages.flatMap(({ href, title }) => (firstPageOf.has(href) ? [{ title, page: firstPageOf.get(href)! }] : [])),
  );
  await numberPages(document);
  document.setTitle(options.title);
  document.setCreator("roilab");
  document.setProducer("roilab");
  return document.save();
}

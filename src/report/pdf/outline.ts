/** The PDF's bookmarks: one per report page, so a reader of a long PDF jumps to a section from the viewer's sidebar. */
import { type PDFDocument, PDFHexString, PDFName, type PDFRef } from "pdf-lib";

export interface OutlineEntry {
  title: string;
  /** The first page of the entry's section. */
  page: PDFRef;
}

/** Sets the document's outline to a flat list of entries, in order, shown open when the PDF opens. */
export function setOutline(document: PDFDocument, entries: readonly OutlineEntry[]): void {
  if (entries.length === 0) return;
  const { context } = document;
  const root = context.nextRef();
  const items = entries.map(() => context.nextRef());
  entries.forEach((entry, index) => {
    const item = context.obj({ Title: PDFHexString.fromText(entry.title), Parent: root, Dest: [entry.page, PDFName.of("Fit")] });
    if (index > 0) item.set(PDFName.of("Prev"), items[index - 1]!);
    if (index < entries.length - 1) item.set(PDFName.of("Next"), items[index + 1]!);
    context.assign(items[index]!, item);
  });
  context.assign(root, context.obj({ Type: "Outlines", First: items[0]!, Last: items.at(-1)!, Count: items.length }));
  document.catalog.set(PDFName.of("Outlines"), root);
  document.catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
}

import { describe, expect, it } from "vitest";
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from "pdf-lib";
import { mergePages } from "../../../src/report/pdf/merge";

const FOLDER = "file:///reports";

/** A one-page PDF whose page carries a link to each URI given, as Chromium prints an `<a href>`. */
async function pageWithLinks(uris: string[]): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const page = document.addPage([595, 842]);
  const annotations = uris.map((uri) =>
    document.context.register(
      document.context.obj({ Type: "Annot", Subtype: "Link", Rect: [10, 10, 100, 30], A: { S: "URI", URI: PDFString.of(uri) } }),
    ),
  );
  page.node.set(PDFName.of("Annots"), document.context.obj(annotations));
  return document.save();
}

/** What each link of each page became: the page number it jumps to, or the URI it still opens. */
async function linksOf(pdf: Uint8Array): Promise<string[][]> {
  const document = await PDFDocument.load(pdf);
  const pageNumber = new Map(document.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  return document.getPages().map((page) =>
    (page.node.Annots()?.asArray() ?? []).map((reference) => {
      const annotation = document.context.lookup(reference, PDFDict);
      const dest = annotation.lookupMaybe(PDFName.of("Dest"), PDFArray);
      if (dest) return `page ${pageNumber.get(dest.get(0).toString())}`;
      return annotation.lookup(PDFName.of("A"), PDFDict).lookup(PDFName.of("URI"), PDFString).decodeText();
    }),
  );
}

/** The document's bookmarks, in order, each with the page number it opens. */
function outlineOf(document: PDFDocument): [string, number | undefined][] {
  const pageNumber = new Map(document.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const entries: [string, number | undefined][] = [];
  let item = document.catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict)?.lookupMaybe(PDFName.of("First"), PDFDict);
  while (item) {
    const title = item.lookup(PDFName.of("Title"), PDFHexString).decodeText();
    entries.push([title, pageNumber.get(item.lookup(PDFName.of("Dest"), PDFArray).get(0).toString())]);
    item = item.lookupMaybe(PDFName.of("Next"), PDFDict);
  }
  return entries;
}

describe("joining a report's printed pages", () => {
  it("keeps the order given, titles the document and gives each report page a bookmark", async () => {
    const merged = await mergePages(
      [
        { href: "index.html", title: "Index", pdf: await pageWithLinks([]) },
        { href: "59.1.html", title: "59.1 — Cost", pdf: await pageWithLinks([]) },
      ],
      { title: "roilab", folderUrl: FOLDER },
    );
    const document = await PDFDocument.load(merged);
    expect(document.getPageCount()).toBe(2);
    expect(document.getTitle()).toBe("roilab");
    expect(outlineOf(document)).toEqual([
      ["Index", 1],
      ["59.1 — Cost", 2],
    ]);
  });

  it("turns links to the report's own pages into jumps to their first page, keeps web links, drops other local files", async () => {
    const index = await pageWithLinks([
      `${FOLDER}/59.3%20break-even.html`,
      `${FOLDER}/59.1.html#prices`,
      "https://example.org/prices",
      `${FOLDER}/2026-11/index.html`,
      "file:///elsewhere/59.1.html",
    ]);
    const merged = await mergePages(
      [
        { href: "index.html", title: "Index", pdf: index },
        { href: "59.1.html", title: "59.1", pdf: await pageWithLinks([]) },
        { href: "59.3 break-even.html", title: "59.3", pdf: await pageWithLinks([`${FOLDER}/index.html`]) },
      ],
      { title: "roilab", folderUrl: FOLDER },
    );
    expect(await linksOf(merged)).toEqual([["page 3", "page 2", "https://example.org/prices"], [], ["page 1"]]);
  });
});

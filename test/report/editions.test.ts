import { describe, expect, it } from "vitest";
import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { editionHref, editionsAround } from "../../src/report/build";
import { renderIndex } from "../../src/report/html/index-page";
import { PLAIN_SITE, renderPage } from "../../src/report/html/page";
import { ROILAB_PAGES } from "../../src/cli/pages";
import { scratchFolders } from "../helpers/notebooks";

const scratch = scratchFolders("roilab-editions-");
const SITE = { heading: "Notebooks", about: "These notebooks" };
const indexOf = (dataFolder: string) => renderIndex({ cards: [], builtAt: "2026-11-29T10:00:00Z", asOf: [], dataFolder, ...SITE });

/** A report build on disk: an index naming its data folder, and the named pages. */
function build(dir: string, dataFolder: string, pages: string[] = []): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "index.html"), indexOf(dataFolder));
  for (const page of pages) writeFileSync(path.join(dir, `${page}.html`), "<p>page</p>");
}

describe("editions found on disk around a build", () => {
  it("are its sub-folders' builds, by their index pages' data folder; a folder without one is not an edition", () => {
    const out = scratch();
    build(path.join(out, "2026-11"), "data/2026-11", ["00-decision"]);
    build(path.join(out, "chapter"), "data");
    mkdirSync(path.join(out, "assets"));
    writeFileSync(path.join(out, "assets", "index.html"), "<p>not a report</p>");
    expect(
      editionsAround(out).map(({ dir, dataFolder, pages }) => ({ dir: path.relative(out, dir), dataFolder, pages: [...pages] })),
    ).toEqual([
      { dir: "2026-11", dataFolder: "data/2026-11", pages: ["00-decision"] },
      { dir: "chapter", dataFolder: "data", pages: [] },
    ]);
  });

  it("from a sub-folder, are the parent build and the parent's other sub-folders, not the sub-folder itself", () => {
    const out = scratch();
    build(out, "data/2026-11");
    build(path.join(out, "2026-05"), "data/2026-05");
    build(path.join(out, "chapter"), "data");
    expect(editionsAround(path.join(out, "chapter")).map((edition) => edition.dataFolder)).toEqual(["data/2026-11", "data/2026-05"]);
    // A parent folder that is no build: a sub-folder's build stands alone.
    expect(editionsAround(path.join(scratch(), "alone"))).toEqual([]);
  });
});

describe("a link to another edition", () => {
  const edition = (dir: string, pages: string[]) => ({ dir, dataFolder: "x", pages: new Set(pages) });

  it("is relative, down, up and across, and opens the same page there, or the index where it has none", () => {
    expect(editionHref("/r", edition("/r/chapter", ["00-decision"]), "00-decision")).toBe("chapter/00-decision.html");
    expect(editionHref("/r/chapter", edition("/r", ["00-decision"]), "00-decision")).toBe("../00-decision.html");
    expect(editionHref("/r/chapter", edition("/r/2026-05", []), "00-decision")).toBe("../2026-05/index.html");
    expect(editionHref("/r/chapter", edition("/r", ["00-decision"]), undefined)).toBe("../index.html");
  });
});

describe("the editions on a page", () => {
  it("the index lists every other edition by its data folder, and none when there is no other", () => {
    const index = renderIndex({
      cards: [],
      builtAt: "2026-11-29T10:00:00Z",
      asOf: [],
      dataFolder: "data",
      ...SITE,
      editions: [
        { href: "../index.html", dataFolder: "data/2026-11" },
        { href: "../2026-05/index.html", dataFolder: "data/2026-05" },
      ],
    });
    expect(index).toContain(
      'Other editions of this report: <a href="../index.html" title="data/2026-11">November 2026</a>, <a href="../2026-05/index.html" title="data/2026-05">May 2026</a>.',
    );
    expect(indexOf("data")).not.toContain("Other editions");
  });

  it("every page's header names its edition and links the others; a report of one edition has no such line", () => {
    const page = (editions?: Parameters<typeof renderPage>[0]["editions"]) =>
      renderPage({ title: "t", site: PLAIN_SITE, body: "", assets: { mode: "inline", css: "", scripts: [] }, footer: "", editions });
    expect(page({ current: "data/2026-11", others: [{ href: "chapter/00-decision.html", dataFolder: "data" }] })).toContain(
      '<nav class="edition-switch" aria-label="Editions">Data edition: <strong aria-current="page" title="data/2026-11">November 2026</strong> · <a href="chapter/00-decision.html" title="data">The book&#39;s data</a></nav>',
    );
    expect(page()).not.toContain("edition-switch");
    expect(page({ current: "data", others: [] })).not.toContain("edition-switch");
  });
});

describe("the index's heading and the header's words", () => {
  it("are the site's the caller names (roilab's from the command line), or the report's --title, escaped", () => {
    const { heading, about } = ROILAB_PAGES.site;
    const roilab = renderIndex({ cards: [], builtAt: "2026-11-29T10:00:00Z", asOf: [], dataFolder: "data", heading, about });
    expect(roilab).toContain("<h1>Model selection cost matrix: cloud vs local ROI</h1>");
    expect(roilab).toContain("Chapter 59&#39;s cost model, re-run on <code>data</code>.");
    expect(
      renderIndex({ cards: [], builtAt: "2026-11-29T10:00:00Z", asOf: [], dataFolder: "data", heading: "Serving <agents>: Q4", about }),
    ).toContain("<h1>Serving &lt;agents&gt;: Q4</h1>");
    const header = (site: typeof PLAIN_SITE) =>
      renderPage({ title: "t", site, body: "", assets: { mode: "inline", css: "", scripts: [] }, footer: "" });
    expect(header(ROILAB_PAGES.site)).toContain('<a href="index.html">roilab</a><span>Cloud vs local LLM cost analysis</span>');
    expect(header(PLAIN_SITE)).not.toContain("LLM");
  });
});

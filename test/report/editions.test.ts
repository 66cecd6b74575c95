import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { editionsBeside } from "../../src/report/build";
import { renderIndex } from "../../src/report/html/index-page";

describe("editions published beside a report", () => {
  it("are found by their index pages' data folder, and the index links each by its folder", () => {
    const out = mkdtempSync(path.join(tmpdir(), "roilab-editions-"));
    try {
      const page = (dataFolder: string) => renderIndex({ cards: [], builtAt: "2026-11-29T10:00:00Z", asOf: [], dataFolder });
      for (const [folder, data] of [["2026-11", "data/2026-11"], ["2027-03", "data/2027-03"]] as const) {
        mkdirSync(path.join(out, folder));
        writeFileSync(path.join(out, folder, "index.html"), page(data));
      }
      mkdirSync(path.join(out, "assets"));
      writeFileSync(path.join(out, "assets", "index.html"), "<p>not a report</p>");
      const editions = editionsBeside(out);
      expect(editions).toEqual([
        { href: "2026-11/index.html", dataFolder: "data/2026-11" },
        { href: "2027-03/index.html", dataFolder: "data/2027-03" },
      ]);
      const index = renderIndex({ cards: [], builtAt: "2026-11-29T10:00:00Z", asOf: [], dataFolder: "data", editions });
      expect(index).toContain('Also published beside this report: <a href="2026-11/index.html">data/2026-11</a>, <a href="2027-03/index.html">data/2027-03</a>.');
      expect(renderIndex({ cards: [], builtAt: "2026-11-29T10:00:00Z", asOf: [], dataFolder: "data" })).not.toContain("Also published");
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe("the index's heading", () => {
  it("is the chapter's by default and the report's --title when one is given, escaped", () => {
    expect(renderIndex({ cards: [], builtAt: "2026-11-29T10:00:00Z", asOf: [], dataFolder: "data" })).toContain("<h1>Model selection cost matrix: cloud vs local ROI</h1>");
    expect(renderIndex({ cards: [], builtAt: "2026-11-29T10:00:00Z", asOf: [], dataFolder: "data", heading: "Serving <agents>: Q4" })).toContain("<h1>Serving &lt;agents&gt;: Q4</h1>");
  });
});

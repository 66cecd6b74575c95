/** Rendered page bodies kept in the output folder: reused while the executed notebook and the options are the same. */
import { afterAll, describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { Notebook } from "../../src/notebook/nbformat";
import { renderCached, RENDER_CACHE_DIR } from "../../src/report/render-cache";
import { tempFolder } from "../helpers/notebooks";

const folder = tempFolder("roilab-render-cache-");
afterAll(() => folder.dispose());

const executed = (ranAt: string): Notebook =>
  ({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { roilab: { cache_key: "key-1", executed_at: ranAt } },
    cells: [
      { cell_type: "markdown", metadata: {}, source: "# Cost model" },
      { cell_type: "code", metadata: {}, source: "const calls = 1000;", outputs: [], execution_count: 1 },
    ],
  }) as unknown as Notebook;

/** Marks the kept body, so that a reuse shows. */
function markKept(name: string): void {
  const file = path.join(folder.dir, RENDER_CACHE_DIR, `${name}.json`);
  const kept = JSON.parse(readFileSync(file, "utf8")) as { rendered: { body: string } };
  kept.rendered.body += "<!-- kept -->";
  writeFileSync(file, JSON.stringify(kept));
}

describe("renderCached", () => {
  it("renders a notebook once and reuses the body until its run or the options change", async () => {
    const first = await renderCached(folder.dir, "59.1", executed("2026-12-07T10:00:00Z"), {});
    expect(first.title).toBe("Cost model");
    expect(first.body).toContain("hljs");
    markKept("59.1");
    expect((await renderCached(folder.dir, "59.1", executed("2026-12-07T10:00:00Z"), {})).body).toContain("<!-- kept -->");
    // Run again (another executed_at), or rendered without code: rendered anew.
    expect((await renderCached(folder.dir, "59.1", executed("2026-12-07T11:00:00Z"), {})).body).not.toContain("<!-- kept -->");
    markKept("59.1");
    const noInput = await renderCached(folder.dir, "59.1", executed("2026-12-07T11:00:00Z"), { noInput: true });
    expect(noInput.body).not.toContain("<!-- kept -->");
    expect(noInput.body).not.toContain("hljs");
  });

  it("keeps an English body under the key it always had, and renders a page in another language anew", async () => {
    await renderCached(folder.dir, "59.2", executed("2026-12-07T10:00:00Z"), {});
    markKept("59.2");
    expect((await renderCached(folder.dir, "59.2", executed("2026-12-07T10:00:00Z"), { lang: "en" })).body).toContain("<!-- kept -->");
    expect((await renderCached(folder.dir, "59.2", executed("2026-12-07T10:00:00Z"), { lang: "zh-CN" })).body).not.toContain(
      "<!-- kept -->",
    );
  });
});

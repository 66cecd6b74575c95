/**
 * A notebook's rendered page body, kept in the output folder by what it was rendered from: a report in which
 * nothing changed renders no notebook again, and never loads the highlighter or the sanitiser, which are most of
 * its time. What it was rendered from is the executed notebook (its cache key and the time it ran, which name its
 * inputs, the library among them) and the render options.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { Notebook } from "../notebook/nbformat";
import { writeFileAtomic } from "../util/atomic-write";
import type { NotebookRenderOptions, RenderedNotebook } from "./html/notebook";

/** Where rendered bodies are kept, inside the output folder. */
export const RENDER_CACHE_DIR = ".roilab-rendered";

function renderKey(executed: Notebook, options: NotebookRenderOptions): string {
  const run = executed.metadata.roilab as { cache_key?: string; executed_at?: string } | undefined;
  // A notebook the runner did not write has no key: its cells are what it is.
  const source = run?.cache_key && run.executed_at ? [run.cache_key, run.executed_at] : executed.cells;
  return (
    createHash("sha256")
      // A language other than English is part of the key; English keeps the key it always had.
      .update(
        JSON.stringify([
          source,
          Boolean(options.noInput),
          Boolean(options.trustHtml),
          options.panelMimeTypes ?? [],
          ...(options.lang && options.lang !== "en" ? [options.lang] : []),
        ]),
      )
      .digest("hex")
  );
}

export async function renderCached(
  outDir: string,
  name: string,
  executed: Notebook,
  options: NotebookRenderOptions,
): Promise<RenderedNotebook> {
  const key = renderKey(executed, options);
  const file = path.join(outDir, RENDER_CACHE_DIR, `${name}.json`);
  try {
    const kept = JSON.parse(readFileSync(file, "utf8")) as { key?: string; rendered?: RenderedNotebook };
    if (kept.key === key && kept.rendered) return kept.rendered;
  } catch {
    // Nothing kept yet, or unreadable: render it.
  }
  // The renderer (highlight.js, markdown-it, sanitize-html) loads only when a page is rendered.
  const { renderNotebook } = await import("./html/notebook.js");
  const rendered = renderNotebook(executed, options);
  try {
    writeFileAtomic(file, JSON.stringify({ key, rendered }));
  } catch {
    // A page rendered but not kept costs the next report a render, nothing more.
  }
  return rendered;
}

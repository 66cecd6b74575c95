import * as path from "node:path";
import type { DataDiff } from "../chapter/diff";
import { writeFileAtomic } from "../util/atomic-write";
import { assetsFor } from "./build";
import { diffHtmlBody } from "./diff";
import { renderFooter, renderPage } from "./html/page";
import { choosePlotlyBuild } from "./plotly-build";
import { dataFileRecords, softwareVersions } from "./provenance";
import { PROJECT_ROOT } from "../notebook/cache";

/** Writes a price-update diff as one self-contained HTML page (it travels alone, e.g. attached to a review). */
export function writeDiffPage(file: string, diff: DataDiff, dirs: { before: string; after: string }): void {
  const labels = { before: path.basename(path.resolve(dirs.before)), after: path.basename(path.resolve(dirs.after)) };
  const html = renderPage({
    title: `roilab — price update ${labels.before} → ${labels.after}`,
    body: diffHtmlBody(diff, labels),
    assets: assetsFor(true, choosePlotlyBuild(["bar"])),
    footer: renderFooter({ data: dataFileRecords(dirs.after), parameters: {}, versions: softwareVersions(PROJECT_ROOT), builtAt: new Date().toISOString() }),
    indexHref: "index.html",
  });
  writeFileAtomic(file, html);
}

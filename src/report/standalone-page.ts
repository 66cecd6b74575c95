/** One page that travels alone (attached to a review, mailed): assets inlined, provenance in its footer. */
import type { DataFileRecord } from "../notebook/data-folder";
import { writeFileAtomic } from "../util/atomic-write";
import { PROJECT_ROOT } from "../util/project-root";
import { assetsFor } from "./build";
import { PLAIN_SITE, renderFooter, renderPage, type SiteText } from "./html/page";
import { choosePlotlyBuild } from "./plotly-build";
import { softwareVersions, type RecordedPackage } from "./provenance";

export interface StandalonePage {
  title: string;
  /** The page's HTML, its figures as `figureMarkup` writes them (bar charts and the slim build's other trace types). */
  body: string;
  /** The data files the page's numbers come from. */
  data: DataFileRecord[];
  /** Packages whose versions its footer records (see ReportOptions). */
  recordedPackages?: readonly RecordedPackage[];
  /** What the site calls itself in the page's header (see ReportOptions). */
  site?: Pick<SiteText, "name" | "tagline">;
}

export function writeStandalonePage(file: string, page: StandalonePage): void {
  const html = renderPage({
    title: page.title,
    site: page.site ?? PLAIN_SITE,
    body: page.body,
    assets: assetsFor(true, choosePlotlyBuild(["bar"])),
    footer: renderFooter({
      data: page.data,
      parameters: {},
      versions: softwareVersions(PROJECT_ROOT, page.recordedPackages),
      builtAt: new Date().toISOString(),
    }),
    indexHref: "index.html",
  });
  writeFileAtomic(file, html);
}

/**
 * The chapter's report, published once per test run and shared by the test files that read it: the 2026-11 edition
 * in its sub-folder first, then the default report, whose index links the edition, as two separate builds do. The first
 * file to ask publishes it; the others wait for its outcome. Tests only read it: one that writes copies it first.
 */
import * as path from "node:path";
import { roilab, type CliResult } from "./cli";
import { DATA_DIR } from "./data-folder";
import { oncePerRun } from "./once-per-run";

export interface ChapterReport {
  /** The default report's folder: pages, index, assets and the executed notebooks. */
  reports: string;
  /** The 2026-11 edition's folder, inside `reports`. */
  edition: string;
  /** `roilab report --out reports` as it ran. */
  build: CliResult;
  /** `roilab report --data data/2026-11 --out reports/2026-11` as it ran. */
  editionBuild: CliResult;
}

export function chapterReport(): Promise<ChapterReport> {
  return oncePerRun("chapter-report", async (root) => {
    const reports = path.join(root, "reports");
    const edition = path.join(reports, "2026-11");
    const editionBuild = await roilab(["report", "--data", path.join(DATA_DIR, "2026-11"), "--out", edition, "--jobs", "2"]);
    const build = await roilab(["report", "--out", reports, "--jobs", "2"]);
    return { reports, edition, build, editionBuild };
  });
}

/**
 * The chapter's report, published once per test run and shared by the test files that read it: the 2026-11 edition
 * in its sub-folder first, then the default report, whose index links the edition, as two separate builds do. The first
 * file to ask publishes it; the others wait for its outcome. Tests only read it: one that writes copies it first.
 */
import { inject } from "vitest";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { roilab, type CliResult } from "./cli";
import { DATA_DIR } from "./data-folder";

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

export async function chapterReport(): Promise<ChapterReport> {
  const root = path.join(inject("e2eScratch"), "chapter-report");
  const reports = path.join(root, "reports");
  const edition = path.join(reports, "2026-11");
  const outcome = path.join(root, "outcome.json");
  try {
    // Making the folder is the claim: exactly one file succeeds.
    mkdirSync(root);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    while (!existsSync(outcome)) await sleep(250);
    return { reports, edition, ...(JSON.parse(readFileSync(outcome, "utf8")) as Pick<ChapterReport, "build" | "editionBuild">) };
  }
  const editionBuild = await roilab(["report", "--data", path.join(DATA_DIR, "2026-11"), "--out", edition, "--jobs", "2"]);
  const build = await roilab(["report", "--out", reports, "--jobs", "2"]);
  writeFileSync(`${outcome}.partial`, JSON.stringify({ build, editionBuild }));
  renameSync(`${outcome}.partial`, outcome);
  return { reports, edition, build, editionBuild };
}

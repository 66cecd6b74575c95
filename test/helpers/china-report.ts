/**
 * The China edition's whole report in Chinese, as a Chinese team publishes it (`report --lang zh-CN --data
 * data/2026-11-cn --currency CNY --pdf`), published once per test run and shared by the test files that read it.
 */
import * as path from "node:path";
import { CHROMIUM } from "./browser";
import { roilab, type CliResult } from "./cli";
import { DATA_DIR } from "./data-folder";
import { oncePerRun } from "./once-per-run";

export const CHINA_EDITION = path.join(DATA_DIR, "2026-11-cn");

export interface ChinaReport {
  /** The report's folder: pages, index, assets, report.pdf. */
  reports: string;
  build: CliResult;
}

export function chinaReport(): Promise<ChinaReport> {
  return oncePerRun("china-report", async (root) => {
    const reports = path.join(root, "reports");
    const build = await roilab([
      "report",
      "--lang",
      "zh-CN",
      "--data",
      CHINA_EDITION,
      "--currency",
      "CNY",
      "--out",
      reports,
      "--jobs",
      "2",
      "--pdf",
      "--chromium",
      CHROMIUM,
    ]);
    return { reports, build };
  });
}

import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { TestProject } from "vitest/node";
import { CHROMIUM } from "./helpers/browser";

/** What the end-to-end tests run besides Node, each with the Debian package that gives it. */
const SYSTEM_PACKAGES: { package: string; present: () => boolean }[] = [
  { package: "chromium", present: () => runs(CHROMIUM, ["--version"]) },
  { package: "poppler-utils", present: () => runs("pdftotext", ["-v"]) },
  { package: "jupyter-nbconvert", present: () => runs("jupyter-nbconvert", ["--version"]) },
  { package: "python3-nbclient", present: () => runs("/usr/bin/python3", ["-c", "import nbclient"]) },
  // The Chinese pages' test reads Chinese drawn in Chromium: without a Chinese face it would draw empty boxes.
  {
    package: "fonts-noto-cjk",
    present: () => spawnSync("fc-list", [":lang=zh-cn", "family"], { encoding: "utf8" }).stdout?.includes("Noto Sans CJK SC") ?? false,
  },
];

const INSTALL = "apt-get install -y chromium poppler-utils jupyter-nbconvert python3-nbclient fonts-noto-cjk";

function runs(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: "ignore" });
  return result.error === undefined && result.status === 0;
}

declare module "vitest" {
  export interface ProvidedContext {
    /** A folder for the whole run, removed after it: where test files share what is costly to make (helpers/chapter-report). */
    e2eScratch: string;
  }
}

/**
 * The end-to-end tests need a few system packages and the compiled library. Missing packages stop the run at once
 * with the one command that installs them; then the library and the reports' browser assets are built, fresh.
 */
export default function setup(project: TestProject): () => void {
  const missing = SYSTEM_PACKAGES.filter((item) => !item.present()).map((item) => item.package);
  if (missing.length) {
    const error = new Error(
      `the end-to-end tests need ${missing.join(", ")}, not installed here. Install them with:\n\n  ${INSTALL}\n\n(npm run test:unit needs none of them.)`,
    );
    // The message is the whole story: no stack trace under it.
    error.stack = `Error: ${error.message}`;
    throw error;
  }
  const root = path.resolve(__dirname, "..");
  execFileSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", path.join(root, "tsconfig.build.json")], {
    stdio: "inherit",
  });
  execFileSync(process.execPath, [path.join(root, "dist/report/build-assets.js")], { stdio: "inherit" });
  const scratch = mkdtempSync(path.join(tmpdir(), "roilab-e2e-"));
  project.provide("e2eScratch", scratch);
  return () => rmSync(scratch, { recursive: true, force: true });
}

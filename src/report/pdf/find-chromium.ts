/** Finds the Chromium that prints a report to PDF: the one the user names, else the first known name on PATH. */
import { accessSync, constants, statSync } from "node:fs";
import * as path from "node:path";
import { UsageError } from "../../errors";

/** Names Chromium and Chrome are installed under by Linux packages and macOS/Windows shims. */
export const CHROMIUM_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"] as const;

const HOW_TO_INSTALL = "install one (Debian/Ubuntu: apt-get install chromium) or name it with --chromium PATH";

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

export interface FindChromiumOptions {
  /** The browser the user named with `--chromium`; it must exist and be executable. */
  given?: string;
  /** The search path, as in the PATH environment variable. Default: this process's PATH. */
  searchPath?: string;
}

/** The absolute path of a Chromium to print with, or a usage error (exit 2) saying how to get one. */
export function findChromium(options: FindChromiumOptions = {}): string {
  if (options.given !== undefined) {
    const file = path.resolve(options.given);
    if (!isExecutableFile(file)) throw new UsageError(`--chromium ${options.given}: no executable browser there; ${HOW_TO_INSTALL}`);
    return file;
  }
  const folders = (options.searchPath ?? process.env.PATH ?? "").split(path.delimiter).filter(Boolean);
  for (const name of CHROMIUM_NAMES) {
    for (const folder of folders) {
      const file = path.resolve(folder, name);
      if (isExecutableFile(file)) return file;
    }
  }
  throw new UsageError(
    `--pdf needs Chromium or Chrome, and none was found on PATH (looked for ${CHROMIUM_NAMES.join(", ")}); ${HOW_TO_INSTALL}`,
  );
}

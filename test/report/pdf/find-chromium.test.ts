import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ExitCode } from "../../../src/errors";
import { usageErrorOf } from "../../helpers/errors";
import { findChromium } from "../../../src/report/pdf/find-chromium";
import { scratchFolders } from "../../helpers/notebooks";

const scratch = scratchFolders("roilab-chromium-");

/** An executable file (or, with `executable: false`, a plain one) at `folder/name`. */
function fakeBrowser(folder: string, name: string, executable = true): string {
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, name);
  writeFileSync(file, "#!/bin/sh\n");
  chmodSync(file, executable ? 0o755 : 0o644);
  return file;
}

describe("finding the Chromium that prints --pdf", () => {
  it("takes the browser the user names, as an absolute path", () => {
    const dir = scratch();
    const browser = fakeBrowser(dir, "my-chrome");
    expect(findChromium({ given: path.relative(process.cwd(), browser), searchPath: "" })).toBe(browser);
  });

  it("refuses a named browser that is missing, not executable or a folder, with exit 2 and how to get one", () => {
    const dir = scratch();
    for (const given of [path.join(dir, "missing"), fakeBrowser(dir, "plain", false), dir]) {
      const error = usageErrorOf(() => findChromium({ given, searchPath: "" }));
      expect(error.exitCode).toBe(ExitCode.badInput);
      expect(error.message).toBe(
        `--chromium ${given}: no executable browser there; install one (Debian/Ubuntu: apt-get install chromium) or name it with --chromium PATH`,
      );
    }
  });

  it("searches PATH for each known name in turn, Chromium before Chrome, skipping files that are not executable", () => {
    const [first, second] = [path.join(scratch(), "bin"), path.join(scratch(), "bin")];
    fakeBrowser(first!, "chromium", false);
    const chrome = fakeBrowser(first!, "google-chrome");
    const chromium = fakeBrowser(second!, "chromium");
    expect(findChromium({ searchPath: [first, second].join(path.delimiter) })).toBe(chromium);
    expect(findChromium({ searchPath: first })).toBe(chrome);
  });

  it("says how to install one when PATH has none", () => {
    const error = usageErrorOf(() => findChromium({ searchPath: [scratch(), ""].join(path.delimiter) }));
    expect(error.exitCode).toBe(ExitCode.badInput);
    expect(error.message).toMatch(
      /^--pdf needs Chromium or Chrome, and none was found on PATH \(looked for chromium, chromium-browser, google-chrome, google-chrome-stable, chrome\); install one \(Debian\/Ubuntu: apt-get install chromium\) or name it with --chromium PATH$/,
    );
  });
});

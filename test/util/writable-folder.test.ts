import { existsSync, readdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ExitCode } from "../../src/errors";
import { usageErrorOf } from "../helpers/errors";
import { ensureWritableFolder } from "../../src/util/writable-folder";
import { scratchFolders } from "../helpers/notebooks";

describe("an output folder checked before any work", () => {
  const scratch = scratchFolders();

  it("creates missing folders level by level and leaves no probe behind", () => {
    const dir = path.join(scratch(), "a", "b", "reports");
    ensureWritableFolder(dir);
    expect(existsSync(dir)).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("refuses a path under /proc at once instead of spinning, naming the folder and the reason (exit 2)", () => {
    const error = usageErrorOf(() => ensureWritableFolder("/proc/roilab-out"));
    expect(error.message).toBe("--out /proc/roilab-out: cannot create /proc/roilab-out (ENOENT)");
    expect(error.exitCode).toBe(ExitCode.badInput);
  });

  it("refuses an existing file, and a folder below one", () => {
    const file = path.join(scratch(), "reports");
    writeFileSync(file, "not a folder");
    expect(usageErrorOf(() => ensureWritableFolder(file)).message).toBe(`--out ${file}: ${file} is a file, not a folder`);
    expect(usageErrorOf(() => ensureWritableFolder(path.join(file, "inner"))).message).toBe(
      `--out ${path.join(file, "inner")}: ${file} is a file, not a folder`,
    );
  });

  it("refuses a folder it cannot write into", () => {
    // sysfs refuses new files even to root.
    expect(usageErrorOf(() => ensureWritableFolder("/sys/kernel")).message).toMatch(
      /^--out \/sys\/kernel: cannot write into the folder \((EACCES|EPERM|EROFS)\)$/,
    );
  });
});

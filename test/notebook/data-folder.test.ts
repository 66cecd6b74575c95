import { createHash } from "node:crypto";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors";
import { readDataFolder } from "../../src/notebook/data-folder";
import { scratchFolders } from "../helpers/notebooks";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("readDataFolder", () => {
  const scratch = scratchFolders();

  function folderWith(files: Record<string, string>) {
    const dir = scratch();
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    return dir;
  }

  it("hashes each file directly in the folder, in name order, with the dates the caller found", () => {
    const dir = folderWith({ "models.csv": "a,b\n1,2\n", "benchmarks.csv": "x\n" });
    const folder = readDataFolder(dir, { "models.csv": "2025-09-01" });
    expect(dir).toBe(dir);
    expect(folder.files).toEqual([
      { name: "benchmarks.csv", sha256: sha256("x\n"), asOf: undefined },
      { name: "models.csv", sha256: sha256("a,b\n1,2\n"), asOf: "2025-09-01" },
    ]);
  });

  it("skips hidden files and subfolders, which are not the notebook's data", () => {
    const dir = folderWith({ "models.csv": "a\n", ".models.csv.123.tmp": "half" });
    mkdirSync(path.join(dir, "2026-11"));
    writeFileSync(path.join(dir, "2026-11", "models.csv"), "other edition\n");
    const before = readDataFolder(dir);
    expect(before.files.map((file) => file.name)).toEqual(["models.csv"]);
    writeFileSync(path.join(dir, "2026-11", "models.csv"), "changed edition\n");
    expect(readDataFolder(dir).sha256).toBe(before.sha256);
  });

  it("names a link to a file that does not exist as bad input", () => {
    const dir = folderWith({ "models.csv": "a\n" });
    symlinkSync(path.join(dir, "gone.csv"), path.join(dir, "notes.csv"));
    expect(() => readDataFolder(dir)).toThrow(UsageError);
    expect(() => readDataFolder(dir)).toThrow(
      /notes\.csv: cannot read this file of the data folder \(ENOENT: a link to a file that does not exist\)/,
    );
  });

  it("gives the folder a new hash when any file's contents or name change", () => {
    const dir = folderWith({ "models.csv": "a\n" });
    const first = readDataFolder(dir).sha256;
    writeFileSync(path.join(dir, "models.csv"), "b\n");
    const second = readDataFolder(dir).sha256;
    writeFileSync(path.join(dir, "hardware.csv"), "");
    const third = readDataFolder(dir).sha256;
    expect(new Set([first, second, third]).size).toBe(3);
  });
});

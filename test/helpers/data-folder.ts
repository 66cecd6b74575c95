import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

export const DATA_DIR = path.resolve(__dirname, "../../data");

/** A throw-away copy of data/ with some files replaced, edited or (null) deleted; removed by `dispose`. */
export function copyOfData(edits: Record<string, string | null | ((text: string) => string)> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), "roilab-data-"));
  cpSync(DATA_DIR, dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const target = path.join(dir, file);
    if (edit === null) unlinkSync(target);
    else writeFileSync(target, typeof edit === "string" ? edit : edit(readFileSync(target, "utf8")));
  }
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

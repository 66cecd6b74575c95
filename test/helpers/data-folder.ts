import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

export const DATA_DIR = path.resolve(__dirname, "../../data");
/** The 2026 edition: the chapter's analysis at late-2026 prices, with the example agent workload. */
export const DATA_2026_DIR = path.join(DATA_DIR, "2026-11");

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

/** A price update of data/: Claude's output up to $18/M, a new model, the 1x RTX 4090 configuration (and its rental) dropped. */
export function priceUpdateCopy() {
  const without = (prefix: string) => (text: string) =>
    text
      .split("\n")
      .filter((line) => !line.includes(prefix))
      .join("\n");
  return copyOfData({
    "models.csv": (text) =>
      `${text.replace("Anthropic,3.00,15.00", "Anthropic,3.00,18.00")}deepseek-v3,DeepSeek V3,DeepSeek,0.27,1.10,,,,128000,,,,,CN,,,2026-11-01,vendor price page\n`,
    "hardware.csv": (text) =>
      text
        .split("\n")
        .filter((line) => !line.startsWith("rtx4090x1,"))
        .join("\n"),
    "throughput.csv": (text) =>
      text
        .split("\n")
        .filter((line) => !line.startsWith("rtx4090x1,"))
        .join("\n"),
    "gpu_rentals.csv": without(",rtx4090x1,"),
  });
}

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

/** The 2026 edition with models added until it has `count`, and a benchmark score for every model, so 59.2c draws them all. */
export function editionWithModels(count: number) {
  const shipped = readFileSync(`${DATA_2026_DIR}/models.csv`, "utf8")
    .trimEnd()
    .split("\n")
    .slice(1)
    .map((line) => line.split(",")[0] as string);
  const extra = Array.from({ length: count - shipped.length }, (_, index) => `extra-model-${index + 1}`);
  const models = (text: string) => {
    const lines = text.trimEnd().split("\n");
    const template = (lines[2] as string).split(",");
    const added = extra.map((id, index) => {
      const row = [...template];
      row[0] = id;
      row[1] = `Extra Model ${index + 1}`;
      row[3] = String(0.1 + index / 100);
      return row.join(",");
    });
    return `${[...lines, ...added].join("\n")}\n`;
  };
  const benchmarks = (text: string) => {
    const scored = new Set(text.split("\n").map((line) => line.split(",")[0]));
    const added = [...shipped, ...extra]
      .filter((id) => !scored.has(id))
      .map((id, index) => `${id},Terminal-Bench 2.0,${10 + index / 2},percent,test score`);
    return `${text.trimEnd()}\n${added.join("\n")}\n`;
  };
  return copyOfData({ "2026-11/models.csv": models, "2026-11/benchmarks.csv": benchmarks });
}

/**
 * English left on a Chinese page: the ASCII words of a text once the data's own names (models, providers, hardware,
 * offers, benchmarks, engines, regions, ids), file names, money and the abbreviations a Chinese analyst writes as
 * they are have been taken out. A Chinese page's interface words must all be Chinese, so what is left is a bug.
 */
import type { Dataset } from "../../src/data";

/** ASCII words a Chinese page may keep: units and abbreviations written as they are in Chinese technical prose. */
export const KEPT_WORDS = new Set([
  "API",
  "APIs",
  "GPU",
  "GPUs",
  "CPU",
  "token",
  "tokens",
  "Token",
  "CNY",
  "CN",
  "USD",
  "FP8",
  "FP16",
  "BF16",
  "INT4",
  "INT8",
  "Q4",
  "KV",
  "VRAM",
  "TTFT",
  "kWh",
  "kW",
  "W",
  "GB",
  "TB",
  "MB",
  "K",
  "M",
  "k",
  "P5",
  "P50",
  "P95",
  "p5",
  "p50",
  "p95",
  "SLA",
  "ROI",
  "FTE",
  "UTC",
  "MoE",
  "SaaS",
  "CSV",
  "JSON",
  "HTML",
  "PDF",
  "roilab",
  "Agent",
  "PNG",
  "vs",
  "GiB",
  "KL",
  "bit",
  "s",
  "N",
  "z",
  "A",
  "B",
  "F16",
  "Q8",
  "Q5",
  "MXFP4",
  "NVFP4",
  "CUDA",
  "SHA-256",
  "D1",
  "D2",
  "Jupyter",
  "tslab",
  "Plotly",
  "x",
  "e",
]);

/** Columns whose cells are names the data gives: a page quotes them as written. */
const NAME_COLUMN =
  /(^|_)(id|name|model|provider|gpu_model|offer|benchmark|engine|serving|quantisation|bits_label|region|regions|country|tier|location|unit|currency|input)$/;

/** Every name the data gives, longest first so a long name is taken out before a shorter one inside it. */
export function dataNames(data: Dataset): string[] {
  const found = new Set<string>();
  const sources = new Set<string>();
  for (const rows of Object.values(data) as unknown[]) {
    if (!Array.isArray(rows)) continue;
    for (const row of rows as Record<string, unknown>[]) {
      if (typeof row !== "object" || row === null) continue;
      for (const [column, value] of Object.entries(row)) {
        // A row's source a page may quote, whole and as written, where it says where a figure comes from.
        // A table may show only where it is from: the part before its first colon.
        if (column === "source" && typeof value === "string" && value.trim() !== "")
          for (const quoted of [value.trim(), value.split(":")[0]!.trim()]) if (quoted.length > 12) sources.add(quoted);
        if (!NAME_COLUMN.test(column.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`))) continue;
        const cells = Array.isArray(value) ? value : [value];
        // A lone lower-case word ("local", "batched", "typical") is a category, which a Chinese page translates.
        for (const cell of cells)
          if (typeof cell === "string" && cell.trim() !== "" && !/^[a-z]+$/.test(cell.trim())) found.add(cell.trim());
      }
    }
  }
  // A GPU as a page names it without its maker (RTX 4090 D, H20 96GB), and a card without its memory (H20).
  for (const name of [...found]) {
    const bare = /^NVIDIA (.*?)(?: (\d+GB))?$/.exec(name);
    for (const part of [bare?.[0].replace(/^NVIDIA /, ""), bare?.[1]]) if (part) found.add(part);
  }
  // A name with its maker's bracket ("GLM-5.3 (Zhipu open platform)") is also quoted without it.
  for (const name of [...found]) {
    const bare = /^(.*?) \((.*)\)$/.exec(name);
    for (const part of bare?.slice(1) ?? []) found.add(part);
  }
  return [...found, ...sources].sort((a, b) => b.length - a.length);
}

/**
 * The English words of `text` beyond the data's names, `names` given (extra names a page may quote), file and column
 * names in code marks, money codes and numbers; empty for a text written wholly in Chinese.
 */
export function englishWords(data: Dataset, text: string, names: readonly string[] = []): string[] {
  // Names first: a source quoting "$80,000" is a name only while its dollar sign is there.
  let rest = text.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
  for (const name of [...names, ...dataNames(data)].sort((a, b) => b.length - a.length)) rest = rest.split(name).join(" ");
  rest = rest
    .replace(/`[^`]*`/g, " ")
    .replace(/\S*\.(csv|json|ipynb|html|pdf)\b/g, " ")
    // A data folder (data/2026-11-cn), a version (v24.22.3), a model's size (70B, 671B).
    .replace(/\bdata\/\S*/g, " ")
    // The chapter's own folder, named first in a source line over two editions.
    .replace(/来源：data(?=、)/g, " ")
    .replace(/\bv\d+(?:\.\d+)+/g, " ")
    .replace(/\b\d+(?:\.\d+)?B\b/g, " ")
    .replace(/CN¥|US\$|¥|\$/g, " ")
    // A figure's number: 59.1a, 59.9e.
    .replace(/\b\d+\.\d+[a-z]\b/g, " ");
  return [...rest.matchAll(/[A-Za-z][A-Za-z0-9-]*/g)].map((match) => match[0]).filter((word) => !KEPT_WORDS.has(word));
}

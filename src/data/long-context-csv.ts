/**
 * Rewriting `long_context_prices.csv` for `roilab prices update`: the tiers of each refreshed model are replaced
 * by the price database's, every other model's rows stay as they were, and the result is checked before it may
 * be written.
 */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { DataError } from "../errors";
import { displayPath } from "../util/display-path";
import { decodeUtf8 } from "./csv";
import type { LongContextTierPrices } from "./price-database";
import * as schemas from "./schemas";
import { parseTable } from "./table";

export interface TierReplacement {
  modelId: string;
  tiers: readonly LongContextTierPrices[];
  source: string;
}

const price = (value: number | undefined) => (value === undefined ? "" : String(Number(value.toPrecision(12))));

/**
 * The file's new text and path, or undefined when nothing would change (no file and no tier to write). A
 * result that would not validate is a DataError saying nothing was written.
 */
export function editedLongContextCsv(dataDir: string, replacements: readonly TierReplacement[]): { file: string; text: string } | undefined {
  const file = path.join(dataDir, schemas.longContextPrices.file);
  const exists = existsSync(file);
  const bytes = exists ? readFileSync(file) : undefined;
  const original = bytes ? decodeUtf8(bytes, displayPath(file)) : "";
  const header = exists ? ((parse(original, { bom: true, to_line: 1 }) as string[][])[0] ?? []) : Object.keys(schemas.longContextPrices.columns);
  const rows = exists ? (parse(original, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[]) : [];
  const replaced = new Set(replacements.map((replacement) => replacement.modelId));
  const added = replacements.flatMap(({ modelId, tiers, source }) =>
    tiers.map((tier) => ({
      model_id: modelId,
      above_input_tokens: String(tier.aboveInputTokens),
      input_usd_per_mtok: price(tier.inputUsdPerMtok),
      output_usd_per_mtok: price(tier.outputUsdPerMtok),
      cached_input_usd_per_mtok: price(tier.cachedInputUsdPerMtok),
      cache_write_usd_per_mtok: price(tier.cacheWriteUsdPerMtok),
      source,
    })),
  );
  if (!exists && added.length === 0) return undefined;
  const kept = rows.filter((row) => !replaced.has(row.model_id ?? ""));
  const columns = [...header, ...Object.keys(schemas.longContextPrices.columns).filter((column) => !header.includes(column) && added.some((row) => row[column as keyof typeof row] !== ""))];
  const text = stringify([...kept, ...added], { header: true, columns, bom: bytes !== undefined && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, record_delimiter: original.includes("\r\n") ? "windows" : "unix" });
  const check = parseTable(schemas.longContextPrices, text, displayPath(file));
  if (check.issues.length) throw new DataError(check.issues.map((issue) => ({ ...issue, message: `${issue.message} (after the update; nothing was written)` })));
  return { file, text };
}

/**
 * Rewriting the model-keyed price files for `roilab prices update` (`long_context_prices.csv`,
 * `time_of_day_prices.csv`): each refreshed model's rows are replaced by the price database's, every other model's
 * rows stay as they were, and the result is checked before it may be written.
 */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { DataError } from "../errors";
import { displayPath } from "../util/display-path";
import { decodeUtf8 } from "./csv";
import type { LongContextTierPrices, TimeOfDayWindowPrices } from "./price-database";
import * as schemas from "./schemas";
import { parseTable, type ColumnSpec, type TableSpec } from "./table";

export interface TierReplacement {
  modelId: string;
  tiers: readonly LongContextTierPrices[];
  source: string;
}

const price = (value: number | undefined) => (value === undefined ? "" : String(Number(value.toPrecision(12))));

/** A file of rows keyed by model (long_context_prices.csv, time_of_day_prices.csv) as a spec describes it. */
type ModelRowsSpec = Pick<TableSpec<ColumnSpec>, "file" | "columns" | "key">;

/**
 * `spec`'s file with every row of each refreshed model replaced by `added`, every other model's rows kept, its
 * header, byte-order mark and line ends kept; undefined when nothing would change (no file and nothing to add).
 * A result that would not validate is a DataError saying nothing was written.
 */
function editedModelRowsCsv(
  dataDir: string,
  spec: ModelRowsSpec,
  replacedModelIds: readonly string[],
  added: readonly Record<string, string>[],
): { file: string; text: string } | undefined {
  const file = path.join(dataDir, spec.file);
  const exists = existsSync(file);
  const bytes = exists ? readFileSync(file) : undefined;
  const original = bytes ? decodeUtf8(bytes, displayPath(file)) : "";
  const header = exists ? ((parse(original, { bom: true, to_line: 1 }) as string[][])[0] ?? []) : Object.keys(spec.columns);
  const rows = exists ? (parse(original, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[]) : [];
  if (!exists && added.length === 0) return undefined;
  const replaced = new Set(replacedModelIds);
  const kept = rows.filter((row) => !replaced.has(row.model_id ?? ""));
  const columns = [
    ...header,
    ...Object.keys(spec.columns).filter((column) => !header.includes(column) && added.some((row) => (row[column] ?? "") !== "")),
  ];
  const text = stringify([...kept, ...added], {
    header: true,
    columns,
    bom: bytes !== undefined && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf,
    record_delimiter: original.includes("\r\n") ? "windows" : "unix",
  });
  const check = parseTable(spec as TableSpec<ColumnSpec>, text, displayPath(file));
  if (check.issues.length)
    throw new DataError(check.issues.map((issue) => ({ ...issue, message: `${issue.message} (after the update; nothing was written)` })));
  return { file, text };
}

/** long_context_prices.csv with each refreshed model's tiers replaced by the database's. */
export function editedLongContextCsv(
  dataDir: string,
  replacements: readonly TierReplacement[],
): { file: string; text: string } | undefined {
  const added = replacements.flatMap(({ modelId, tiers, source }) =>
    tiers.map((tier) => ({
      model_id: modelId,
      above_input_tokens: String(tier.aboveInputTokens),
      input_usd_per_mtok: price(tier.inputUsdPerMTok),
      output_usd_per_mtok: price(tier.outputUsdPerMTok),
      cached_input_usd_per_mtok: price(tier.cachedInputUsdPerMTok),
      cache_write_usd_per_mtok: price(tier.cacheWriteUsdPerMTok),
      source,
    })),
  );
  return editedModelRowsCsv(
    dataDir,
    schemas.longContextPrices,
    replacements.map((replacement) => replacement.modelId),
    added,
  );
}

/** A model's daily price windows from the database, to replace its rows of time_of_day_prices.csv. */
export interface WindowReplacement {
  modelId: string;
  windows: readonly TimeOfDayWindowPrices[];
  asOf: string;
  source: string;
}

/** time_of_day_prices.csv with each refreshed model's windows replaced by the database's. */
export function editedTimeOfDayCsv(
  dataDir: string,
  replacements: readonly WindowReplacement[],
): { file: string; text: string } | undefined {
  const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
  const added = replacements.flatMap(({ modelId, windows, asOf, source }) =>
    windows.map((window) => ({
      model_id: modelId,
      label: window.label,
      start_utc: clock(window.startMinuteUtc),
      end_utc: clock(window.endMinuteUtc),
      input_usd_per_mtok: price(window.inputUsdPerMTok),
      output_usd_per_mtok: price(window.outputUsdPerMTok),
      cached_input_usd_per_mtok: price(window.cachedInputUsdPerMTok),
      cache_write_usd_per_mtok: price(window.cacheWriteUsdPerMTok),
      as_of: asOf,
      source,
    })),
  );
  return editedModelRowsCsv(
    dataDir,
    schemas.timeOfDayPrices,
    replacements.map((replacement) => replacement.modelId),
    added,
  );
}

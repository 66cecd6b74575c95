import { readFileSync } from "node:fs";
import * as path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { RoilabError, UsageError, ExitCode } from "../errors";
import { writeFileAtomic } from "../util/atomic-write";
import { loadDataset, type Dataset } from "./dataset";
import { readPriceMap, type ImportedPrices } from "./price-map";

/** `roilab prices import`: rewrite models.csv from a price map, keeping every other column and row as it was. */

export interface PriceImportOptions {
  mapFile: string;
  dataDir: string;
  /** The new as_of of imported rows, YYYY-MM-DD. */
  asOf: string;
}

export interface PriceImportResult {
  /** The data folder as it was before the import, for a diff. */
  before: Dataset;
  imported: ImportedPrices[];
  unmapped: string[];
  file: string;
}

function readJson(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`${file}: cannot read the price map (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    const value = JSON.parse(text) as unknown;
    if (value === null || typeof value !== "object" || Array.isArray(value)) throw new Error("expected an object keyed by model name");
    return value as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(`${file}: not a price map: ${(error as Error).message}`);
  }
}

const cell = (value: number | undefined, old: string | undefined) => (value === undefined ? (old ?? "") : String(value));

export function importPrices(options: PriceImportOptions): PriceImportResult {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.asOf) || Number.isNaN(Date.parse(options.asOf))) throw new UsageError(`--as-of must be a date as YYYY-MM-DD, got ${JSON.stringify(options.asOf)}`);
  const map = readJson(options.mapFile);
  const data = loadDataset(options.dataDir);
  const { prices, unmapped, problems } = readPriceMap(map, data.models);
  if (problems.length) throw new RoilabError(problems.map((problem) => `${options.mapFile}: ${problem}`).join("\n"), ExitCode.badInput);

  // Rewrite the CSV itself rather than re-serialising typed rows, so untouched cells keep their exact text.
  const file = path.join(options.dataDir, "models.csv");
  const rows = parse(readFileSync(file, "utf8"), { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const header = Object.keys(rows[0] ?? {});
  for (const column of ["cached_input_usd_per_mtok", "batch_input_usd_per_mtok", "batch_output_usd_per_mtok"]) if (!header.includes(column)) header.push(column);
  const byId = new Map(prices.map((entry) => [entry.modelId, entry]));
  const source = `LiteLLM price map ${path.basename(options.mapFile)}`;
  const updated = rows.map((row) => {
    const entry = byId.get(row.model_id ?? "");
    if (!entry) return row;
    return {
      ...row,
      input_usd_per_mtok: String(entry.inputUsdPerMtok),
      output_usd_per_mtok: String(entry.outputUsdPerMtok),
      cached_input_usd_per_mtok: cell(entry.cachedInputUsdPerMtok, row.cached_input_usd_per_mtok),
      batch_input_usd_per_mtok: cell(entry.batchInputUsdPerMtok, row.batch_input_usd_per_mtok),
      batch_output_usd_per_mtok: cell(entry.batchOutputUsdPerMtok, row.batch_output_usd_per_mtok),
      context_tokens: cell(entry.contextTokens, row.context_tokens),
      as_of: options.asOf,
      source,
    };
  });
  writeFileAtomic(file, stringify(updated, { header: true, columns: header }));
  return { before: data, imported: prices, unmapped, file };
}

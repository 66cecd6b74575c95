/** `roilab prices import`: rewrite models.csv from a price map, keeping every other column and row as it was. */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { DataError, ExitCode, RoilabError, UsageError } from "../errors";
import { displayPath } from "../util/display-path";
import { decodeUtf8 } from "./csv";
import * as schemas from "./schemas";
import { parseTable } from "./table";
import { writeFileAtomic } from "../util/atomic-write";
import { readJsonObject } from "../util/read-json";
import { loadDataset, type Dataset } from "./dataset";
import { readPriceMap, type ImportedPrices } from "./price-map";

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


const cell = (value: number | undefined, old: string | undefined) => (value === undefined ? (old ?? "") : String(value));

export function importPrices(options: PriceImportOptions): PriceImportResult {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.asOf) || Number.isNaN(Date.parse(options.asOf))) throw new UsageError(`--as-of must be a date as YYYY-MM-DD, got ${JSON.stringify(options.asOf)}`);
  const map = readJsonObject(options.mapFile, "price map");
  const data = loadDataset(options.dataDir);
  const { prices, unmapped, problems } = readPriceMap(map, data.models);
  if (problems.length) throw new RoilabError(problems.map((problem) => `${options.mapFile}: ${problem}`).join("\n"), ExitCode.badInput);

  // Rewrite the CSV itself rather than re-serialising typed rows, so untouched cells keep their exact text.
  const file = path.join(options.dataDir, "models.csv");
  const bytes = readFileSync(file);
  const original = decodeUtf8(bytes, displayPath(file));
  const rows = parse(original, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
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
  // The file keeps its byte-order mark and line ends, and is checked as a whole before it replaces the old one:
  // a price that passes per token can still overflow per million.
  const text = stringify(updated, { header: true, columns: header, bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, record_delimiter: original.includes("\r\n") ? "windows" : "unix" });
  const check = parseTable(schemas.models, text, displayPath(file));
  if (check.issues.length) throw new DataError(check.issues.map((issue) => ({ ...issue, message: `${issue.message} (after the import; nothing was written)` })));
  writeFileAtomic(file, text);
  return { before: data, imported: prices, unmapped, file };
}

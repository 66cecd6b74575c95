/**
 * `roilab prices update`: refresh models.csv from the bundled price database, offline. Each model whose
 * `price_ref` the database knows gets its input, output, cache prices and context window, a new `as_of` and a
 * source naming the database's version. Models it does not know are left as they are and listed. Nothing is
 * written when any row or any answer of the database is malformed, or (with `strict`) when a model is unknown.
 */
import { DataError, ExitCode, RoilabError, type DataIssue } from "../errors";
import { writeFileAtomic } from "../util/atomic-write";
import { withFolderLock } from "../util/folder-lock";
import { displayPath } from "../util/display-path";
import { loadDataset, type Dataset } from "./dataset";
import { editedLongContextCsv, editedTimeOfDayCsv } from "./long-context-csv";
import { editedModelsCsv, priceCell, readModelsCsv } from "./models-csv";
import { lookupPrices, priceDatabaseLabel, type DatabasePrices } from "./price-database";

export interface PriceUpdateOptions {
  dataDir: string;
  /** The date the prices are for and the new as_of, YYYY-MM-DD. */
  asOf: string;
  /** Work out and report the update, write nothing. */
  dryRun?: boolean;
  /** A model the database does not know is an error: exit 1, nothing written. */
  strict?: boolean;
}

export interface PriceUpdateResult {
  /** The data folder as it was before the update, for a diff. */
  before: Dataset;
  /** `@pydantic/genai-prices 0.1.8`. */
  database: string;
  updated: Array<{ modelId: string; prices: DatabasePrices }>;
  /** Models whose price_ref the database does not know, with the ref. */
  unknown: Array<{ modelId: string; ref: string }>;
  /** Models without a price_ref. */
  unreferenced: string[];
  file: string;
  dryRun: boolean;
  written: boolean;
}

/** The columns the update writes; any missing from the file is added at the end. */
const WRITTEN_COLUMNS = ["cached_input_usd_per_mtok", "cache_write_usd_per_mtok", "context_tokens"];

class UnknownModelsError extends RoilabError {
  override name = "UnknownModelsError";
  constructor(readonly result: PriceUpdateResult) {
    super(
      `${result.unknown.length} model(s) not in ${result.database}: ${result.unknown.map((entry) => `${entry.modelId} (${entry.ref})`).join(", ")}; with --strict nothing was written`,
      ExitCode.failed,
    );
  }
}

/** Updates the folder's prices while holding it, so that two price commands on one folder never overwrite each other's work. */
export function updatePrices(options: PriceUpdateOptions): PriceUpdateResult {
  return withFolderLock(options.dataDir, () => updateHeld(options));
}

function updateHeld(options: PriceUpdateOptions): PriceUpdateResult {
  const before = loadDataset(options.dataDir);
  const csv = readModelsCsv(options.dataDir);
  const database = priceDatabaseLabel();
  const asOf = new Date(`${options.asOf}T00:00:00Z`);
  const refColumn = csv.header.indexOf("price_ref") + 1;

  const issues: DataIssue[] = [];
  const result: PriceUpdateResult = {
    before,
    database,
    updated: [],
    unknown: [],
    unreferenced: [],
    file: csv.file,
    dryRun: options.dryRun ?? false,
    written: false,
  };
  for (const { cells, line } of csv.rows) {
    const modelId = cells.model_id ?? "";
    const ref = cells.price_ref?.trim();
    if (!ref) {
      result.unreferenced.push(modelId);
      continue;
    }
    const lookup = lookupPrices(ref, asOf);
    if (lookup.kind === "found") result.updated.push({ modelId, prices: lookup.prices });
    else if (lookup.kind === "unknown") result.unknown.push({ modelId, ref });
    else issues.push({ file: displayPath(csv.file), line, column: refColumn, message: lookup.problem });
  }
  if (issues.length) throw new DataError(issues.map((issue) => ({ ...issue, message: `${issue.message}; nothing was written` })));
  if (options.strict && result.unknown.length) throw new UnknownModelsError(result);

  const edits = new Map(
    result.updated.map(({ modelId, prices }) => {
      const row = csv.cellsByModelId.get(modelId) ?? {};
      return [
        modelId,
        {
          input_usd_per_mtok: priceCell(prices.inputUsdPerMTok, row.input_usd_per_mtok),
          output_usd_per_mtok: priceCell(prices.outputUsdPerMTok, row.output_usd_per_mtok),
          // The database's word is final: a cache price it does not list is cleared, not kept from before.
          cached_input_usd_per_mtok:
            prices.cachedInputUsdPerMTok === undefined ? "" : priceCell(prices.cachedInputUsdPerMTok, row.cached_input_usd_per_mtok),
          cache_write_usd_per_mtok:
            prices.cacheWriteUsdPerMTok === undefined ? "" : priceCell(prices.cacheWriteUsdPerMTok, row.cache_write_usd_per_mtok),
          cache_write_1h_usd_per_mtok:
            prices.cacheWrite1hUsdPerMTok === undefined ? "" : priceCell(prices.cacheWrite1hUsdPerMTok, row.cache_write_1h_usd_per_mtok),
          context_tokens: prices.contextTokens === undefined ? (row.context_tokens ?? "") : String(prices.contextTokens),
          as_of: options.asOf,
          source: `${database} (${prices.matched})`,
        },
      ];
    }),
  );
  // The one-hour cache column joins the file only when the database gives some model such a price.
  const columns = result.updated.some(({ prices }) => prices.cacheWrite1hUsdPerMTok !== undefined)
    ? [...WRITTEN_COLUMNS, "cache_write_1h_usd_per_mtok"]
    : WRITTEN_COLUMNS;
  const text = editedModelsCsv(csv, edits, columns, "after the update");
  // A refreshed model's long-context tiers and daily price windows are the database's too: every file is checked before any is written.
  const tiers = editedLongContextCsv(
    options.dataDir,
    result.updated.map(({ modelId, prices }) => ({ modelId, tiers: prices.longContextTiers, source: `${database} (${prices.matched})` })),
  );
  const windows = editedTimeOfDayCsv(
    options.dataDir,
    result.updated.map(({ modelId, prices }) => ({
      modelId,
      windows: prices.timeOfDay,
      asOf: options.asOf,
      source: `${database} (${prices.matched}), its time-of-day price in UTC`,
    })),
  );
  if (!options.dryRun) {
    if (tiers) writeFileAtomic(tiers.file, tiers.text);
    if (windows) writeFileAtomic(windows.file, windows.text);
    writeFileAtomic(csv.file, text);
    result.written = true;
  }
  return result;
}

/** `roilab prices import`: rewrite models.csv from a price map, keeping every other column and row as it was. */
import * as path from "node:path";
import { ExitCode, RoilabError } from "../errors";
import { writeFileAtomic } from "../util/atomic-write";
import { withFolderLock } from "../util/folder-lock";
import { readJsonObject } from "../util/read-json";
import { loadDataset, type Dataset } from "./dataset";
import { editedModelsCsv, priceCell, readModelsCsv } from "./models-csv";
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

/** Imports while holding the data folder, as `prices update` does: the last of two writers would undo the first. */
export function importPrices(options: PriceImportOptions): PriceImportResult {
  return withFolderLock(options.dataDir, () => importHeld(options));
}

function importHeld(options: PriceImportOptions): PriceImportResult {
  const map = readJsonObject(options.mapFile, "price map");
  const data = loadDataset(options.dataDir);
  const { prices, unmapped, problems } = readPriceMap(map, data.models);
  if (problems.length) throw new RoilabError(problems.map((problem) => `${options.mapFile}: ${problem}`).join("\n"), ExitCode.badInput);

  const csv = readModelsCsv(options.dataDir);
  const source = `LiteLLM price map ${path.basename(options.mapFile)}`;
  const edits = new Map(
    prices.map((entry) => {
      const row = csv.cellsByModelId.get(entry.modelId) ?? {};
      return [
        entry.modelId,
        {
          input_usd_per_mtok: String(entry.inputUsdPerMTok),
          output_usd_per_mtok: String(entry.outputUsdPerMTok),
          cached_input_usd_per_mtok: priceCell(entry.cachedInputUsdPerMTok, row.cached_input_usd_per_mtok),
          batch_input_usd_per_mtok: priceCell(entry.batchInputUsdPerMTok, row.batch_input_usd_per_mtok),
          batch_output_usd_per_mtok: priceCell(entry.batchOutputUsdPerMTok, row.batch_output_usd_per_mtok),
          context_tokens: entry.contextTokens === undefined ? (row.context_tokens ?? "") : String(entry.contextTokens),
          as_of: options.asOf,
          source,
        },
      ];
    }),
  );
  const file = csv.file;
  const text = editedModelsCsv(
    csv,
    edits,
    ["cached_input_usd_per_mtok", "batch_input_usd_per_mtok", "batch_output_usd_per_mtok"],
    "after the import",
  );
  writeFileAtomic(file, text);
  return { before: data, imported: prices, unmapped, file };
}

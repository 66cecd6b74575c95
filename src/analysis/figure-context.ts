/** What the chapter's figures and tables need from a dataset beyond model results: stable colours and where numbers come from. */
import { DEFAULT_DATA_FOLDER, type Provenance, SERIES_PALETTE, stableColors } from "../charts";
import type { Dataset } from "../data";
import { publishedFolderName } from "../util/display-path";

/**
 * One colour per model, from its id (not its row in models.csv), so every figure agrees and a model keeps its
 * colour from one edition of the data to the next; no two models share one while there are at most 24.
 */
export function modelColors(data: Dataset): Map<string, string> {
  return stableColors(
    data.models.map((model) => model.modelId),
    SERIES_PALETTE,
  );
}

/** One colour per hardware configuration, from its id, the same way; hardware is drawn dashed, so it never reads as a model. */
export function hardwareColors(data: Dataset): Map<string, string> {
  return stableColors(
    data.hardware.map((row) => row.hardwareId),
    SERIES_PALETTE,
  );
}

/** A data file as pages and captions name it: `data/models.csv`, or under the folder `--data` named. */
export function dataFileName(data: Dataset, file: string): string {
  return `${publishedFolderName(data.dir)}/${file}`;
}

/** The files behind a figure, their folder, and the as_of of the prices it uses: the newest of each priced file, a range when they differ. */
export function provenance(data: Dataset, files: string[]): Provenance {
  // Every priced row counts, its oldest as much as its newest: a rental read in June is not "as of November".
  const dates = [
    ...(files.includes("models.csv") ? data.models : []),
    ...(files.includes("hardware.csv") ? data.hardware : []),
    ...(files.includes("gpu_rentals.csv") ? data.gpuRentals : []),
  ]
    .map((row) => row.asOf)
    .filter((date): date is string => date !== undefined)
    .sort();
  // Prices from different dates (the chapter's APIs, today's rentals) are named as a range, never as one date.
  const asOf = dates.length === 0 ? undefined : dates[0] === dates.at(-1) ? dates[0] : `${dates[0]} to ${dates.at(-1)}`;
  const folder = publishedFolderName(data.dir);
  // The default folder is left unsaid, as captions assume it.
  return { files, asOf, ...(folder === DEFAULT_DATA_FOLDER ? {} : { folder }) };
}

/** What the chapter's figures and tables need from a dataset beyond model results: stable colours and where numbers come from. */
import { colorMap, DEFAULT_DATA_FOLDER, HARDWARE_PALETTE, MODEL_PALETTE, type Provenance } from "../charts";
import type { Dataset } from "../data";
import { publishedFolderName } from "../util/display-path";

/** One colour per model, by its order in models.csv, so every figure agrees. */
export function modelColors(data: Dataset): Map<string, string> {
  return colorMap(data.models.map((model) => model.modelId), MODEL_PALETTE);
}

/** One colour per hardware configuration, by its order in hardware.csv. */
export function hardwareColors(data: Dataset): Map<string, string> {
  return colorMap(data.hardware.map((row) => row.hardwareId), HARDWARE_PALETTE);
}

/** A data file as pages and captions name it: `data/models.csv`, or under the folder `--data` named. */
export function dataFileName(data: Dataset, file: string): string {
  return `${publishedFolderName(data.dir)}/${file}`;
}

/** The files behind a figure, their folder, and the newest as_of among the prices and hardware it uses. */
export function provenance(data: Dataset, files: string[]): Provenance {
  const dates = [
    ...(files.includes("models.csv") ? data.models.map((model) => model.asOf) : []),
    ...(files.includes("hardware.csv") ? data.hardware.map((row) => row.asOf) : []),
  ].sort();
  const folder = publishedFolderName(data.dir);
  // The default folder is left unsaid, as captions assume it.
  return { files, asOf: dates.at(-1), ...(folder === DEFAULT_DATA_FOLDER ? {} : { folder }) };
}

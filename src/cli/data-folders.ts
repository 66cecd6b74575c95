/**
 * What the generic runner and publisher learn about a roilab data folder: the CLI validates it with the data
 * layer (bad data stops a run before any kernel starts, exit 2) and hands back each file's newest as_of.
 */
import { existsSync } from "node:fs";
import * as path from "node:path";
import { loadDataset, newestAsOfByFile, type Dataset } from "../data";
import { readDataFolder, type AsOfByFile, type DataFileRecord } from "../notebook/data-folder";

/** A folder holding roilab tables (one with a models.csv) is validated; any other folder is the notebook's own business. */
export function inspectDataFolder(dir: string): AsOfByFile | undefined {
  return existsSync(path.join(dir, "models.csv")) ? newestAsOfByFile(loadDataset(dir)) : undefined;
}

/** The files of a loaded dataset's folder with their hashes and dates, for a page's provenance footer. */
export function dataFileRecords(data: Dataset): DataFileRecord[] {
  return readDataFolder(data.dir, newestAsOfByFile(data)).files;
}

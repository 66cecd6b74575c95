/**
 * What the generic runner and publisher learn about a roilab data folder: the CLI validates it with the data
 * layer (bad data stops a run before any kernel starts, exit 2) and hands back each file's newest as_of.
 */
import { existsSync } from "node:fs";
import * as path from "node:path";
import { newestAsOfByFile, readDataset, TABLE_SPECS, type Dataset } from "../data";
import { formatDataIssue } from "../errors";
import { readDataFolder, type AsOfByFile, type DataFileRecord } from "../notebook/data-folder";

/** A folder holding any of roilab's tables is roilab data, so one that lacks a required table is bad input. */
export function isRoilabDataFolder(dir: string): boolean {
  return TABLE_SPECS.some((spec) => existsSync(path.join(dir, spec.file)));
}

/**
 * Validates a roilab data folder (any other folder is the notebook's own business), warns once about columns
 * roilab does not read, and returns each file's newest as_of.
 */
export function inspectDataFolder(dir: string, warn: (text: string) => void = () => undefined): AsOfByFile | undefined {
  if (!isRoilabDataFolder(dir)) return undefined;
  const { data, notes } = readDataset(dir);
  for (const note of notes) warn(`warning: ${formatDataIssue(note)}\n`);
  return newestAsOfByFile(data);
}

/** The files of a loaded dataset's folder with their hashes and dates, for a page's provenance footer. */
export function dataFileRecords(data: Dataset): DataFileRecord[] {
  return readDataFolder(data.dir, newestAsOfByFile(data)).files;
}

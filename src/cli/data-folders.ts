/**
 * What the generic runner and publisher learn about a roilab data folder: the CLI validates it with the data
 * layer (bad data stops a run before any kernel starts, exit 2) and hands back each file's newest as_of.
 */
import { existsSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { EDITION_PARAMETERS_FILE, editionParameters, newestAsOfByFile, readDataset, TABLE_SPECS, type Dataset } from "../data";
import { formatDataIssue, UsageError } from "../errors";
import { editionDate, editionRegion } from "../util/edition-date";
import { DEFAULT_LANG, parseLang, type Lang } from "../i18n/lang";
import { readDataFolder, type AsOfByFile, type DataFileRecord } from "../notebook/data-folder";
import type { DataFolderParameters, Parameters } from "../notebook/parameters";

/** A folder holding any of roilab's tables is roilab data, so one that lacks a required table is bad input. */
function isRoilabDataFolder(dir: string): boolean {
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

/** A data folder's own parameter values (its optional parameters.json), for the runner to give its notebooks. */
export function dataFolderParameters(dir: string): DataFolderParameters {
  // `lang` is the publisher's (pageLang below); a notebook that declares it takes it too.
  return { values: editionParameters(dir) as Parameters, file: path.join(dir, EDITION_PARAMETERS_FILE), settings: ["lang"] };
}

/**
 * The currency `tables` and `decide` show: `--currency`, else the data folder's own (`currency` in its
 * parameters.json, as a regional edition sets it for its readers), else USD.
 */
export function pricingCurrency(given: string | undefined, dataDir: string): string {
  if (given !== undefined) return given;
  const own = editionParameters(dataDir).currency;
  return typeof own === "string" ? own : "USD";
}

/**
 * The language `report` and `preview` publish a data folder's pages in: `--lang`, else the folder's own (`lang` in
 * its parameters.json, as a regional edition sets it for its readers), else English.
 */
export function pageLang(given: string | undefined, dataDir: string | undefined): Lang {
  if (given !== undefined) return parseLang(given);
  const own = dataDir === undefined ? undefined : editionParameters(dataDir).lang;
  return own === undefined ? DEFAULT_LANG : parseLang(String(own), `${path.join(dataDir as string, EDITION_PARAMETERS_FILE)}: lang`);
}

/** Where `report --editions` publishes the data folder's own edition (`data/`, the chapter's) below the newest one. */
const BASE_EDITION_FOLDER = "chapter";

/** The dated editions inside a data folder (`data/2026-11`), oldest first: sub-folders named by a date that hold roilab tables. */
export function datedEditions(dataDir: string): string[] {
  return readdirSync(dataDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && editionDate(entry.name) !== undefined && isRoilabDataFolder(path.join(dataDir, entry.name)))
    .map((entry) => path.join(dataDir, entry.name))
    .sort();
}

/**
 * The editions `report --editions` builds: the newest dated edition for every reader at `outDir`, each older one and
 * each regional one (`2026-11-cn`) in a sub-folder of its own name, and the data folder's own in `chapter/` (with
 * `dataDir` undefined, each notebook reads its own, as `roilab report` does). With no dated edition, the data
 * folder's own at `outDir`, beside any regional ones.
 */
export function editionPlans(outDir: string, dataDir: string | undefined): { outDir: string; dataDir: string | undefined }[] {
  const root = dataDir ?? "data";
  if (!existsSync(root)) throw new UsageError(`--data ${root}: no such folder`);
  const dated = datedEditions(root);
  const general = dated.filter((dir) => editionRegion(dir) === undefined);
  const newest = general.at(-1);
  const inSubFolder = (dir: string) => ({ outDir: path.join(outDir, path.basename(dir)), dataDir: dir });
  const regional = dated.filter((dir) => editionRegion(dir) !== undefined).map(inSubFolder);
  if (newest === undefined) return [{ outDir, dataDir }, ...regional];
  const older = general.slice(0, -1).reverse().map(inSubFolder);
  return [{ outDir, dataDir: newest }, ...older, ...regional, { outDir: path.join(outDir, BASE_EDITION_FOLDER), dataDir }];
}

/** The files of a loaded dataset's folder with their hashes and dates, for a page's provenance footer. */
export function dataFileRecords(data: Dataset): DataFileRecord[] {
  return readDataFolder(data.dir, newestAsOfByFile(data)).files;
}

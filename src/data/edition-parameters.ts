/**
 * A data folder's own parameter values (`parameters.json`, optional): an edition with other model and hardware
 * ids names the ones its notebooks use. The CLI hands it to the runner, which gives each value to every notebook
 * that declares the name (`-p` and `--params` still override it); analyses that set editions side by side read it too.
 */
import { existsSync } from "node:fs";
import * as path from "node:path";
import { readJsonObject } from "../util/read-json";

export const EDITION_PARAMETERS_FILE = "parameters.json";

export type EditionParameters = Record<string, unknown>;

export function editionParameters(dataDir: string): EditionParameters {
  const file = path.join(dataDir, EDITION_PARAMETERS_FILE);
  return existsSync(file) ? readJsonObject(file, "data folder's parameters file") : {};
}

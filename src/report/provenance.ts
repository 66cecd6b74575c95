/** The software that computed a report's numbers, for its provenance footer (the data files come from the runner). */
import { readFileSync } from "node:fs";
import * as path from "node:path";

export interface SoftwareVersions {
  roilab: string;
  tslab: string;
  /** The bundled price database `roilab prices update` reads. */
  priceDatabase: string;
  node: string;
}

export function softwareVersions(root: string): SoftwareVersions {
  const version = (file: string) => (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
  return {
    roilab: version(path.join(root, "package.json")),
    tslab: version(path.join(root, "node_modules", "tslab", "package.json")),
    // Named here rather than asked of the data layer: the publisher knows packages, not price data.
    priceDatabase: `@pydantic/genai-prices ${version(path.join(root, "node_modules", "@pydantic", "genai-prices", "package.json"))}`,
    node: process.version,
  };
}

/** The software that computed a report's numbers, for its provenance footer (the data files come from the runner). */
import { readFileSync } from "node:fs";
import * as path from "node:path";

/** A package whose installed version a page records, and what the page calls it (`price database`). */
export interface RecordedPackage {
  label: string;
  name: string;
}

export interface SoftwareVersions {
  roilab: string;
  tslab: string;
  /** The caller's packages, in its order, with their installed versions. */
  packages: (RecordedPackage & { version: string })[];
  node: string;
}

export function softwareVersions(root: string, packages: readonly RecordedPackage[] = []): SoftwareVersions {
  const version = (file: string) => (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
  const installed = (name: string) => version(path.join(root, "node_modules", ...name.split("/"), "package.json"));
  return {
    roilab: version(path.join(root, "package.json")),
    tslab: installed("tslab"),
    packages: packages.map((recorded) => ({ ...recorded, version: installed(recorded.name) })),
    node: process.version,
  };
}

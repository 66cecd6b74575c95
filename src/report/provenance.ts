import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { parse } from "csv-parse/sync";

/** Where a report's numbers come from: the data files (SHA-256, as_of) and the software that computed them. */

export interface DataFileRecord {
  name: string;
  sha256: string;
  /** Newest as_of in the file, when it has that column. */
  asOf: string | undefined;
}

export function dataFileRecords(dataDir: string | undefined): DataFileRecord[] {
  if (!dataDir || !existsSync(dataDir)) return [];
  return readdirSync(dataDir)
    .filter((name) => name.endsWith(".csv"))
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(dataDir, name));
      let asOf: string | undefined;
      try {
        const rows = parse(bytes, { bom: true, columns: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
        asOf = rows.map((row) => row.as_of).filter((value): value is string => Boolean(value)).sort().at(-1);
      } catch {
        asOf = undefined; // provenance never fails a report; the data layer reports bad files
      }
      return { name, sha256: createHash("sha256").update(bytes).digest("hex"), asOf };
    });
}

export interface SoftwareVersions {
  roilab: string;
  tslab: string;
  node: string;
}

export function softwareVersions(root: string): SoftwareVersions {
  const version = (file: string) => (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
  return {
    roilab: version(path.join(root, "package.json")),
    tslab: version(path.join(root, "node_modules", "tslab", "package.json")),
    node: process.version,
  };
}

import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { softwareVersions } from "../../src/report/provenance";
import { PROJECT_ROOT } from "../../src/util/project-root";

describe("the software behind a report", () => {
  it("names roilab's and tslab's installed versions and the Node.js that ran them", () => {
    const version = (file: string) => (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
    expect(softwareVersions(PROJECT_ROOT)).toEqual({
      roilab: version(path.join(PROJECT_ROOT, "package.json")),
      tslab: "1.0.22",
      node: process.version,
    });
  });
});

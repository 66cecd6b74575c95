import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ROILAB_PAGES } from "../../src/cli/pages";
import { softwareVersions } from "../../src/report/provenance";
import { PROJECT_ROOT } from "../../src/util/project-root";

describe("the software behind a report", () => {
  it("names roilab's, tslab's and the price database's installed versions and the Node.js that ran them", () => {
    const version = (file: string) => (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
    expect(softwareVersions(PROJECT_ROOT, ROILAB_PAGES.recordedPackages)).toEqual({
      roilab: version(path.join(PROJECT_ROOT, "package.json")),
      tslab: "1.0.22",
      packages: [
        {
          label: "price database",
          name: "@pydantic/genai-prices",
          version: version(path.join(PROJECT_ROOT, "node_modules/@pydantic/genai-prices/package.json")),
        },
      ],
      node: process.version,
    });
  });

  it("records only the packages the caller names", () => {
    expect(softwareVersions(PROJECT_ROOT).packages).toEqual([]);
  });
});

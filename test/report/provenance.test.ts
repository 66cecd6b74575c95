import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { softwareVersions } from "../../src/report/provenance";
import { PROJECT_ROOT } from "../../src/util/project-root";

describe("the software behind a report", () => {
  it("names roilab's, tslab's and the price database's installed versions and the Node.js that ran them", () => {
    const version = (file: string) => (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
    expect(softwareVersions(PROJECT_ROOT)).toEqual({
      roilab: version(path.join(PROJECT_ROOT, "package.json")),
      tslab: "1.0.22",
      priceDatabase: `@pydantic/genai-prices ${version(path.join(PROJECT_ROOT, "node_modules/@pydantic/genai-prices/package.json"))}`,
      node: process.version,
    });
  });
});

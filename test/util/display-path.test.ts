import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { displayPath, publishedFolderName } from "../../src/util/display-path";
import { PROJECT_ROOT } from "../../src/util/project-root";

describe("naming files and folders", () => {
  it("names a file in messages relative to the working directory when inside it", () => {
    expect(displayPath(path.join(process.cwd(), "data", "models.csv"))).toBe(path.join("data", "models.csv"));
    expect(displayPath("/elsewhere/models.csv")).toBe("/elsewhere/models.csv");
  });

  it("names a data folder in a page relative to the project, or by its own name outside it", () => {
    expect(publishedFolderName(path.join(PROJECT_ROOT, "data"))).toBe("data");
    expect(publishedFolderName(path.join(PROJECT_ROOT, "data", "2026-11"))).toBe("data/2026-11");
    expect(publishedFolderName("/home/analyst/snapshots/data-2026-12")).toBe("data-2026-12");
  });

  it("finds the project from the compiled or source module alike", () => {
    expect(path.basename(path.join(PROJECT_ROOT, "package.json"))).toBe("package.json");
    expect(require(path.join(PROJECT_ROOT, "package.json")).name).toBe("roilab");
  });
});

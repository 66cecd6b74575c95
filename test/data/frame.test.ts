import { describe, expect, it } from "vitest";
import { loadDataset, toDataFrame } from "../../src/data";
import { DATA_DIR } from "../helpers/data-folder";

describe("toDataFrame", () => {
  it("turns typed rows into a danfojs DataFrame, empty cells as null", () => {
    const models = loadDataset(DATA_DIR).models;
    const frame = toDataFrame(models);
    expect(frame.shape).toEqual([9, 21]);
    expect(frame.columns).toContain("inputUsdPerMTok");
    expect(frame.column("inputUsdPerMTok").values).toEqual(models.map((model) => model.inputUsdPerMTok));
    expect(frame.column("qualityStars").values.at(-1)).toBeNull();
  });

  it("joins list cells with ';'", () => {
    const frame = toDataFrame(loadDataset(DATA_DIR).caseStudy);
    expect(frame.column("allowedRegions").values).toEqual(["CN;on_premises"]);
  });
});

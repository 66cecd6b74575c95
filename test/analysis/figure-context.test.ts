import { describe, expect, it } from "vitest";
import { modelColors } from "../../src/analysis/figure-context";
import { MODEL_PALETTE } from "../../src/charts";
import { loadDataset } from "../../src/data";
import { DATA_DIR } from "../helpers/data-folder";

const data = loadDataset(DATA_DIR);

describe("chapter theme from data", () => {
  it("gives each model one palette colour", () => {
    const colors = modelColors(data);
    expect(colors.get("hermes-4-70b")).toBe(MODEL_PALETTE[0]);
    expect(new Set(colors.values()).size).toBe(data.models.length);
  });
});

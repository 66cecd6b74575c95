import { describe, expect, it } from "vitest";
import { modelColors, provenance } from "../../src/analysis/figure-context";
import { MODEL_PALETTE } from "../../src/charts";
import { loadDataset } from "../../src/data";
import { DATA_2026_DIR, DATA_DIR } from "../helpers/data-folder";

const data = loadDataset(DATA_DIR);

describe("chapter theme from data", () => {
  it("gives each model one palette colour", () => {
    const colors = modelColors(data);
    expect(colors.get("hermes-4-70b")).toBe(MODEL_PALETTE[0]);
    expect(new Set(colors.values()).size).toBe(data.models.length);
  });
});

describe("a figure's dates", () => {
  it("spans the oldest and newest price of every row it draws on: the 2026 edition's rentals run from 2026-06-30, its APIs to 2026-11-29", () => {
    const later = loadDataset(DATA_2026_DIR);
    expect(provenance(later, ["models.csv", "hardware.csv", "gpu_rentals.csv"]).asOf).toBe("2026-06-30 to 2026-11-29");
    expect(provenance(later, ["models.csv"]).asOf).toBe("2026-11-29");
    expect(provenance(data, ["workloads.csv"]).asOf).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { hardwareColors, modelColors, provenance } from "../../src/analysis/figure-context";
import { SERIES_PALETTE } from "../../src/charts";
import { loadDataset } from "../../src/data";
import { DATA_2026_DIR, DATA_DIR } from "../helpers/data-folder";

const data = loadDataset(DATA_DIR);

describe("chapter theme from data", () => {
  it("gives each model and each hardware configuration its own palette colour", () => {
    for (const dataset of [data, loadDataset(DATA_2026_DIR)]) {
      const models = modelColors(dataset);
      expect(new Set(models.values()).size).toBe(dataset.models.length);
      expect([...models.values()].every((color) => (SERIES_PALETTE as readonly string[]).includes(color))).toBe(true);
      expect(new Set(hardwareColors(dataset).values()).size).toBe(dataset.hardware.length);
    }
  });

  it("gives a model or a server in both editions the same colour in each, whatever its row", () => {
    const later = loadDataset(DATA_2026_DIR);
    const shared = (a: Map<string, string>, b: Map<string, string>) => [...a.keys()].filter((id) => b.has(id));
    const models = [modelColors(data), modelColors(later)] as const;
    const hardware = [hardwareColors(data), hardwareColors(later)] as const;
    expect(shared(...models)).toContain("hermes-4-70b");
    expect(shared(...hardware)).toContain("h100x8");
    for (const id of shared(...models)) expect(models[1].get(id), id).toBe(models[0].get(id));
    for (const id of shared(...hardware)) expect(hardware[1].get(id), id).toBe(hardware[0].get(id));
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

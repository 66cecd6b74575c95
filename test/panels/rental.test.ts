import { describe, expect, it } from "vitest";
import { rentalPanelSpec, rentalSetup, threeWayCosts } from "../../src/analysis";
import { apiUsdPerCall } from "../../src/analysis/cost";
import { loadDataset } from "../../src/data";
import { InputError } from "../../src/errors";
import { evaluateRentalPanel, rentalPanelCosts } from "../../src/panels";
import { DATA_DIR } from "../helpers/data-folder";

const data = loadDataset(DATA_DIR);
const spec = rentalPanelSpec(data, {
  apiModelIds: ["claude-3-5-sonnet", "gpt-4o", "hermes-4-70b"],
  defaults: { rentalId: "runpod-a100x4", apiId: "claude-3-5-sonnet" },
});

describe("the rental panel", () => {
  it("offers every rental, each at its own price, with 24 hours at 70% by default", () => {
    expect(spec.configurations.map((configuration) => configuration.id)).toEqual(data.gpuRentals.map((row) => row.rentalId));
    expect(spec.defaults).toEqual({
      rentalId: "runpod-a100x4",
      apiId: "claude-3-5-sonnet",
      usdPerGpuHour: 1.79,
      hoursPerDay: 24,
      utilisationPercent: 70,
      callsPerDay: 1000,
    });
  });

  it("gives, at its defaults, the page's own costs for every offer and API: servers around the clock on a flat day", () => {
    for (const configuration of spec.configurations) {
      const setup = rentalSetup(data, configuration.id);
      for (const api of spec.apis) {
        for (const calls of [100, 3000, 25000]) {
          const page = threeWayCosts(setup, apiUsdPerCall(data, api.id), calls);
          const panel = rentalPanelCosts(
            spec,
            configuration,
            api.usdPerCall,
            { ...spec.defaults, rentalId: configuration.id, usdPerGpuHour: configuration.usdPerGpuHour },
            calls,
          );
          const where = `${configuration.id} ${api.id} ${calls}`;
          expect(panel.servers, where).toBe(page.buyServers);
          expect(panel.buyUsd, where).toBeCloseTo(page.buyUsd, 6);
          expect(panel.rentUsd, where).toBeCloseTo(page.rentAlwaysOnUsd, 6);
          expect(panel.apiUsd, where).toBeCloseTo(page.apiUsd, 6);
        }
      }
    }
  });

  it("marks in its figure the break-evens its summary states, in whole calls, not the nearest point of the figure's grid", () => {
    const result = evaluateRentalPanel(spec, spec.defaults);
    const labels = (result.figure.layout.annotations ?? []).map((annotation) => annotation.text);
    // $7,155.20 rented against $0.0465 a call: 7,155.2 / (0.0465 × 30) = 5,129.2 calls a day.
    expect(result.oneServerBreakEvenDailyCalls).toBe(5129);
    expect(labels).toContain("renting breaks even: 5,129/day");
    // $4,337.42 bought: 3,109 a day, Figure 59.3b's number for the same server and API.
    expect(labels).toContain("buying breaks even: 3,109/day");
  });

  it("names the cheapest way and refuses inputs out of range", () => {
    const result = evaluateRentalPanel(spec, { ...spec.defaults, callsPerDay: 3000, hoursPerDay: 8 });
    expect(result.rentUsd).toBeCloseTo(4 * 1.79 * 8 * 30 + 2000, 8);
    expect(result.cheapest).toBe("rent");
    expect(result.figure.layout.title.text).toBe("Figure 59.10w — Rent, buy or call, at your price and hours");
    expect(() => evaluateRentalPanel(spec, { ...spec.defaults, hoursPerDay: 0 })).toThrow(InputError);
    expect(() => evaluateRentalPanel(spec, { ...spec.defaults, utilisationPercent: 150 })).toThrow(
      "Planned utilisation (%) must be from 1 to 100, not 150",
    );
  });
});

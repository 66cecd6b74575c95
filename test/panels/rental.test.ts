/** The 59.10 what-if: the page's evaluation against the notebook's route (`threeWay`) on random inputs, in both editions. */
import fc from "fast-check";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { rentalPanelSpec, rentalSetup, threeWay, threeWayCosts } from "../../src/analysis";
import { apiUsdPerCall } from "../../src/analysis/cost";
import { loadDataset } from "../../src/data";
import { InputError } from "../../src/errors";
import { EVEN_HOURS_ID, evaluateRentalPanel, RENTAL_PANEL, rentalPanelCosts } from "../../src/panels";
import type { Dataset } from "../../src/data";
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
      profileId: EVEN_HOURS_ID,
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
    expect(result.rentBreakEvenDailyCalls).toBe(5129);
    expect(result.summary).toContain("Renting breaks even with the API at 5,129 calls a day.");
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

/** The data with one offer at another price, as the notebook's what-if prices it. */
const repriced = (edition: Dataset, rentalId: string, usdPerGpuHour: number): Dataset => ({
  ...edition,
  gpuRentals: edition.gpuRentals.map((row) => (row.rentalId === rentalId ? { ...row, usdPerGpuHour } : row)),
});

const editions = [
  { name: "chapter", data, rentalId: "runpod-a100x4", apiModelIds: ["claude-3-5-sonnet", "gpt-4o", "hermes-4-70b"] },
  {
    name: "2026",
    data: loadDataset(path.join(DATA_DIR, "2026-11")),
    rentalId: "runpod-h100x1",
    apiModelIds: ["claude-sonnet-5", "gpt-6-sol", "hermes-4-70b"],
  },
];

describe("the rental what-if on a traffic profile", () => {
  for (const edition of editions) {
    it(`prices the three ways as threeWay does, at any offer, price, utilisation, volume and profile (${edition.name})`, () => {
      const spec = rentalPanelSpec(edition.data, {
        apiModelIds: edition.apiModelIds,
        defaults: { rentalId: edition.rentalId, apiId: edition.apiModelIds[0]!, profileId: "office-hours" },
      });
      fc.assert(
        fc.property(
          fc.constantFrom(...spec.configurations.map((configuration) => configuration.id)),
          fc.constantFrom(...edition.apiModelIds),
          fc.integer({ min: 0, max: 1_000_000 }).map((hundredths) => hundredths / 10_000),
          fc.integer({ min: 1, max: 100 }),
          fc.nat(200_000),
          fc.constantFrom(...spec.profiles.map((profile) => profile.id)),
          (rentalId, apiId, usdPerGpuHour, utilisationPercent, callsPerDay, profileId) => {
            const inputs = { ...spec.defaults, rentalId, apiId, usdPerGpuHour, utilisationPercent, callsPerDay, profileId };
            const page = evaluateRentalPanel(spec, inputs);
            const notebook = threeWay(repriced(edition.data, rentalId, usdPerGpuHour), {
              rentalId,
              apiModelId: apiId,
              maxCallsPerDay: Math.max(callsPerDay, 1),
              profileId,
              targetUtilisation: utilisationPercent / 100,
              steps: 1,
            });
            const at = threeWayCosts(notebook.setup, notebook.apiUsdPerCall, callsPerDay);
            expect(page.servers).toBe(at.buyServers);
            expect(page.apiUsd).toBeCloseTo(at.apiUsd, 6);
            expect(page.buyUsd).toBeCloseTo(at.buyUsd, 6);
            expect(page.rentUsd).toBeCloseTo(at.rentAlwaysOnUsd, 6);
            expect(page.rentScaledUsd).toBeCloseTo(at.rentScaledUsd, 6);
            // Renting around the clock breaks even where 59.10's capacity-aware break-even says, to the call.
            const first = notebook.rentAlwaysOnVsApi.firstDailyCalls;
            if (Number.isFinite(first) && first < spec.minShownCallsPerDay) expect(page.rentBreakEvenDailyCalls).toBe(Math.trunc(first));
            // The verdict says by how much a month, and the figure marks the reader's volume.
            expect(page.summary).toMatch(/Cheapest: [A-Za-z -]+, (by \$[\d,]+ a month against|at the same cost)/);
            expect((page.figure.layout.shapes as Array<{ x0: number }>).map((shape) => shape.x0)).toContain(callsPerDay);
          },
        ),
        { numRuns: 40 },
      );
    });
  }

  it("starts where the notebook's what-if did: $1.20 per GPU-hour for the 4x A100 on office hours (Figure 59.10d)", () => {
    const spec = rentalPanelSpec(data, {
      apiModelIds: ["claude-3-5-sonnet", "gpt-4o", "hermes-4-70b"],
      maxCallsPerDay: 20_000,
      defaults: { rentalId: "runpod-a100x4", apiId: "claude-3-5-sonnet", usdPerGpuHour: 1.2, profileId: "office-hours" },
    });
    const page = evaluateRentalPanel(spec, spec.defaults);
    const notebook = threeWay(repriced(data, "runpod-a100x4", 1.2), {
      rentalId: "runpod-a100x4",
      apiModelId: "claude-3-5-sonnet",
      maxCallsPerDay: 20_000,
      profileId: "office-hours",
    });
    // 4 GPUs × $1.20 × 24 h × 30 days + $2,000 = $5,456 a month; at $0.0465 a call, 3,911 calls a day.
    expect(page.rentBreakEvenDailyCalls).toBe(Math.trunc(notebook.rentAlwaysOnVsApi.firstDailyCalls));
    expect(page.rentBreakEvenDailyCalls).toBe(3911);
    const labels = (page.figure.layout.annotations ?? []).map((annotation) => annotation.text);
    expect(labels).toContain(`buying breaks even: ${Math.trunc(notebook.buyVsApi.firstDailyCalls).toLocaleString("en-US")}/day`);
    expect(labels).toContain("renting around the clock breaks even: 3,911/day");
    // The same four lines as the notebook's figure, over the same volumes.
    expect(page.figure.data.map((trace) => trace.name)).toEqual([
      "Claude 3.5 Sonnet API",
      "bought",
      "rented around the clock",
      "rented hour by hour",
    ]);
    expect(Math.max(...(page.figure.data[0]!.x as number[]))).toBe(20_000);
    for (const cost of notebook.costs.filter((_, index) => index % 40 === 0)) {
      const panel = rentalPanelCosts(
        spec,
        spec.configurations.find((c) => c.id === "runpod-a100x4")!,
        notebook.apiUsdPerCall,
        spec.defaults,
        cost.callsPerDay,
      );
      expect(panel.rentScaledUsd).toBeCloseTo(cost.rentScaledUsd, 6);
      expect(panel.buyUsd).toBeCloseTo(cost.buyUsd, 6);
    }
    expect(RENTAL_PANEL.unused?.(spec, spec.defaults)).toEqual(["hoursPerDay"]);
  });

  it("warns when one rented server would break even only past the calls it carries", () => {
    const spec = rentalPanelSpec(data, {
      apiModelIds: ["hermes-4-70b"],
      defaults: { rentalId: "runpod-a100x4", apiId: "hermes-4-70b", profileId: "office-hours" },
    });
    const result = evaluateRentalPanel(spec, spec.defaults);
    // $7,155 a month of rent against $0.00855 a call: 27,895 calls a day, where one server carries about 6,376.
    expect(result.oneServerBreakEvenDailyCalls).toBeGreaterThan(result.callsPerDayPerServer);
    expect(result.summary).toMatch(/One rented server would break even only at [\d,]+ calls a day, more than the 6,376 it carries\./);
  });

  it("refuses a price out of range with the field's label", () => {
    expect(() => evaluateRentalPanel(spec, { ...spec.defaults, usdPerGpuHour: -1 })).toThrow(
      "Price ($ per GPU-hour) must be from 0 to 1,000, not -1",
    );
  });
});

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { breakEvenMatrix, breakEvenVolumes, calculateBreakEven } from "../../src/model";

describe("calculateBreakEven", () => {
  it("reproduces scenario 1, A100 cluster against Claude 3.5 Sonnet, with the chapter's own call", () => {
    const result = calculateBreakEven({
      hardwareCost: 80_000,
      monthlyPowerCost: 115,
      monthlyOpsCost: 2_000,
      depreciationMonths: 36,
      apiCostPerCall: 0.0465,
    });
    expect(result.totalMonthlyLocalCost).toBeCloseTo(4337.22, 2);
    expect(result.monthlyDepreciation).toBeCloseTo(2222.22, 2);
    expect(result).toMatchObject({ monthlyPower: 115, monthlyOps: 2000, apiCostPerCall: 0.0465 });
    expect(result.breakEvenDailyCalls).toBe(3109);
    // The chapter prints "about 93,270"; its formula gives 93,273 (recorded in data/published_figures.csv).
    expect(result.breakEvenMonthlyCalls).toBe(93_273);
    expect(result.breakEvenPerHour).toBe(129);
  });

  it("reproduces scenario 2, RTX 4090 server against GPT-4o: 822 calls a day where the chapter prints 823", () => {
    const result = calculateBreakEven({
      hardwareCost: 8_000,
      monthlyPowerCost: 30,
      monthlyOpsCost: 500,
      depreciationMonths: 24,
      apiCostPerCall: 0.035,
    });
    expect(result.totalMonthlyLocalCost).toBeCloseTo(863.33, 2);
    expect(result.breakEvenDailyCalls).toBe(822);
    expect(result.breakEvenMonthlyCalls).toBe(24_666);
    expect(result.breakEvenPerHour).toBe(34);
  });

  it("subtracts a local variable cost per call from the saving", () => {
    const result = calculateBreakEven({
      hardwareCost: 0,
      monthlyPowerCost: 100,
      monthlyOpsCost: 0,
      depreciationMonths: 1,
      apiCostPerCall: 0.02,
      localVariableCostPerCall: 0.01,
    });
    expect(result.savingPerCall).toBeCloseTo(0.01, 12);
    expect(result.breakEvenMonthlyCalls).toBe(10_000);
  });

  it("says never (Infinity), not a negative or NaN volume, when a local call saves nothing", () => {
    for (const local of [0.05, 0.1]) {
      const result = calculateBreakEven({
        hardwareCost: 1000,
        monthlyPowerCost: 0,
        monthlyOpsCost: 0,
        depreciationMonths: 10,
        apiCostPerCall: 0.05,
        localVariableCostPerCall: local,
      });
      expect([result.breakEvenMonthlyCalls, result.breakEvenDailyCalls, result.breakEvenPerHour]).toEqual([Infinity, Infinity, Infinity]);
    }
    expect(breakEvenVolumes(0, 0).breakEvenDailyCalls).toBe(Infinity);
  });

  it("rejects a non-positive depreciation period", () => {
    expect(() =>
      calculateBreakEven({ hardwareCost: 1, monthlyPowerCost: 0, monthlyOpsCost: 0, depreciationMonths: 0, apiCostPerCall: 1 }),
    ).toThrow(/depreciationMonths/);
  });

  it("break-even calls times the saving per call is the local monthly cost, to within one call (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 1e-5, max: 1, noNaN: true }),
        (hardwareCost, monthlyOpsCost, apiCostPerCall) => {
          const result = calculateBreakEven({ hardwareCost, monthlyPowerCost: 50, monthlyOpsCost, depreciationMonths: 36, apiCostPerCall });
          const covered = result.breakEvenMonthlyCalls * result.savingPerCall;
          expect(covered).toBeLessThanOrEqual(result.totalMonthlyLocalCost * (1 + 1e-12));
          expect(covered + result.savingPerCall).toBeGreaterThan(result.totalMonthlyLocalCost * (1 - 1e-12));
        },
      ),
    );
  });

  it("is never reached whenever the local call costs at least the API call (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (api, extra) => {
        const result = calculateBreakEven({
          hardwareCost: 1000,
          monthlyPowerCost: 10,
          monthlyOpsCost: 10,
          depreciationMonths: 12,
          apiCostPerCall: api,
          localVariableCostPerCall: api + extra,
        });
        expect(result.breakEvenDailyCalls).toBe(Infinity);
      }),
    );
  });
});

describe("breakEvenMatrix", () => {
  it("gives one cell per hardware and API, hardware-major", () => {
    const cells = breakEvenMatrix(
      [
        { id: "rtx4090x1", monthlyCostUsd: 530 },
        { id: "h100x8", monthlyCostUsd: 18_500 },
      ],
      [
        { id: "claude", usdPerCall: 0.0465 },
        { id: "gpt-4o", usdPerCall: 0.035 },
        { id: "free", usdPerCall: 0 },
      ],
    );
    expect(cells.map((cell) => [cell.hardwareId, cell.apiId, cell.breakEvenDailyCalls])).toEqual([
      ["rtx4090x1", "claude", 379],
      ["rtx4090x1", "gpt-4o", 504],
      ["rtx4090x1", "free", Infinity],
      ["h100x8", "claude", 13_261],
      ["h100x8", "gpt-4o", 17_619],
      ["h100x8", "free", Infinity],
    ]);
  });
});

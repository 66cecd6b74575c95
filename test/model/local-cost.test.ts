import { describe, expect, it } from "vitest";
import { localCostInputsInForce, localMonthlyCost } from "../../src/model";

describe("local monthly cost", () => {
  it("itemises the 59.1 example: 4x A100 at $80,000 over 36 months, 1.6 kW at $0.10, 0.2 FTE at $10,000", () => {
    const cost = localMonthlyCost({
      capexUsd: 80_000,
      depreciationMonths: 36,
      powerKw: 1.6,
      electricityUsdPerKwh: 0.1,
      opsFte: 0.2,
      opsSalaryUsdPerMonth: 10_000,
    });
    expect(cost.basis).toBe("itemised");
    if (cost.basis !== "itemised") return;
    expect(cost.depreciationUsd).toBeCloseTo(2222.22, 2);
    expect(cost.energyKwhPerMonth).toBeCloseTo(1152, 6);
    expect(cost.powerUsd).toBeCloseTo(115.2, 2);
    expect(cost.opsUsd).toBeCloseTo(2000, 2);
    expect(cost.totalUsd).toBeCloseTo(4337.42, 2);
  });

  it("prefers a stated electricity bill and ops cost over their formulas", () => {
    const cost = localMonthlyCost({
      capexUsd: 8000,
      depreciationMonths: 24,
      powerKw: 0.25,
      powerUsdPerMonth: 30,
      opsFte: 1,
      opsSalaryUsdPerMonth: 9999,
      opsUsdPerMonth: 500,
    });
    expect(cost).toMatchObject({ basis: "itemised", powerUsd: 30, opsUsd: 500, energyKwhPerMonth: undefined });
    expect(cost.totalUsd).toBeCloseTo(863.33, 2);
  });

  it("uses a stated monthly total as it is when nothing is itemised", () => {
    expect(localMonthlyCost({ monthlyFixedUsd: 530 })).toEqual({ basis: "stated", totalUsd: 530 });
  });

  it("keeps the operations part of a stated total where the source allows the split, and refuses one above the total", () => {
    expect(localMonthlyCost({ monthlyFixedUsd: 3169, opsUsdPerMonth: 2000 })).toEqual({ basis: "stated", totalUsd: 3169, opsUsd: 2000 });
    expect(() => localMonthlyCost({ monthlyFixedUsd: 3169, opsUsdPerMonth: 3170 })).toThrow(/operations part \(3170\)/);
  });

  it("derives energy from the days per month", () => {
    const cost = localMonthlyCost({
      capexUsd: 0,
      depreciationMonths: 1,
      powerKw: 1,
      electricityUsdPerKwh: 1,
      opsUsdPerMonth: 0,
      daysPerMonth: 31,
    });
    expect(cost.totalUsd).toBeCloseTo(744, 6);
  });

  it("names the missing input", () => {
    expect(() => localMonthlyCost({ capexUsd: 1000, depreciationMonths: 12, powerUsdPerMonth: 10 })).toThrow(
      /opsFte or opsUsdPerMonth is required/,
    );
    expect(() => localMonthlyCost({ capexUsd: 1000, depreciationMonths: 0, powerUsdPerMonth: 10, opsUsdPerMonth: 0 })).toThrow(
      /depreciationMonths must be positive/,
    );
  });
});

describe("the inputs in force", () => {
  const items = {
    capexUsd: 36_000,
    depreciationMonths: 36,
    powerKw: 2,
    electricityUsdPerKwh: 0.1,
    opsFte: 0.2,
    opsSalaryUsdPerMonth: 10_000,
    daysPerMonth: 30,
  };

  it("keep the formulas' inputs where no bill is stated", () => {
    expect(localCostInputsInForce(items)).toEqual(items);
  });

  it("drop kW and price under a stated electricity bill, and FTE and salary under a stated operations cost", () => {
    const inForce = localCostInputsInForce({ ...items, powerUsdPerMonth: 150, opsUsdPerMonth: 900 });
    expect(inForce).toEqual({ capexUsd: 36_000, depreciationMonths: 36, powerUsdPerMonth: 150, opsUsdPerMonth: 900, daysPerMonth: 30 });
    // The cost is made of exactly these: $1,000 + $150 + $900.
    expect(localMonthlyCost(inForce).totalUsd).toBe(2050);
    expect(localMonthlyCost({ ...items, powerUsdPerMonth: 150, opsUsdPerMonth: 900 }).totalUsd).toBe(2050);
  });

  it("keep only the stated total and its operations part where nothing is bought", () => {
    expect(localCostInputsInForce({ monthlyFixedUsd: 5000, opsUsdPerMonth: 1000, powerKw: 3, opsFte: 1 })).toEqual({
      monthlyFixedUsd: 5000,
      opsUsdPerMonth: 1000,
    });
  });
});

import { describe, expect, it } from "vitest";
import { opsFteLimit, opsSweep } from "../../src/model/ops-cost";

describe("ops cost", () => {
  it("moves the A100 vs Claude break-even from 1,676 calls/day without ops to 5,974 at 0.5 FTE of $12,000", () => {
    const points = opsSweep({
      hardwareUsdPerMonth: 2337.42,
      apiUsdPerCall: 0.0465,
      opsFte: [0, 0.2, 0.5],
      salariesUsdPerMonth: [10_000, 12_000],
    });
    expect(points).toHaveLength(6);
    expect(points.find((point) => point.opsFte === 0.2 && point.salaryUsdPerMonth === 10_000)?.breakEvenDailyCalls).toBe(3109);
    expect(points.find((point) => point.opsFte === 0)?.breakEvenDailyCalls).toBe(1675);
    expect(points.find((point) => point.opsFte === 0.5 && point.salaryUsdPerMonth === 12_000)?.breakEvenDailyCalls).toBe(5976);
  });

  it("finds the ops share at which local stops paying at a volume, where the costs meet", () => {
    const fte = opsFteLimit({ hardwareUsdPerMonth: 2337.42, apiUsdPerCall: 0.0465, callsPerDay: 5000, salaryUsdPerMonth: 10_000 });
    expect(fte).toBeCloseTo((5000 * 0.0465 * 30 - 2337.42) / 10_000, 12);
    expect(2337.42 + fte * 10_000).toBeCloseTo(5000 * 0.0465 * 30, 9);
  });
});

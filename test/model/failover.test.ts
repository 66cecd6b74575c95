import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { failoverCost } from "../../src/model/failover";

describe("failover", () => {
  const base = {
    callsPerMonth: 90_000,
    localMonthlyUsd: 693.33,
    cloudUsdPerCall: 0.009,
    localDowntimeHoursPerMonth: 7.2,
    outagesPerMonth: 2,
    detectionSeconds: 60,
    cloudAvailability: 0.999,
  };

  it("serves 99% locally alone and 99.995% with a cloud fallback at 7.2 hours of downtime a month", () => {
    const result = failoverCost(base);
    expect(result.availabilityLocalOnly).toBeCloseTo(0.99, 12);
    // 0.99 + (0.01 − 120 s / 2,592,000 s) × 0.999
    expect(result.availabilityWithFailover).toBeCloseTo(0.99 + (0.01 - 120 / 2_592_000) * 0.999, 12);
    expect(result.cloudCallsPerMonth).toBeCloseTo(90_000 * (0.01 - 120 / 2_592_000) * 0.999, 6);
    expect(result.totalUsdPerMonth).toBeCloseTo(693.33 + result.cloudCallsPerMonth * 0.009, 9);
    expect(result.failedCallsPerMonth).toBeCloseTo(90_000 * (1 - result.availabilityWithFailover), 9);
  });

  it("sends the cloud share to the cloud and falls back to local when the cloud is down", () => {
    const result = failoverCost({ ...base, cloudShare: 1 });
    expect(result.availabilityWithFailover).toBeCloseTo(0.999 + 0.001 * 0.99, 12);
    expect(result.cloudCallsPerMonth).toBeCloseTo(90_000 * 0.999, 6);
  });

  it("rejects downtime beyond the month and shares outside 0–1", () => {
    expect(() => failoverCost({ ...base, localDowntimeHoursPerMonth: 800 })).toThrow(/downtime/);
    expect(() => failoverCost({ ...base, cloudAvailability: 1.5 })).toThrow(/cloudAvailability/);
  });

  it("is at least as available as local alone and costs at least the local server (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 720, noNaN: true }),
        fc.integer({ min: 0, max: 100 }),
        fc.double({ min: 0, max: 3600, noNaN: true }),
        fc.double({ min: 0.9, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (downtime, outages, detection, cloud, share) => {
          const result = failoverCost({
            ...base,
            localDowntimeHoursPerMonth: downtime,
            outagesPerMonth: outages,
            detectionSeconds: detection,
            cloudAvailability: cloud,
            cloudShare: share,
          });
          expect(result.availabilityWithFailover).toBeGreaterThanOrEqual(
            Math.min(result.availabilityLocalOnly, result.availabilityCloudOnly) - 1e-12,
          );
          expect(result.availabilityWithFailover).toBeLessThanOrEqual(1 + 1e-12);
          expect(result.totalUsdPerMonth).toBeGreaterThanOrEqual(base.localMonthlyUsd);
        },
      ),
    );
  });
});

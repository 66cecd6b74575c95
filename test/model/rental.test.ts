import { describe, expect, it } from "vitest";
import {
  alwaysOnMonthlyUsd,
  billedHours,
  crossover,
  scaledDailyUsd,
  selfHostedUsdPerCall,
  serversByHour,
  serverUsdPerHour,
  usdPerMillionTokens,
  type RentalOffer,
} from "../../src/model";
import { InputError } from "../../src/errors";

const perSecond: RentalOffer = { usdPerGpuHour: 0.74, gpuCount: 2, billingIncrementHours: 1 / 3600, minimumHours: 0 };
const hourly = (minimumHours: number): RentalOffer => ({ usdPerGpuHour: 0.5, gpuCount: 2, billingIncrementHours: 1, minimumHours });

describe("renting GPUs by the hour", () => {
  it("prices a server kept on all month: 2 GPUs at $0.74 for 24 h × 30 days is $1,065.60", () => {
    expect(serverUsdPerHour(perSecond)).toBeCloseTo(1.48, 10);
    expect(alwaysOnMonthlyUsd(perSecond, 1)).toBeCloseTo(1065.6, 8);
    expect(alwaysOnMonthlyUsd(perSecond, 11, 30)).toBeCloseTo(11 * 1065.6, 8);
  });

  it("bills a run rounded up to its increment and at least its minimum", () => {
    expect(billedHours(0.5, perSecond)).toBeCloseTo(0.5, 10);
    expect(billedHours(0.5, hourly(0))).toBe(1);
    expect(billedHours(3, hourly(4))).toBe(4);
    expect(billedHours(5, hourly(4))).toBe(5);
    expect(billedHours(0, hourly(4))).toBe(0);
  });

  it("sizes each hour by its own calls: the case study's weekday needs 11 servers at its peak and 109 server-hours", () => {
    // office-hours loads add up to 116; one 2x RTX 4090 takes 2,520 s / 87.535 s = 28.788 calls an hour at 70%.
    const loads = [1, 1, 1, 1, 1, 1, 1, 1, 4, 10, 12, 12, 6, 10, 12, 12, 11, 8, 4, 2, 2, 1, 1, 1];
    const perHour = (3600 * 0.7) / (8000 / 905.38 + 1500 / 19.06);
    const weekday = serversByHour(3000, loads, perHour);
    expect(Math.max(...weekday)).toBe(11);
    expect(weekday.reduce((sum, count) => sum + count, 0)).toBe(109);
    expect(serversByHour(500, loads, perHour).reduce((sum, count) => sum + count, 0)).toBe(32);
    expect(serversByHour(2400, Array(24).fill(1), 28.8)).toEqual(Array(24).fill(4));
  });

  it("rents each server for its unbroken runs of hours, each run billed with the minimum", () => {
    const servers = [0, 0, 2, 2, 1, ...Array(19).fill(0)];
    // Server 1 runs hours 2–4 (3 h), server 2 hours 2–3 (2 h), at $1 an hour per server.
    expect(scaledDailyUsd(servers, hourly(0))).toBe(5);
    // With a 4-hour minimum each run pays 4 h.
    expect(scaledDailyUsd(servers, hourly(4))).toBe(8);
    // A server needed at midnight and again in the evening is two runs.
    expect(scaledDailyUsd([1, ...Array(21).fill(0), 1, 1], hourly(2))).toBe(4);
  });

  it("bills a fleet of thousands by the counts its day has, as server-by-server runs would: the same dollars for any day", () => {
    // Each server k is billed for its own runs, one by one: the rule the function states, without its shortcut.
    const oneByOne = (servers: readonly number[], offer: RentalOffer) => {
      let usd = 0;
      for (let k = 1; k <= Math.max(0, ...servers); k++) {
        let run = 0;
        servers.forEach((count, hour) => {
          if (count >= k) run += 1;
          if (count < k || hour === servers.length - 1) {
            usd += billedHours(run, offer) * serverUsdPerHour(offer);
            run = 0;
          }
        });
      }
      return usd;
    };
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let day = 0; day < 50; day++) {
      const servers = Array.from({ length: 24 }, () => Math.floor(random() * (day % 2 === 0 ? 6 : 3000)));
      const offer = hourly(day % 3);
      expect(scaledDailyUsd(servers, offer)).toBeCloseTo(oneByOne(servers, offer), 6);
    }
    expect(scaledDailyUsd([2.5, 2.5, 0.5, ...Array(21).fill(0)], hourly(0))).toBe(
      oneByOne([2.5, 2.5, 0.5, ...Array(21).fill(0)], hourly(0)),
    );
  });

  it("gives a self-hosted call's cost at a utilisation, and any call's cost per million tokens", () => {
    // The 2x RTX 4090 bought: ($393.33 + $300) / 720 h; 41.13 calls an hour at full rate, 60% busy.
    const perCall = selfHostedUsdPerCall((12000 / 36 + 60 + 300) / 720, 3600 / (8000 / 905.38 + 1500 / 19.06), 0.6);
    expect(perCall).toBeCloseTo(0.039024, 5);
    expect(usdPerMillionTokens(perCall, { inputTokensPerCall: 8000, outputTokensPerCall: 1500 })).toBeCloseTo(4.1078, 3);
    // Claude 3.5 Sonnet at the chapter's workload: $0.0465 a call is $4.89 per million tokens.
    expect(usdPerMillionTokens(0.0465, { inputTokensPerCall: 8000, outputTokensPerCall: 1500 })).toBeCloseTo(4.8947, 3);
    expect(() => selfHostedUsdPerCall(1, 10, 0)).toThrow(InputError);
  });

  it("finds where one way becomes cheaper and stays so, on a grid", () => {
    const volumes = Array.from({ length: 11 }, (_, index) => index * 100);
    // A flat $500 against $1 per call a day: cheaper from 500.
    expect(
      crossover(
        () => 500,
        (calls) => calls,
        volumes,
      ),
    ).toEqual({ firstDailyCalls: 500, sustainedFromDailyCalls: 500, firstRunEndsDailyCalls: Infinity });
    // Cheaper at 300 only, then dearer again, then cheaper from 800: the first stretch ends at 300.
    const wobbly = (calls: number) => (calls === 300 || calls >= 800 ? 0 : 1000);
    expect(crossover(wobbly, () => 1, volumes)).toEqual({
      firstDailyCalls: 300,
      sustainedFromDailyCalls: 800,
      firstRunEndsDailyCalls: 300,
    });
    expect(
      crossover(
        () => 2,
        () => 1,
        volumes,
      ),
    ).toEqual({ firstDailyCalls: Infinity, sustainedFromDailyCalls: Infinity, firstRunEndsDailyCalls: Infinity });
  });
});

import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data";
import {
  breakEvenUncertainty,
  capacityBreakEvenTable,
  caseStudyCapacity,
  failoverFromData,
  fleetCostOf,
  findHardware,
  gpuConfigurations,
  modelSwitchTest,
  opsSweepFromData,
  quantisationLevels,
  successRate,
  trafficProfile,
  uncertaintyRanges,
  vramTable,
} from "../../src/analysis";
import { DATA_DIR } from "../helpers/data-folder";

const data = loadDataset(DATA_DIR);

describe("capacity from data", () => {
  it("reads the office-hours profile's busiest hour as 12 of 116 load units", () => {
    expect(trafficProfile(data, "office-hours").peakHourShare).toBeCloseTo(12 / 116, 12);
    expect(trafficProfile(data).peakHourShare).toBeCloseTo(1 / 24, 12);
    expect(() => trafficProfile(data, "night")).toThrow(/unknown profile_id "night"; known: flat-24h, office-hours/);
  });

  it("splits an itemised server into per-machine depreciation and power, with ops shared", () => {
    expect(fleetCostOf(findHardware(data, "rtx4090x2-saas"))).toEqual({ perMachineUsdPerMonth: 12_000 / 36 + 60, sharedUsdPerMonth: 300 });
    expect(fleetCostOf(findHardware(data, "h100x8"))).toEqual({ perMachineUsdPerMonth: 18_500, sharedUsdPerMonth: 0 });
  });

  it("sizes the case study at 11 servers on its office-hours profile: all-local $4,626.67 and hybrid $2,685.17 against the chapter's $693.33 and $1,111.83", () => {
    const study = caseStudyCapacity(data);
    expect(study.profile.profileId).toBe("office-hours");
    expect(study.capacity.secondsPerCall).toBeCloseTo(87.53, 2);
    expect(study.capacity.callsPerDayPerMachine).toBeCloseTo(278.3, 1);
    expect(study.weekday.peakOutputTokensPerSecond).toBeCloseTo(129.31, 2);
    expect(study.weekday.averageOutputTokensPerSecond).toBeCloseTo(52.08, 2);
    const [cloud, local, hybrid] = study.withCapacity.options;
    expect([cloud?.machines, local?.machines, hybrid?.machines]).toEqual([0, 11, 5]);
    expect(local?.totalUsd).toBeCloseTo(4626.67, 2);
    expect(hybrid?.totalUsd).toBeCloseTo(2685.17, 2);
    expect(cloud?.totalUsd).toBeCloseTo(697.5, 2);
    expect(study.asPublished.options.map((option) => +option.totalUsd.toFixed(2))).toEqual([697.5, 693.33, 1111.83]);
  });

  it("needs 5 servers for the case study even spread evenly over 24 hours: all-local $2,266.67, hybrid $1,505.17", () => {
    const study = caseStudyCapacity(data, { profileId: "flat-24h" });
    const [, local, hybrid] = study.withCapacity.options;
    expect([local?.machines, hybrid?.machines]).toEqual([5, 2]);
    expect(local?.totalUsd).toBeCloseTo(2266.67, 2);
    expect(hybrid?.totalUsd).toBeCloseTo(1505.17, 2);
  });

  it("leaves the A100 vs Claude break-even where the chapter puts it when served batched, and never reached single-stream", () => {
    const rows = capacityBreakEvenTable(data, "claude-3-5-sonnet");
    const batched = rows.find((row) => row.hardware.hardwareId === "a100x4-70b" && row.throughput.serving === "batched");
    const single = rows.find((row) => row.hardware.hardwareId === "a100x4-70b" && row.throughput.serving === "single_stream");
    expect(batched?.breakEven.firstDailyCalls).toBeCloseTo(3109.26, 2);
    expect(batched?.machinesAtWorkload).toBe(1);
    expect(single?.breakEven.firstDailyCalls).toBe(Infinity);
    expect(rows).toHaveLength(data.throughput.length);
  });
});

describe("uncertainty from data", () => {
  it("maps uncertainty_ranges.csv columns onto the model's inputs", () => {
    const ranges = uncertaintyRanges(data);
    expect(ranges.inputUsdPerMTok).toEqual({ lowFactor: 0.5, highFactor: 1, distribution: "triangular", modeFactor: 1 });
    expect(ranges.depreciationMonths?.highFactor).toBe(1.3333);
    expect(Object.keys(ranges)).toHaveLength(data.uncertaintyRanges.length);
  });

  it("names the depreciation period as the input that moves the A100 vs Claude break-even most, and reproduces its Monte Carlo from the seed", () => {
    const first = breakEvenUncertainty(data, "a100x4-70b", "claude-3-5-sonnet", { samples: 500, seed: 11 });
    const again = breakEvenUncertainty(data, "a100x4-70b", "claude-3-5-sonnet", { samples: 500, seed: 11 });
    expect(first.tornado.bars[0]?.input).toBe("depreciationMonths");
    expect(first.p50).toBe(again.p50);
    expect(first.p5).toBeLessThan(first.p50);
    expect(first.p50).toBeLessThan(first.p95);
    // Ranges lean towards cheaper APIs and more ops time, so the median break-even sits above the point estimate.
    expect(first.p50).toBeGreaterThan(first.tornado.baseBreakEven);
  });

  it("refuses hardware priced only as a stated total", () => {
    expect(() => breakEvenUncertainty(data, "h100x8", "claude-3-5-sonnet")).toThrow(/stated monthly cost only/);
  });
});

describe("closing questions from data", () => {
  it("lists the distinct GPU configurations by total VRAM", () => {
    expect(gpuConfigurations(data).map((config) => `${config.label}=${config.totalVramGib}`)).toEqual([
      "1× RTX 4090=24",
      "2× RTX 4090=48",
      "4× RTX 4090=96",
      "2× A100 80GB=160",
      "4× A100 80GB=320",
      "8× A100 80GB=640",
      "8× H100 80GB=640",
    ]);
  });

  it("fits the 70B model at Q4_K_M on the case study's 2× RTX 4090 but not at Q5_K_M, and gives 4-bit's quality cost as +2.8% perplexity on 8B", () => {
    const cells = vramTable(data, { contextTokens: 8000 });
    const q4 = cells.find((cell) => cell.modelId === "hermes-3-70b" && cell.quantId === "q4_k_m");
    const q5 = cells.find((cell) => cell.modelId === "hermes-3-70b" && cell.quantId === "q5_k_m");
    expect(q4?.fits["2× RTX 4090"]).toBe(true);
    expect(q5?.fits["2× RTX 4090"]).toBe(false);
    expect(q4?.weightsGib).toBeCloseTo(40.2, 1);
    const levels = quantisationLevels(data);
    expect(levels.find((level) => level.quantId === "q4_k_m" && level.referenceModel === "Llama 3 8B")?.perplexityIncreasePercent).toBeCloseTo(2.816, 3);
    expect(levels.find((level) => level.quantId === "q4_k_m" && level.referenceModel === "Llama 3 70B")?.perplexityIncreasePercent).toBeCloseTo(4.825, 3);
  });

  it("prices the failover scenario: 99% local, 99.994% with Claude as fallback, $69.36 of cloud calls a month", () => {
    const { result, callsPerMonth } = failoverFromData(data);
    expect(callsPerMonth).toBe(150_000);
    expect(result.availabilityLocalOnly).toBeCloseTo(0.99, 12);
    expect(result.availabilityWithFailover).toBeCloseTo(0.99994375, 10);
    expect(result.cloudUsdPerMonth).toBeCloseTo(69.36, 2);
    expect(failoverFromData(data, undefined, { localDowntimeHoursPerMonth: 0 }).result.cloudUsdPerMonth).toBe(0);
  });

  it("sweeps ops share on itemised hardware only", () => {
    const points = opsSweepFromData(data, "a100x4-70b", "claude-3-5-sonnet", [0.2], [10_000]);
    expect(points[0]?.breakEvenDailyCalls).toBe(3109);
    expect(() => opsSweepFromData(data, "h100x8", "claude-3-5-sonnet", [0.2], [10_000])).toThrow(/stated monthly cost only/);
  });

  it("plans an A/B test of Claude 3.5 against Hermes 4 on their GAIA Level 1 gap: 2,676 calls per arm, 4 days at half of 3,000 calls/day", () => {
    const test = modelSwitchTest(data, { baselineModelId: "claude-3-5-sonnet", candidateModelId: "hermes-4-70b", benchmark: "GAIA Level 1", callsPerDay: 3000, testShare: 0.5 });
    expect([test.baselineRate, test.candidateRate]).toEqual([0.841, 0.812]);
    expect(test.plan).toEqual({ callsPerArm: 2676, callsInTotal: 5352, days: 4 });
    expect(() => successRate(data, "hermes-4-70b", "AgentBench")).toThrow(/scored in points/);
  });
});

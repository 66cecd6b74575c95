/**
 * The China edition of the data (data/2026-11-cn/): APIs priced in yuan (DeepSeek's peak hours included), a team in
 * mainland China, its case study and its decision, each figure worked out by hand from the CSV numbers, to the fen.
 */
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { caseStudyDecision, decide, displayCurrency, inCurrency } from "../../src/analysis";
import { caseStudyFromData } from "../../src/analysis/case-study";
import { chapterTextReport } from "../../src/analysis/text";
import { loadDataset } from "../../src/data";
import { DATA_DIR } from "../helpers/data-folder";

const inUsd = loadDataset(path.join(DATA_DIR, "2026-11-cn"));
/** The edition's money in yuan, as `--currency CNY` shows it: every cost below comes out in CNY. */
const data = inCurrency(inUsd, "CNY");

// A calendar month is 365.25 / 12 = 30.4375 days, 5/7 of them weekdays.
const weekdays = (30.4375 * 5) / 7;

// DeepSeek's peak hours, 09:00-12:00 and 14:00-18:00 Beijing time, are 01:00-04:00 and 06:00-10:00 UTC.
// The agent works 09:00-19:00 Beijing time (01:00-11:00 UTC), evenly: 3 + 4 of its 10 hours are peak.
const agentPeakShare = 7 / 10;
// A call: 30,000 input tokens, 70% of them cache reads (21,000), 9,000 not; 1,200 output and 800 reasoning tokens.
const agentCall = (input: number, cached: number, output: number, reasons: boolean) =>
  (9_000 * input + 21_000 * cached + (1_200 + (reasons ? 800 : 0)) * output) / 1e6;

describe("data/2026-11-cn", () => {
  it("reads the yuan prices back as the providers state them", () => {
    const flash = data.models.find((model) => model.modelId === "deepseek-v4-flash");
    expect([flash?.inputUsdPerMTok, flash?.cachedInputUsdPerMTok, flash?.outputUsdPerMTok]).toEqual([
      expect.closeTo(1, 12),
      expect.closeTo(0.02, 12),
      expect.closeTo(4, 12),
    ]);
    const peak = data.timeOfDayPrices.filter((row) => row.modelId === "deepseek-v4-flash");
    // Minutes after midnight UTC: 01:00-04:00 and 06:00-10:00.
    expect(peak.map((row) => [row.startUtc, row.endUtc])).toEqual([
      [60, 240],
      [360, 600],
    ]);
    expect(peak[0]?.inputUsdPerMTok).toBeCloseTo(2, 12);
    expect(data.hardware.find((row) => row.hardwareId === "h20x32-r1")?.capexUsd).toBeCloseTo(4_800_000, 6);
    expect(data.gpuRentals.every((row) => row.region === "CN")).toBe(true);
    expect(data.publishedFigures).toEqual([]);
  });
});

describe("decide for the agent of a team in mainland China, in CNY", () => {
  const decision = decide(data, { workloadId: "agent-example", samples: 0 });
  const option = (id: string) => {
    const found = decision.options.find((candidate) => candidate.id === id);
    if (!found) throw new Error(`no option ${id}`);
    return found;
  };
  const callsPerMonth = 20_000 * weekdays;

  it("bills today's DeepSeek V4 Pro at its peak price for 7 of the 10 busy hours: ¥0.120105 a call, ¥52,224.23 a month", () => {
    // Off-peak (9,000 × 4.5 + 21,000 × 0.15 + 2,000 × 13.5) / 1M = ¥0.07065; peak twice that, ¥0.1413; it reasons.
    const offPeak = agentCall(4.5, 0.15, 13.5, true);
    expect(offPeak).toBeCloseTo(0.07065, 12);
    const perCall = agentPeakShare * 2 * offPeak + (1 - agentPeakShare) * offPeak;
    expect(decision.current.id).toBe("api:deepseek-v4-pro");
    expect(option("api:deepseek-v4-pro").usdPerCall).toBeCloseTo(perCall, 12);
    expect(option("api:deepseek-v4-pro").usdPerMonth).toBeCloseTo(callsPerMonth * 0.120105, 2);
    expect(option("api:deepseek-v4-pro").usdPerMonth).toBeCloseTo(52_224.23, 2);
  });

  it("bills DeepSeek's Flash the same way: (0.7 × 2 + 0.3) × ¥0.01742 = ¥0.029614 a call, ¥12,876.80 a month", () => {
    const offPeak = agentCall(1, 0.02, 4, true);
    expect(offPeak).toBeCloseTo(0.01742, 12);
    expect(option("api:deepseek-v4-flash").usdPerMonth).toBeCloseTo(callsPerMonth * (1.7 * offPeak), 2);
    expect(option("api:deepseek-v4-flash").usdPerMonth).toBeCloseTo(12_876.8, 2);
  });

  it("finds GLM-5.3-Flash cheapest: (9,000 × 0.8 + 21,000 × 0.23 + 1,200 × 2.8) / 1M = ¥0.01539 a call, ¥6,691.90 a month, but no benchmark scores it beside today's", () => {
    const perCall = agentCall(0.8, 0.23, 2.8, false);
    expect(option("api:glm-5.3-flash").usdPerMonth).toBeCloseTo(callsPerMonth * perCall, 2);
    expect(option("api:glm-5.3-flash").usdPerMonth).toBeCloseTo(6_691.9, 2);
    expect(decision.options[0]?.id).toBe("api:glm-5.3-flash");
  });

  it("prices Doubao Seed 2.0 Pro below its 32K tier with no cache price: (30,000 × 3.25 + 1,200 × 16.5) / 1M = ¥0.1173 a call, ¥51,004.55 a month, no shared score", () => {
    // 30,000 input tokens are not above the 32,768-token tier; no cache price is listed, so the 21,000 cached tokens
    // bill at the input price; no reasoning is billed (reasons is empty).
    const perCall = agentCall(3.25, 3.25, 16.5, false);
    expect(perCall).toBeCloseTo(0.1173, 12);
    const doubao = option("api:doubao-seed-2.0-pro");
    expect(doubao.usdPerCall).toBeCloseTo(perCall, 12);
    expect(doubao.usdPerMonth).toBeCloseTo(callsPerMonth * 0.1173, 2);
    expect(doubao.usdPerMonth).toBeCloseTo(51_004.55, 2);
    expect(doubao.servesCountry).toBe("yes");
    expect(doubao.qualityVsToday.kind).toBe("no shared score");
  });

  it("rates MiniMax M2.7 and Kimi K2.6 below today's on the scores they share with DeepSeek V4 Pro", () => {
    // Terminal-Bench 2.0 scores the most models (three) and is the reference: 57.0 / 67.9 = 84% of the best, middle.
    expect(decision.todayQuality).toMatchObject({ benchmark: "Terminal-Bench 2.0", score: 67.9, tier: "top" });
    const minimax = option("api:minimax-m2.7");
    expect(minimax.quality).toMatchObject({ tier: "middle", score: 57 });
    expect(minimax.qualityVsToday).toMatchObject({ kind: "below today's", score: 57, todayScore: 67.9, benchmarks: 1 });
    // Kimi K2.6 shares Terminal-Bench 2.0 (66.7 against 67.9) and SWE-bench Verified (80.2 against 80.6) with today's.
    expect(option("api:kimi-k2.6").qualityVsToday).toMatchObject({ kind: "below today's", score: 66.7, benchmarks: 2 });
    expect(decision.winner?.id).toBe("api:deepseek-v4-pro");
    expect(decision.cheaperAtLowerQuality?.id).toBe("api:glm-5.3-flash");
  });

  it("shows Claude and GPT as no option: they do not serve CN, nor does their region pass the rule", () => {
    for (const id of ["api:claude-sonnet-5", "api:gpt-6-sol"]) {
      expect(option(id).servesCountry).toBe("no");
      expect(option(id).passesRules).toBe(false);
      expect(option(id).compliance).toBe("not compliant");
    }
    // $2 input, $0.20 cache read and $10 output at 7.00 CNY per USD: ¥14, ¥1.40 and ¥70.
    expect(option("api:claude-sonnet-5").usdPerMonth).toBeCloseTo(callsPerMonth * agentCall(14, 1.4, 70, true), 2);
  });

  it("buys the four H20 nodes: ¥4,800,000 / 36 + 12.8 kW × 24 h × 30.4375 days × ¥0.681 + 0.2 × ¥18,000 = ¥143,300.96 a month", () => {
    const month = 4_800_000 / 36 + 12.8 * 24 * 30.4375 * 0.681 + 0.2 * 18_000;
    expect(month).toBeCloseTo(143_300.96, 2);
    const bought = option("buy:h20x32-r1:batched");
    expect(bought.servers).toBe(1);
    expect(bought.usdPerMonth).toBeCloseTo(month, 2);
  });

  it("rents the same 32 GPUs by the hour for the ten busy hours of each weekday: 32 × ¥7.50 × 10 h × 21.741 + ¥3,600 = ¥55,778.57; always on ¥178,920.00", () => {
    expect(option("rent-by-hour:ucloud-h20x32").usdPerMonth).toBeCloseTo(32 * 7.5 * 10 * weekdays + 3_600, 2);
    expect(option("rent-by-hour:ucloud-h20x32").usdPerMonth).toBeCloseTo(55_778.57, 2);
    expect(option("rent-always-on:ucloud-h20x32").usdPerMonth).toBeCloseTo(32 * 7.5 * 24 * 30.4375 + 3_600, 2);
    expect(option("rent-always-on:ucloud-h20x32").usdPerMonth).toBeCloseTo(178_920, 2);
  });

  it("never lets the bought servers beat DeepSeek V4 Pro: one deployment would at ¥143,300.96 / (¥0.120105 × 21.741) = 54,879 calls a weekday, but that volume needs two", () => {
    const oneDeployment = 143_300.9648 / (0.120105 * weekdays);
    expect(Math.trunc(oneDeployment)).toBe(54_879);
    // At 70% of the measured 33,000 prompt tokens a second, one deployment takes 23,100 × 3,600 / 30,000 = 2,772 calls
    // in the busiest hour, a tenth of the day's: 27,720 calls a weekday, fewer than 54,879.
    expect((0.7 * 33_000 * 3_600) / 30_000 / 0.1).toBeCloseTo(27_720, 6);
    expect(option("buy:h20x32-r1:batched").beatsCurrentFromCallsPerDay).toBe(Infinity);
  });

  it("names no RTX 4090 D option: no throughput is measured for it", () => {
    expect(decision.options.some((entry) => entry.id.includes("rtx4090d"))).toBe(false);
  });

  it("prints the money in CNY at the edition's rate", () => {
    expect(displayCurrency(inUsd, "CNY").perUsd).toBe(7);
  });
});

describe("the case study: a SaaS exporter whose data stays in China, in CNY", () => {
  const study = caseStudyFromData(data, "saas-export");
  const calls = 3_000 * 25 + 500 * 5;
  // The economy tier, DeepSeek's Flash, is priced at the typical workload (8,000 in, 1,500 out, spread over 24 hours):
  // off-peak (8,000 × 1 + 1,500 × 4) / 1M = ¥0.014, twice that in 7 of 24 UTC hours.
  const tierPerCall = 0.014 * (1 + 7 / 24);
  // The H20 nodes over the typical workload's 30-day month.
  const local = 4_800_000 / 36 + 12.8 * 24 * 30 * 0.681 + 0.2 * 18_000;

  it("costs all-cloud 77,500 × ¥0.0180833 = ¥1,401.46, all-local ¥143,209.43 and hybrid ¥144,050.31 against a ¥35,000 budget", () => {
    expect(calls).toBe(77_500);
    expect(study.inputs.budgetUsdPerMonth).toBeCloseTo(35_000, 6);
    expect(study.inputs.cloud.usdPerCall).toBeCloseTo(tierPerCall, 12);
    const byName = Object.fromEntries(study.result.options.map((entry) => [entry.option, entry]));
    expect(byName.all_cloud?.totalUsd).toBeCloseTo(calls * tierPerCall, 2);
    expect(byName.all_cloud?.totalUsd).toBeCloseTo(1_401.46, 2);
    expect(byName.all_local?.totalUsd).toBeCloseTo(local, 2);
    expect(byName.all_local?.totalUsd).toBeCloseTo(143_209.43, 2);
    // The hybrid keeps the sensitive 40% (compliance queries, quotes) local and sends the 60% of summaries to the cloud.
    expect(byName.hybrid?.totalUsd).toBeCloseTo(local + 0.6 * calls * tierPerCall, 2);
    expect(study.result.cheapestCompliant).toBe("all_cloud");
  });

  it("decides over every model: GLM-5.3-Flash at 77,500 × ¥0.0106 = ¥821.50, ¥441.22 less than today's DeepSeek Flash at the office-hours profile's peak share", () => {
    const decision = caseStudyDecision(data, "saas-export");
    // Today's DeepSeek Flash over the office-hours profile (UTC): 19 of its 116 load units fall in the peak windows.
    const todayPerCall = 0.014 * (1 + 19 / 116);
    expect(decision.current.usdPerMonth).toBeCloseTo(calls * todayPerCall, 2);
    expect(decision.current.usdPerMonth).toBeCloseTo(1_262.72, 2);
    const glm = decision.options.find((entry) => entry.id === "api:glm-5.3-flash");
    expect(glm?.usdPerMonth).toBeCloseTo(calls * ((8_000 * 0.8 + 1_500 * 2.8) / 1e6), 2);
    expect(glm?.usdPerMonth).toBeCloseTo(821.5, 2);
    expect(decision.winner?.id).toBe("api:glm-5.3-flash");
    // Doubao Seed 2.0 Pro at the typical call, below its 32K tier: (8,000 × 3.25 + 1,500 × 16.5) / 1M = ¥0.05075.
    const doubao = decision.options.find((entry) => entry.id === "api:doubao-seed-2.0-pro");
    expect(doubao?.usdPerCall).toBeCloseTo(0.05075, 12);
    expect(doubao?.usdPerMonth).toBeCloseTo(calls * 0.05075, 2);
    expect(doubao?.usdPerMonth).toBeCloseTo(3_933.125, 2);
  });
});

describe("the tables of an edition with none of the chapter's APIs", () => {
  it("price each server's month and compare it with the edition's first model, where they printed NaN", () => {
    const text = chapterTextReport(data);
    const section = text.slice(text.indexOf("59.3 Break-even"), text.indexOf("59.4 Hybrid"));
    expect(section).not.toContain("NaN");
    expect(section).toContain("vs DeepSeek V4.1 Flash (DeepSeek API)");
    expect(section).toContain("CN¥143,209.43");
  });
});

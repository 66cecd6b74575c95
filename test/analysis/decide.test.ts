import { describe, expect, it } from "vitest";
import { decide, displayCurrency, firstVolumeAtOrBelow, workloadAtVolume, workloadById } from "../../src/analysis";
import { decisionJson, decisionText } from "../../src/analysis/text";
import { loadDataset } from "../../src/data";
import { InputError } from "../../src/errors";
import { DATA_2026_DIR } from "../helpers/data-folder";

const data = loadDataset(DATA_2026_DIR);
const decision = decide(data, { workloadId: "agent-example" });
const option = (id: string) => {
  const found = decision.options.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no option ${id}`);
  return found;
};
const cents = (usd: number) => Math.round(usd * 100) / 100;

// The example workload: 20,000 calls a weekday from 09:00 to 19:00 New York time, none at weekends; 30,000 input
// tokens of which 70% are cache reads, 1,200 visible output tokens and 800 hidden reasoning tokens.
// A calendar month is 365.25 / 12 = 30.4375 days, 5/7 of them weekdays: 21.741071 weekdays, 434,821.428571 calls.
const callsPerMonth = 20_000 * (365.25 / 12) * (5 / 7);

describe("decide on the example agent", () => {
  it("counts the month's calls on weekdays only, and sizes for the busiest hour's 2,000 calls", () => {
    expect(decision.callsPerMonth).toBeCloseTo(callsPerMonth, 6);
    expect(decision.calendarDays).toBeCloseTo(30.4375, 12);
    expect(decision.busiestHourCalls).toBeCloseTo(2000, 9);
    expect(decision.volume).toEqual({ callsPerDay: 20_000, unit: "calls a weekday" });
    expect(decision.current.id).toBe("api:claude-sonnet-5");
  });

  it("bills Claude Sonnet 5 with its reasoning as output: (9,000 × $2 + 21,000 × $0.20 + 1,200 × $10 + 800 × $10) / 1M = $0.0422 a call, $18,349.46 a month", () => {
    const sonnet = option("api:claude-sonnet-5");
    expect(sonnet.usdPerCall).toBeCloseTo(0.0422, 12);
    expect(cents(sonnet.usdPerMonth)).toBe(18_349.46);
    expect(cents(callsPerMonth * 0.0422)).toBe(18_349.46);
  });

  it("bills DeepSeek's peak hours as they fall: 14:00–24:00 UTC puts 2.5 of 10 hours before 16:30, so a quarter of calls at $0.00522 and the rest at $0.00261", () => {
    // Off-peak: (9,000 × 0.135 + 21,000 × 0.035 + 1,200 × 0.55) / 1M = $0.00261; peak: (9,000 × 0.27 + 21,000 × 0.07 + 1,200 × 1.1) / 1M = $0.00522.
    // deepseek-chat does not reason, so the 800 reasoning tokens are not billed.
    const deepseek = option("api:deepseek-chat");
    expect(deepseek.usdPerCall).toBeCloseTo(0.25 * 0.00522 + 0.75 * 0.00261, 12);
    expect(cents(deepseek.usdPerMonth)).toBe(1418.6);
    expect(cents(callsPerMonth * 0.0032625)).toBe(1418.6);
  });

  it("buys one 8x H100 server: $369,231 / 36 + 10.2 kW × 24 h × 30.4375 days × $0.10 + 0.2 × $10,000 = $13,001.53 a month", () => {
    const bought = option("buy:h100x8:batched");
    expect(bought.servers).toBe(1);
    expect(cents(bought.usdPerMonth)).toBe(13_001.53);
    expect(cents(369_231 / 36 + 10.2 * 24 * 30.4375 * 0.1 + 2000)).toBe(13_001.53);
  });

  it("rents the same server from Lambda for the ten busy hours of each weekday: 8 × $3.99 × 10 h × 21.741 weekdays + $2,000 operations = $8,939.75; always on, $25,317.56", () => {
    expect(cents(option("rent-by-hour:lambda-h100x8").usdPerMonth)).toBe(8939.75);
    expect(cents(8 * 3.99 * 10 * (30.4375 * 5) / 7 + 2000)).toBe(8939.75);
    expect(cents(option("rent-always-on:lambda-h100x8").usdPerMonth)).toBe(25_317.56);
    expect(cents(8 * 3.99 * 24 * 30.4375 + 2000)).toBe(25_317.56);
  });

  it("prices the same options in CNY at the data's 7.00 per USD, and says so", () => {
    const cny = displayCurrency(data, "CNY");
    expect(cny.perUsd).toBe(7);
    const text = decisionText(decision, cny);
    expect(text).toContain("CN¥128,446.25"); // 18,349.4643 × 7
    expect(text).toContain("CN¥9,930.23"); // 1,418.6049 × 7
    expect(text).toContain("CN¥91,010.69"); // 13,001.5267 × 7
    expect(text).toContain("CN¥62,578.25"); // 8,939.75 × 7
    expect(text).toMatch(/Money in CNY at 7 CNY to the US dollar as of 2026-11-29/);
    const json = JSON.parse(decisionJson(decision, cny));
    const sonnet = json.options.find((entry: { id: string }) => entry.id === "api:claude-sonnet-5");
    expect(Math.round(sonnet.perMonth * 100) / 100).toBe(128_446.25);
    expect(json.currency).toMatchObject({ code: "CNY", perUsd: 7, asOf: "2026-11-29" });
    expect(() => displayCurrency(data, "XYZ")).toThrow(/no exchange rate for "XYZ".*known: USD, CNY/);
  });

  it("lists every API, bought configuration and rental once, cheapest first", () => {
    const ids = decision.options.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.startsWith("api:"))).toHaveLength(data.models.length);
    expect(ids.filter((id) => id.startsWith("rent-by-hour:"))).toHaveLength(data.gpuRentals.length);
    const monthly = decision.options.map((entry) => entry.usdPerMonth);
    expect(monthly).toEqual([...monthly].sort((a, b) => a - b));
  });
});

describe("where an option starts to beat today's API", () => {
  it("is 'at any volume' for a cheaper API and 'never' for a dearer one", () => {
    expect(option("api:deepseek-chat").beatsCurrentFromCallsPerDay).toBe(0);
    expect(option("api:gemini-3.1-pro-preview").beatsCurrentFromCallsPerDay).toBe(Infinity);
  });

  it("is where one bought 8x H100 server's $13,001.53 meets Claude Sonnet 5's $0.0422 a call: 13,001.53 / (0.0422 × 21.741 weekdays) = 14,171 calls a weekday", () => {
    const expected = 13_001.526667 / (0.0422 * ((30.4375 * 5) / 7));
    expect(option("buy:h100x8:batched").beatsCurrentFromCallsPerDay).toBeCloseTo(expected, 0);
    expect(Math.trunc(option("buy:h100x8:batched").beatsCurrentFromCallsPerDay)).toBe(14_171);
  });

  it("finds the first crossing of two cost curves and moves weekend calls in step with weekdays", () => {
    const workload = workloadById(data, "agent-example");
    const scaled = workloadAtVolume({ ...workload, weekendCallsPerDay: 1000 }, 10_000);
    expect(scaled.weekdayCallsPerDay).toBe(10_000);
    expect(scaled.weekendCallsPerDay).toBe(500);
    const line = (usdPerCall: number) => (at: typeof workload) => ({ usd: (at.weekdayCallsPerDay ?? 0) * usdPerCall, servers: undefined });
    const fixed = () => ({ usd: 1000, servers: 1 });
    expect(firstVolumeAtOrBelow(fixed, line(0.5), workload, 20_000)).toBeCloseTo(2000, 6);
    expect(firstVolumeAtOrBelow(line(0.4), line(0.5), workload, 20_000)).toBe(0);
    expect(firstVolumeAtOrBelow(line(0.6), line(0.5), workload, 20_000)).toBe(Infinity);
  });

  it("refuses a workload without a current API unless one is given, and a utilisation outside (0, 1]", () => {
    expect(() => decide(data, { workloadId: "typical" })).toThrow(/names no current_model_id/);
    expect(decide(data, { workloadId: "typical", currentModelId: "gpt-6-sol" }).current.id).toBe("api:gpt-6-sol");
    expect(() => decide(data, { workloadId: "agent-example", targetUtilisation: 1.5 })).toThrow(InputError);
  });
});

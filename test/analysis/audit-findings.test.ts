import { describe, expect, it } from "vitest";
import {
  auditFindings,
  calendarFindings,
  contextLimitFindings,
  impliedPriceFindings,
  routerTierFindings,
  sameSetupFindings,
  unitFindings,
} from "../../src/analysis/audit-findings";
import { loadDataset } from "../../src/data";
import { copyOfData, DATA_DIR } from "../helpers/data-folder";

const data = loadDataset(DATA_DIR);
const cents = (value: number | undefined) => (value === undefined ? undefined : Math.round(value * 100) / 100);

/** The data folder with some files edited, loaded; the copy is removed afterwards. */
function editedData(edits: Parameters<typeof copyOfData>[0]) {
  const copy = copyOfData(edits);
  try {
    return loadDataset(copy.dir);
  } finally {
    copy.dispose();
  }
}

describe("findings from the data", () => {
  it("finds the five kinds of missed item, one each, in section order", () => {
    expect(auditFindings(data).map((finding) => finding.id)).toEqual([
      "unit/electricity_price",
      "implied_price/rtx4090-server",
      "same_setup/rtx4090-server/rtx4090x1",
      "router/unreached_tiers",
      "router/context_limit/local_small",
      "calendar/saas-export",
    ]);
  });

  it("the case study's 25 weekdays: at an average month's mix all-cloud is $594.84 and local $693.33 is 16.56% dearer", () => {
    const [finding] = calendarFindings(data);
    // 365.25/12 = 30.4375 days: 21.7411 weekdays, 8.6964 weekend days. Hermes 4: 8,000 x $0.90/M + 1,500 x $0.90/M = $0.00855 a call.
    // 3,000 x 21.7411 x $0.00855 = $557.66; 500 x 8.6964 x $0.00855 = $37.18; together $594.84.
    expect(cents(finding!.values.allCloudUsdAverageMonth)).toBe(594.84);
    // The chapter's month: (3,000 x 25 + 500 x 5) x $0.00855 = $662.625.
    expect(finding!.values.allCloudUsdStated).toBeCloseTo(662.625, 9);
    // 12,000/36 + 60 + 300 = $693.33; 693.33 / 594.84 - 1 = 16.56%.
    expect(cents(finding!.values.allLocalUsd)).toBe(693.33);
    expect(cents(finding!.values.localOverCloudAverageMonthPercent)).toBe(16.56);
    // 662.625 - 594.84 = 67.79.
    expect(cents(finding!.effect.usdPerMonth)).toBe(67.79);
    // 693.33 - 594.84 = 98.50 (16.6%); in the chapter's month 693.33 - 662.63 = 30.71 (4.6%).
    expect(finding!.detail).toContain("$98.50 (16.6%) dearer");
    expect(finding!.detail).toContain("$30.71 (4.6%) dearer");
  });

  it("no calendar finding when the case study bills a month that exists", () => {
    const fixed = editedData({ "case_study.csv": (text) => text.replace("saas-export,3000,25,500,5,", "saas-export,3000,22,500,8,") });
    expect(calendarFindings(fixed)).toEqual([]);
  });

  it("scenario 2's $30 for 250 W over 720 h is $0.1667/kWh against $0.10: $12.00 a month, 12 calls a day of break-even", () => {
    const [finding] = impliedPriceFindings(data);
    expect(finding!.values.impliedUsdPerKwh).toBeCloseTo(30 / 180, 10);
    expect(finding!.values.referenceUsdPerKwh).toBe(0.1);
    // 0.25 kW x 720 h x $0.10 = $18.00.
    expect(cents(finding!.values.billAtReferenceUsd)).toBe(18);
    expect(cents(finding!.effect.usdPerMonth)).toBe(12);
    // $863.33 / $0.035 / 30 = 822.2 against $851.33 / $0.035 / 30 = 810.8: 822 - 810 = 12.
    expect(finding!.effect.breakEvenCallsPerDay).toBe(12);
  });

  it("no implied-price finding when the stated bill is what $0.10/kWh gives", () => {
    const fixed = editedData({
      "hardware.csv": (text) => text.replace(/^(rtx4090-server,(?:[^,]*,){10})30,/m, (_, head: string) => `${head}18,`),
    });
    expect(impliedPriceFindings(fixed)).toEqual([]);
  });

  it("one RTX 4090 costs $530.00 in the 59.3 table and $863.33 in scenario 2: $333.33 a month, break-even 504 or 822 against GPT-4o", () => {
    const [finding] = sameSetupFindings(data);
    // 8,000/24 + 30 + 500 = $863.33.
    expect(cents(finding!.values.firstUsdPerMonth)).toBe(863.33);
    expect(finding!.values.secondUsdPerMonth).toBe(530);
    expect(cents(finding!.effect.usdPerMonth)).toBe(333.33);
    // 530 / 0.035 / 30 = 504.8; 863.33 / 0.035 / 30 = 822.2.
    expect([finding!.values.firstBreakEvenCallsPerDay, finding!.values.secondBreakEvenCallsPerDay]).toEqual([822, 504]);
    expect(finding!.effect.breakEvenCallsPerDay).toBe(318);
    expect(
      sameSetupFindings(
        editedData({ "hardware.csv": (text) => text.replace(/^(rtx4090x1,.*),530,stated,/m, (_, head: string) => `${head},863,stated,`) }),
      ),
    ).toEqual([]);
  });

  it("no task type reaches the small local or the economy cloud model: every score is at least 0.1 + 0.3 + 0.08 = 0.48", () => {
    const [finding] = routerTierFindings(data);
    expect(finding!.values.unreachedTiers).toBe(2);
    expect(finding!.values.lowestScore).toBeCloseTo(0.48, 10);
    expect(finding!.detail).toContain("no task type reaches the small local model or the economy cloud model");
    expect(finding!.detail).toContain("simple Q&A 0.48 → large local model");
    expect(finding!.effect.usdPerMonth).toBeUndefined();
  });

  it("a task type scored into cloud_economy's band leaves only local_small unreached", () => {
    // summarization 0.25 + 0.38 = 0.63: between 0.6 and the 0.7 threshold.
    const edited = editedData({ "task_types.csv": (text) => text.replace("summarization,0.2,", "summarization,0.25,") });
    expect(routerTierFindings(edited)[0]!.detail).toContain("no task type reaches the small local model.");
  });

  it("the small local model holds 8,192 tokens, below one 8,000 + 1,500 = 9,500-token call, and is named so", () => {
    const findings = contextLimitFindings(data);
    expect(findings.map((finding) => finding.id)).toEqual(["router/context_limit/local_small"]);
    expect(findings[0]!.title).toBe("The small local model's context is shorter than one typical call");
    expect(findings[0]!.values).toEqual({ maxContextTokens: 8192, callTokens: 9500 });
    expect(findings[0]!.detail).toContain("1,308 more than it holds");
  });

  it("the 59.1 formula's yuan/kWh against its example's $/kWh, from chapter_statements.csv: $98.74 a month read the formula's way", () => {
    const [finding] = unitFindings(data);
    expect(finding!.section).toBe("59.1");
    // 560,000 yuan beside $80,000: 7 yuan a dollar; 0.10 yuan/kWh is $0.0142857/kWh.
    expect(finding!.values.exchangeRate).toBe(7);
    expect(finding!.values.rereadValue).toBeCloseTo(0.1 / 7, 12);
    // 1,152 kWh x $0.0142857 = $16.46 instead of $115.20: 4,337.42 - 98.74 = 4,238.68.
    expect(cents(finding!.values.monthlyUsdBefore)).toBe(4337.42);
    expect(cents(finding!.values.monthlyUsdAfter)).toBe(4238.68);
    expect(cents(finding!.effect.usdPerMonth)).toBe(98.74);
    // 4,337.42 / 0.0465 / 30 = 3,109.3; 4,238.68 / 0.0465 / 30 = 3,038.4.
    expect(finding!.effect.breakEvenCallsPerDay).toBe(71);
  });

  it("reports the unit mismatch from the data: none once the formula's unit matches, none without the statements file", () => {
    expect(
      unitFindings(editedData({ "chapter_statements.csv": (text) => text.replace("formula,,cny_per_kwh", "formula,,usd_per_kwh") })),
    ).toEqual([]);
    expect(unitFindings(editedData({ "chapter_statements.csv": null }))).toEqual([]);
  });
});

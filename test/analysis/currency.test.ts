import { afterEach, describe, expect, it } from "vitest";
import { cloudCostTable, decide, inCurrency, selectWorkload } from "../../src/analysis";
import { chapterTextReport } from "../../src/analysis/text";
import { loadDataset } from "../../src/data";
import { currencySymbol, formatUsd, moneyText, setDisplayCurrency } from "../../src/format";
import { DATA_2026_DIR, DATA_DIR } from "../helpers/data-folder";

const chapter = loadDataset(DATA_DIR);
afterEach(() => setDisplayCurrency("USD"));

describe("money in the reader's currency", () => {
  it("converts every money figure at the data's rate, so every cost comes out in it: Claude 3.5 Sonnet's $1,395 a month is ¥9,765", () => {
    const yuan = inCurrency(chapter, "CNY");
    expect(yuan.shownIn).toMatchObject({ code: "CNY", perUsd: 7, asOf: "2025-09-01" });
    expect(cloudCostTable(yuan).find((row) => row.model.modelId === "claude-3-5-sonnet")?.usdPerMonth).toBeCloseTo(9765, 9);
    expect(yuan.hardware.find((row) => row.hardwareId === "a100x4-70b")?.capexUsd).toBe(560_000);
    expect(formatUsd(9765)).toBe("CN¥9,765.00");
    // Volumes and break-evens in calls do not move with the currency.
    expect(yuan.workloads[0]?.callsPerDay).toBe(1000);
    // The data as it was stays at hand for the chapter's dollar figures.
    expect(yuan.shownIn?.inUsd).toBe(chapter);
    expect(() => inCurrency(yuan, "CNY")).toThrow(/shown in CNY already/);
  });

  it("leaves USD data as it is, and refuses a currency without a rate", () => {
    expect(inCurrency(chapter, "USD")).toBe(chapter);
    expect(() => inCurrency(chapter, "EUR")).toThrow(/no exchange rate for "EUR" in exchange_rates.csv; known: USD, CNY/);
  });

  it("gives decide the same answer as converting its USD result: the example's $18,349.46 is ¥128,446.25", () => {
    const edition = selectWorkload(loadDataset(DATA_2026_DIR), { workloadId: "agent-example" });
    const yuan = decide(inCurrency(edition, "CNY"), { workloadId: "agent-example" });
    setDisplayCurrency("USD");
    const dollars = decide(edition, { workloadId: "agent-example" });
    expect(Math.round(yuan.current.usdPerMonth * 100) / 100).toBe(128_446.25);
    expect(yuan.options.map((option) => option.id)).toEqual(dollars.options.map((option) => option.id));
    // Break-even volumes are in calls: the same in either currency.
    yuan.options.forEach((option, index) => {
      expect(option.beatsCurrentFromCallsPerDay).toBeCloseTo(dollars.options[index]!.beatsCurrentFromCallsPerDay, 3);
    });
  });

  it("rewrites labels written in dollars, and leaves other dollar signs alone", () => {
    expect(moneyText("$ per month, $/M input, USD a call, $1,395", "CNY")).toBe("CN¥ per month, CN¥/M input, CNY a call, CN¥1,395");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Plotly's hover template syntax, as a figure carries it
    expect(moneyText("%{y:$,.0f} and ${name}", "CNY")).toBe("%{y:$,.0f} and ${name}");
    expect(moneyText("$ per month", "USD")).toBe("$ per month");
    expect(currencySymbol("EUR")).toBe("€");
  });

  it("prints the chapter's tables in CNY with the rate under them, and its printed figures in the chapter's dollars", () => {
    const text = chapterTextReport(inCurrency(chapter, "CNY"));
    expect(text).toContain("CN¥9,765.00");
    expect(text.slice(0, text.indexOf("The chapter's printed figures"))).not.toMatch(/\$\d/);
    expect(text).toContain("Money in CNY at 7 CNY to the US dollar as of 2025-09-01");
    expect(text).toMatch(/case\/cloud\/weekday_usd_per_month +675 +641.25/);
  });
});

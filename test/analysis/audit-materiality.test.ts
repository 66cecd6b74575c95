import { describe, expect, it } from "vitest";
import { auditChapter, materialityFigure } from "../../src/analysis/audit-materiality";
import { auditReport } from "../../src/analysis/text";
import { loadDataset } from "../../src/data";
import { DATA_DIR } from "../helpers/data-folder";

const data = loadDataset(DATA_DIR);
const audit = auditChapter(data);
const byId = (id: string) => audit.ranking.find((row) => row.id === id)!;
const cents = (value: number | undefined) => (value === undefined ? undefined : Math.round(value * 100) / 100);

describe("the audit ranked by what each difference does to a decision", () => {
  it("ranks every flagged figure and every finding, largest money first, those that move none last", () => {
    expect(audit.ranking).toHaveLength(24 + 6);
    expect(audit.flaggedCount).toBe(30);
    const money = audit.ranking.map((row) => row.usdPerMonth);
    const priced = money.filter((value): value is number => value !== undefined);
    expect(priced).toEqual([...priced].sort((a, b) => b - a));
    expect(money.slice(priced.length).every((value) => value === undefined)).toBe(true);
  });

  it("prices a break-even difference at its API's price: 8x H100 80GB vs Hermes 4, 72,124 - 68,519 = 3,605 calls a day x $0.00855 x 30 = $924.68", () => {
    const row = byId("breakeven/h100x8/hermes-4-70b/calls_per_day");
    expect(row.breakEvenCallsPerDay).toBe(3605);
    expect(cents(row.usdPerMonth)).toBe(924.68);
    expect(audit.ranking[0]).toBe(row);
  });

  it("prices the savings claim as its share of the all-premium bill: 5 points of 5,000 x $0.0465 x 30 = $6,975 is $348.75", () => {
    expect(cents(byId("router/savings_percent").usdPerMonth)).toBe(348.75);
  });

  it("puts the missed findings among the printed figures by the money they move", () => {
    const order = audit.ranking.map((row) => row.id);
    expect(order.indexOf("same_setup/rtx4090-server/rtx4090x1")).toBeLessThan(order.indexOf("case/hybrid/cloud_usd_per_month"));
    expect(order.indexOf("calendar/saas-export")).toBeLessThan(order.indexOf("implied_price/rtx4090-server"));
    // 60% of 77,500 calls x $0.00855 = $397.575 against the printed $150.
    expect(byId("case/hybrid/cloud_usd_per_month").usdPerMonth).toBeCloseTo(397.575 - 150, 9);
    // (3,000 x 25 + 500 x 5) x ($0.009 - $0.00855) = $34.875: the chapter's rounded Hermes 4 price, alone.
    expect(byId("case/cloud/total_usd_per_month").usdPerMonth).toBeCloseTo(34.875, 9);
    expect(byId("router/unreached_tiers").usdPerMonth).toBeUndefined();
  });

  it("59.6b: one bar per priced item, labelled in words, largest on top", () => {
    const figure = materialityFigure(data, audit.ranking);
    const yaxis = figure.layout.yaxis as { categoryarray: string[] };
    expect(yaxis.categoryarray.at(-1)).toBe("8x H100 80GB vs Hermes 4 (Together) break-even");
    expect(yaxis.categoryarray).toContain("The case study's month has more weekdays than any month");
    expect(yaxis.categoryarray.some((label) => label.includes("/"))).toBe(false);
    const [figures, findings] = figure.data as unknown as [{ y: string[] }, { y: string[] }];
    expect(figures.y.length + findings.y.length).toBe(audit.ranking.filter((row) => row.usdPerMonth !== undefined).length);
    expect(findings.y).toHaveLength(4);
  });

  it("the terminal report lists the findings and the ranking", () => {
    const text = auditReport(audit);
    expect(text).toContain(
      "38 of 62 printed figures match their formulas within rounding (1 only from the inputs the chapter itself states); 24 flagged.",
    );
    expect(text).toContain("Found from the data (6):");
    expect(text).toMatch(/ 1 +59\.3 +8x H100 80GB vs Hermes 4 \(Together\) break-even +\$924\.68 +3,605/);
  });
});

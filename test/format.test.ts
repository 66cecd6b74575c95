import { afterEach, describe, expect, it } from "vitest";
import {
  countIn,
  countOf,
  currencySymbol,
  formatBreakEvenCalls,
  formatInteger,
  formatLeastCalls,
  formatMoney,
  formatPercent,
  formatUsd,
  moneyText,
  setDisplayCurrency,
} from "../src/format";

afterEach(() => setDisplayCurrency("USD"));

describe("numbers in English, as the chapter prints them", () => {
  it("are the same with and without the language named", () => {
    expect(formatMoney(1234.5, "USD")).toBe("$1,234.50");
    expect(formatMoney(1234.5, "USD", 2, "en")).toBe("$1,234.50");
    expect(formatMoney(8642.1, "CNY", 2, "en")).toBe("CN¥8,642.10");
    expect(formatMoney(123456789, "USD", 0, "en")).toBe("$123,456,789");
    expect(formatInteger(12345.4, "en")).toBe("12,345");
    expect(formatPercent(55, 1, "en")).toBe("55.0%");
    expect(formatBreakEvenCalls(Infinity, "en")).toBe("never");
    expect(moneyText("$/month in USD", "CNY", "en")).toBe("CN¥/month in CNY");
    expect(moneyText("$/month", "USD", "en")).toBe("$/month");
    expect(countOf(11, "server")).toBe("11 servers");
    expect(countIn(1, { one: "server", other: "servers", zh: "台服务器" })).toBe("1 server");
  });
});

describe("money in Chinese", () => {
  it("writes yuan as ¥, in full with thousands separators under 100,000", () => {
    expect(formatMoney(12345, "CNY", 2, "zh-CN")).toBe("¥12,345.00");
    expect(formatMoney(12345, "CNY", 0, "zh-CN")).toBe("¥12,345");
    expect(formatMoney(0.0598512, "CNY", 5, "zh-CN")).toBe("¥0.05985");
    expect(formatMoney(99999.99, "CNY", 2, "zh-CN")).toBe("¥99,999.99");
    expect(formatMoney(-1795.5, "CNY", 2, "zh-CN")).toBe("-¥1,795.50");
  });

  it("writes 100,000 and more in 万 with two decimals, and 100,000,000 and more in 亿", () => {
    expect(formatMoney(100000, "CNY", 2, "zh-CN")).toBe("¥10.00万");
    expect(formatMoney(123456, "CNY", 2, "zh-CN")).toBe("¥12.35万");
    expect(formatMoney(560000, "CNY", 0, "zh-CN")).toBe("¥56.00万");
    expect(formatMoney(12345678, "CNY", 2, "zh-CN")).toBe("¥1,234.57万");
    expect(formatMoney(120000000, "CNY", 2, "zh-CN")).toBe("¥1.20亿");
    expect(formatMoney(-250000, "CNY", 2, "zh-CN")).toBe("-¥25.00万");
  });

  it("judges the rule by the amount as it prints: what would print as 100,000.00 is in 万", () => {
    expect(formatMoney(99999.999, "CNY", 2, "zh-CN")).toBe("¥10.00万");
    expect(formatMoney(99999999, "CNY", 2, "zh-CN")).toBe("¥1.00亿");
  });

  it("writes other currencies with Chinese's own symbols, under the same rule", () => {
    expect(formatMoney(1395, "USD", 2, "zh-CN")).toBe("US$1,395.00");
    expect(formatMoney(80000, "USD", 0, "zh-CN")).toBe("US$80,000");
    expect(formatMoney(185000, "USD", 2, "zh-CN")).toBe("US$18.50万");
    expect(formatMoney(12, "EUR", 2, "zh-CN")).toBe("€12.00");
    expect(currencySymbol("CNY", "zh-CN")).toBe("¥");
    expect(currencySymbol("USD", "zh-CN")).toBe("US$");
  });

  it("follows the display currency, and says never as 永不", () => {
    setDisplayCurrency("CNY");
    expect(formatUsd(1240.05, 2, "zh-CN")).toBe("¥1,240.05");
    expect(formatUsd(Infinity, 2, "zh-CN")).toBe("永不");
    expect(formatMoney(Infinity, "CNY", 2, "zh-CN")).toBe("永不");
  });

  it("turns a label written for dollars into the display currency, leaving a dollar Chinese already wrote as US$", () => {
    expect(moneyText("In $/M", "CNY", "zh-CN")).toBe("In ¥/M");
    expect(moneyText("$/月 US$12.00", "USD", "zh-CN")).toBe("US$/月 US$12.00");
  });
});

describe("counts and percentages in Chinese", () => {
  it("are plain numbers: grouped, never rounded up for break-evens, and with no plural", () => {
    expect(formatInteger(30000, "zh-CN")).toBe("30,000");
    expect(formatInteger(Infinity, "zh-CN")).toBe("永不");
    expect(formatBreakEvenCalls(3109.9, "zh-CN")).toBe("3,109");
    expect(formatLeastCalls(524.15, "zh-CN")).toBe("525");
    expect(formatLeastCalls(Infinity, "zh-CN")).toBe("永不");
    expect(formatPercent(55, 1, "zh-CN")).toBe("55.0%");
    const servers = { one: "server", other: "servers", zh: "台服务器" };
    expect(countIn(1, servers, "zh-CN")).toBe("1 台服务器");
    expect(countIn(11, servers, "zh-CN")).toBe("11 台服务器");
  });
});

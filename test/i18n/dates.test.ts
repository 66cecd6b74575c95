import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "../../src/i18n/dates";

describe("dates in each language", () => {
  it("writes a calendar date as 28 November 2026 in English and 2026年11月28日 in Chinese, without leading zeros", () => {
    expect(formatDate("2026-11-28")).toBe("28 November 2026");
    expect(formatDate("2026-11-28", "zh-CN")).toBe("2026年11月28日");
    expect(formatDate("2025-09-01", "zh-CN")).toBe("2025年9月1日");
  });

  it("writes a time in UTC, whatever the machine's time zone", () => {
    expect(formatDateTime("2026-11-28T13:21:24Z")).toBe("28 November 2026, 13:21 UTC");
    expect(formatDateTime("2026-11-28T13:21:24Z", "zh-CN")).toBe("2026年11月28日 13:21（UTC）");
    expect(formatDateTime("2026-12-31T23:59:00-02:00", "zh-CN")).toBe("2027年1月1日 01:59（UTC）");
  });
});

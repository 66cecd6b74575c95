import { describe, expect, it } from "vitest";
import { staleBanner, stalePrices } from "../../src/report/staleness";

const records = [
  { name: "hardware.csv", sha256: "a", asOf: "2020-01-01" },
  { name: "models.csv", sha256: "b", asOf: "2026-09-01" },
];

describe("stale prices", () => {
  it("warns only once the price file is more than the limit of days old (hardware dates do not count)", () => {
    expect(stalePrices(records, "models.csv", new Date("2026-11-30T12:00:00Z"))).toBeUndefined();
    expect(stalePrices(records, "models.csv", new Date("2026-12-01T12:00:00Z"))).toEqual({
      file: "models.csv",
      asOf: "2026-09-01",
      ageDays: 91,
    });
    expect(stalePrices(records, "models.csv", new Date("2026-10-02T00:00:00Z"), 30)).toEqual({
      file: "models.csv",
      asOf: "2026-09-01",
      ageDays: 31,
    });
    expect(stalePrices([{ name: "models.csv", sha256: "c", asOf: undefined }], "models.csv", new Date())).toBeUndefined();
  });

  it("never warns when the caller names no price file", () => {
    expect(stalePrices(records, undefined, new Date("2030-01-01T00:00:00Z"))).toBeUndefined();
  });

  it("says so at the top of the page in a sentence", () => {
    expect(staleBanner(undefined, "data")).toBe("");
    expect(staleBanner({ file: "models.csv", asOf: "2025-09-01", ageDays: 453 }, "data")).toBe(
      '<p class="stale" role="note"><strong>Old prices:</strong> data/models.csv is as of 2025-09-01, 453 days before this build. Check current prices before relying on these figures.</p>',
    );
  });

  it("points to the same page on newer prices where the build has them", () => {
    expect(
      staleBanner({ file: "models.csv", asOf: "2025-09-01", ageDays: 453 }, "data", {
        dataFolder: "data/2026-11",
        href: "../00-decision.html",
      }),
    ).toBe(
      '<p class="stale" role="note"><strong>Old prices:</strong> data/models.csv is as of 2025-09-01, 453 days before this build. Check current prices before relying on these figures. The same page on newer prices: <a href="../00-decision.html" title="data/2026-11">November 2026</a>.</p>',
    );
  });
});

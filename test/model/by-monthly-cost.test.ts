import { describe, expect, it } from "vitest";
import { byMonthlyCost } from "../../src/model";

describe("byMonthlyCost", () => {
  it("puts the cheaper month first and keeps months equal but for floating-point noise in the order given", () => {
    const options = [
      { id: "b", usdPerMonth: 12_000.000000000002 },
      { id: "a", usdPerMonth: 12_000 },
      { id: "c", usdPerMonth: 11_999.99 },
    ];
    expect([...options].sort(byMonthlyCost).map((option) => option.id)).toEqual(["c", "b", "a"]);
    expect(
      [...options]
        .reverse()
        .sort(byMonthlyCost)
        .map((option) => option.id),
    ).toEqual(["c", "a", "b"]);
  });
});

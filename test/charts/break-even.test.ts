import { describe, expect, it } from "vitest";
import { oneTwoFive } from "../../src/charts/break-even";

describe("log-axis ticks", () => {
  it("steps 1-2-5 between two values", () => {
    expect(oneTwoFive(100, 20_000)).toEqual([100, 200, 500, 1000, 2000, 5000, 10_000, 20_000]);
  });
});

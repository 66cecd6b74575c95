import { describe, expect, it } from "vitest";
import { numberControls } from "../../src/panels/definition";

describe("numberControls", () => {
  it("gives each named input its range and the panel's value, in the order named, and no field to a choice", () => {
    const ranges = {
      calls: { label: "Calls per day", min: 1, max: 100, step: 1 },
      tokens: { label: "Tokens", min: 0, max: 10, step: 0.5 },
    };
    const values = { calls: 40, tokens: 2.5, apiId: "an-api" };
    expect(numberControls<typeof values>(ranges, values, ["tokens", "calls"])).toEqual([
      { key: "tokens", range: ranges.tokens, value: 2.5 },
      { key: "calls", range: ranges.calls, value: 40 },
    ]);
  });
});

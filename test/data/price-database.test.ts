import { describe, expect, it } from "vitest";
import { lookupPrices, parsePriceRef, sheetPrices } from "../../src/data/price-database";
import { editedTimeOfDayCsv } from "../../src/data/long-context-csv";
import { copyOfData } from "../helpers/data-folder";

const AS_OF = "2026-11-29";

describe("the bundled price database", () => {
  it("splits provider:model at its first colon and refuses a ref without both", () => {
    expect(parsePriceRef("openrouter:deepseek/deepseek-r1:free")).toEqual({
      providerId: "openrouter",
      modelId: "deepseek/deepseek-r1:free",
    });
    expect(parsePriceRef("gpt-4o")).toBeUndefined();
    expect(parsePriceRef(":gpt-4o")).toBeUndefined();
    expect(lookupPrices("gpt-4o", new Date(AS_OF))).toMatchObject({ kind: "malformed" });
  });

  it("gives Claude Sonnet 4.5's base prices and its whole-call tier above 200,000 input tokens", () => {
    const lookup = lookupPrices("anthropic:claude-sonnet-4-5", new Date(AS_OF));
    expect(lookup.kind).toBe("found");
    if (lookup.kind !== "found") return;
    expect(lookup.prices).toMatchObject({
      inputUsdPerMTok: 3,
      outputUsdPerMTok: 15,
      cachedInputUsdPerMTok: 0.3,
      cacheWriteUsdPerMTok: 3.75,
      contextTokens: 200000,
    });
    expect(lookup.prices.longContextTiers).toEqual([
      { aboveInputTokens: 200000, inputUsdPerMTok: 6, outputUsdPerMTok: 22.5, cachedInputUsdPerMTok: 0.6, cacheWriteUsdPerMTok: 7.5 },
    ]);
  });

  it("says unknown for a model it does not list", () => {
    expect(lookupPrices("together:NousResearch/Hermes-4-70B", new Date(AS_OF))).toEqual({ kind: "unknown" });
  });

  it("treats an answer without input and output prices, or with a non-price, as malformed", () => {
    expect(sheetPrices({}, "x:y")).toBe("x:y: the database gives no input_mtok and output_mtok price");
    expect(sheetPrices({ input_mtok: 1, output_mtok: -2 }, "x:y")).toBe("x:y: the database's output_mtok is -2, not a price");
    expect(sheetPrices({ input_mtok: 1, output_mtok: 2 }, "x:y")).toEqual({
      base: { inputUsdPerMTok: 1, outputUsdPerMTok: 2, cachedInputUsdPerMTok: undefined, cacheWriteUsdPerMTok: undefined },
      tiers: [],
    });
  });
});

describe("the database's prices by time of day", () => {
  it("gives DeepSeek's standard prices outside its daily window and the window's own inside it", () => {
    const lookup = lookupPrices("deepseek:deepseek-chat", new Date("2026-11-29"));
    if (lookup.kind !== "found") throw new Error(lookup.kind);
    expect([lookup.prices.inputUsdPerMTok, lookup.prices.outputUsdPerMTok, lookup.prices.cachedInputUsdPerMTok]).toEqual([
      0.135, 0.55, 0.035,
    ]);
    expect(lookup.prices.timeOfDay).toEqual([
      {
        label: "utc-0030-1630",
        startMinuteUtc: 30,
        endMinuteUtc: 990,
        inputUsdPerMTok: 0.27,
        outputUsdPerMTok: 1.1,
        cachedInputUsdPerMTok: 0.07,
        cacheWriteUsdPerMTok: undefined,
        cacheWrite1hUsdPerMTok: undefined,
      },
    ]);
  });

  it("gives a model priced the same all day no window, and Anthropic's one-hour cache write price", () => {
    const lookup = lookupPrices("anthropic:claude-sonnet-5", new Date("2026-11-29"));
    if (lookup.kind !== "found") throw new Error(lookup.kind);
    expect(lookup.prices.timeOfDay).toEqual([]);
    expect(lookup.prices.cacheWrite1hUsdPerMTok).toBe(4);
  });
});

describe("time_of_day_prices.csv after an update", () => {
  it("replaces a refreshed model's windows, keeps the others' and writes nothing new where there is nothing", () => {
    const copy = copyOfData({
      "time_of_day_prices.csv":
        "model_id,label,start_utc,end_utc,input_usd_per_mtok,output_usd_per_mtok,as_of,source\ngpt-4o,night,22:00,06:00,1.25,5,2025-09-01,kept\nclaude-3-5-sonnet,old,00:00,01:00,9,9,2025-09-01,replaced\n",
    });
    try {
      const edited = editedTimeOfDayCsv(copy.dir, [
        {
          modelId: "claude-3-5-sonnet",
          windows: [
            {
              label: "utc-0030-1630",
              startMinuteUtc: 30,
              endMinuteUtc: 990,
              inputUsdPerMTok: 6,
              outputUsdPerMTok: 30,
              cachedInputUsdPerMTok: undefined,
              cacheWriteUsdPerMTok: undefined,
            },
          ],
          asOf: "2026-11-29",
          source: "db",
        },
      ]);
      expect(edited?.text).toBe(
        "model_id,label,start_utc,end_utc,input_usd_per_mtok,output_usd_per_mtok,as_of,source\ngpt-4o,night,22:00,06:00,1.25,5,2025-09-01,kept\nclaude-3-5-sonnet,utc-0030-1630,00:30,16:30,6,30,2026-11-29,db\n",
      );
    } finally {
      copy.dispose();
    }
    const bare = copyOfData();
    try {
      expect(editedTimeOfDayCsv(bare.dir, [{ modelId: "gpt-4o", windows: [], asOf: "2026-11-29", source: "db" }])).toBeUndefined();
    } finally {
      bare.dispose();
    }
  });
});

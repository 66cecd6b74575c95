import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { billCall, billedCloudCost, cloudCostPerCall, longContextTierFor, type LongContextTier, type PriceSheet } from "../../src/model";
import { InputError } from "../../src/errors";

// Anthropic's Claude 3.5 Sonnet sheet: cache reads at 10% of input, writes at 125%, batch at half price.
const sonnet: PriceSheet = {
  inputUsdPerMTok: 3,
  outputUsdPerMTok: 15,
  cachedInputUsdPerMTok: 0.3,
  cacheWriteUsdPerMTok: 3.75,
  batchInputUsdPerMTok: 1.5,
  batchOutputUsdPerMTok: 7.5,
};
// Gemini 1.5 Pro: prices double above 128,000 input tokens.
const gemini: PriceSheet = {
  inputUsdPerMTok: 1.25,
  outputUsdPerMTok: 5,
  longContextTiers: [{ aboveInputTokens: 128_000, inputUsdPerMTok: 2.5, outputUsdPerMTok: 10 }],
};
const gpt4oMini: PriceSheet = { inputUsdPerMTok: 0.15, outputUsdPerMTok: 0.6 };
const typical = { inputTokensPerCall: 8000, outputTokensPerCall: 1500 };

describe("billCall", () => {
  it("bills a plain call as the chapter does: (8,000 × $3 + 1,500 × $15) / 1M = $0.0465, with no notes", () => {
    const bill = billCall(sonnet, typical);
    expect(bill.usdPerCall).toBe(cloudCostPerCall(sonnet, typical));
    expect(bill.usdPerCall).toBeCloseTo(0.0465, 12);
    expect(bill.notes).toEqual([]);
    expect(bill.longContextTier).toBeUndefined();
  });

  it("bills cache reads and writes at their own prices: (3,200 × $3 + 1,500 × $15 + 4,000 × $0.30 + 800 × $3.75) / 1M = $0.0363", () => {
    const bill = billCall(sonnet, { ...typical, cachedInputShare: 0.5, cacheWriteShare: 0.1 });
    expect(bill.tokens).toEqual({ uncachedInput: 3200, cacheRead: 4000, cacheWrite: 800, output: 1500, reasoning: 0 });
    expect(bill.usdPerCall).toBeCloseTo(0.0363, 12);
    expect(bill.byTokenKind.uncachedInputUsd).toBeCloseTo(0.0096, 12);
    expect(bill.byTokenKind.cacheReadUsd).toBeCloseTo(0.0012, 12);
    expect(bill.byTokenKind.cacheWriteUsd).toBeCloseTo(0.003, 12);
    expect(bill.byTokenKind.outputUsd).toBeCloseTo(0.0225, 12);
    expect(bill.notes).toEqual([]);
  });

  it("averages batch and interactive calls by batch share: half of $0.0465 and half of (8,000 × $1.50 + 1,500 × $7.50) / 1M = $0.02325 is $0.034875", () => {
    const bill = billCall(sonnet, { ...typical, batchShare: 0.5 });
    expect(bill.interactive.usdPerCall).toBeCloseTo(0.0465, 12);
    expect(bill.batch.usdPerCall).toBeCloseTo(0.02325, 12);
    expect(bill.usdPerCall).toBeCloseTo(0.034875, 12);
    expect(bill.batchShare).toBe(0.5);
  });

  it("gives a batch call's cache reads the batch discount too, as Anthropic bills them: (4,000 × $1.50 + 1,500 × $7.50 + 4,000 × $0.15) / 1M = $0.01785", () => {
    const bill = billCall(sonnet, { ...typical, cachedInputShare: 0.5, batchShare: 1 });
    expect(bill.usdPerCall).toBeCloseTo(0.01785, 12);
    expect(bill.byTokenKind.cacheReadUsd).toBeCloseTo(0.0006, 12);
  });

  it("bills 8,000 in / 1,500 out, 80% cache reads, 10% writes, all batched as the provider does: (800 × $1.50 + 6,400 × $0.15 + 800 × $1.875 + 1,500 × $7.50) / 1M = $0.01491", () => {
    const bill = billCall(sonnet, { ...typical, cachedInputShare: 0.8, cacheWriteShare: 0.1, batchShare: 1 });
    expect(Math.round(bill.usdPerCall * 1e5) / 1e5).toBe(0.01491);
    expect(bill.usdPerCall).toBeCloseTo(0.01491, 12);
  });

  it("bills hidden reasoning tokens as output: 8,000 in, 1,500 out and 800 reasoning at $3 / $15 is (24,000 + 22,500 + 12,000) / 1M = $0.0585", () => {
    const bill = billCall(sonnet, { ...typical, reasoningTokensPerCall: 800 });
    expect(bill.usdPerCall).toBeCloseTo(0.0585, 12);
    expect(bill.byTokenKind.reasoningUsd).toBeCloseTo(0.012, 12);
    expect(bill.tokens.reasoning).toBe(800);
    // In a batch, reasoning pays the batch output price: 800 × $7.50.
    expect(billCall(sonnet, { ...typical, reasoningTokensPerCall: 800, batchShare: 1 }).byTokenKind.reasoningUsd).toBeCloseTo(0.006, 12);
    expect(() => billCall(sonnet, { ...typical, reasoningTokensPerCall: -1 })).toThrow(InputError);
  });

  it("bills one-hour cache writes at the one-hour price where the sheet has one, else at the five-minute price with a note", () => {
    const withHour = { ...sonnet, cacheWrite1hUsdPerMTok: 6 };
    // 8,000 × 10% = 800 written: 800 × $6 = $0.0048 against 800 × $3.75 = $0.003.
    expect(billCall(withHour, { ...typical, cacheWriteShare: 0.1, cacheWriteTtl: "1h" }).byTokenKind.cacheWriteUsd).toBeCloseTo(0.0048, 12);
    expect(billCall(withHour, { ...typical, cacheWriteShare: 0.1 }).byTokenKind.cacheWriteUsd).toBeCloseTo(0.003, 12);
    const fallback = billCall(sonnet, { ...typical, cacheWriteShare: 0.1, cacheWriteTtl: "1h" });
    expect(fallback.byTokenKind.cacheWriteUsd).toBeCloseTo(0.003, 12);
    expect(fallback.notes).toEqual(["cache-write-1h-at-5m-price"]);
  });

  it("bills a call of exactly 128,000 input tokens at base prices: (128,000 × $1.25 + 1,000 × $5) / 1M = $0.165", () => {
    const bill = billCall(gemini, { inputTokensPerCall: 128_000, outputTokensPerCall: 1000 });
    expect(bill.longContextTier).toBeUndefined();
    expect(bill.usdPerCall).toBeCloseTo(0.165, 12);
  });

  it("bills the whole call one token above at the tier's prices: (128,001 × $2.50 + 1,000 × $10) / 1M = $0.3300025", () => {
    const bill = billCall(gemini, { inputTokensPerCall: 128_001, outputTokensPerCall: 1000 });
    expect(bill.longContextTier?.aboveInputTokens).toBe(128_000);
    expect(bill.usdPerCall).toBeCloseTo(0.3300025, 12);
  });

  it("picks the highest threshold a call passes, whatever the tiers' order", () => {
    const tiers: LongContextTier[] = [
      { aboveInputTokens: 200, inputUsdPerMTok: 3, outputUsdPerMTok: 3 },
      { aboveInputTokens: 100, inputUsdPerMTok: 2, outputUsdPerMTok: 2 },
    ];
    expect(longContextTierFor(tiers, 100)).toBeUndefined();
    expect(longContextTierFor(tiers, 150)?.aboveInputTokens).toBe(100);
    expect(longContextTierFor(tiers, 250)?.aboveInputTokens).toBe(200);
    // 1,000,000 × $3 / 1M = $3.
    expect(
      billCall(
        { inputUsdPerMTok: 1, outputUsdPerMTok: 1, longContextTiers: tiers },
        { inputTokensPerCall: 1_000_000, outputTokensPerCall: 0 },
      ).usdPerCall,
    ).toBe(3);
  });

  it("keeps the base cache price where a tier leaves it empty: (100,000 × $2.50 + 100,000 × $0.3125 + 1,000 × $10) / 1M = $0.29125", () => {
    const bill = billCall(
      { ...gemini, cachedInputUsdPerMTok: 0.3125 },
      { inputTokensPerCall: 200_000, outputTokensPerCall: 1000, cachedInputShare: 0.5 },
    );
    expect(bill.usdPerCall).toBeCloseTo(0.29125, 12);
    expect(bill.notes).toEqual([]);
  });

  it("raises batch prices with a tier, keeping the batch discount: $0.625 × 2.50/1.25 in, $2.50 × 10/5 out: (200,000 × $1.25 + 1,000 × $5) / 1M = $0.255", () => {
    const bill = billCall(
      { ...gemini, batchInputUsdPerMTok: 0.625, batchOutputUsdPerMTok: 2.5 },
      { inputTokensPerCall: 200_000, outputTokensPerCall: 1000, batchShare: 1 },
    );
    expect(bill.usdPerCall).toBeCloseTo(0.255, 12);
  });

  it("bills cached tokens of a model without a cache-read price at its input price, and says so: (8,000 × $0.15 + 1,500 × $0.60) / 1M = $0.0021", () => {
    const bill = billCall(gpt4oMini, { ...typical, cachedInputShare: 0.5 });
    expect(bill.usdPerCall).toBeCloseTo(0.0021, 12);
    expect(bill.byTokenKind.cacheReadUsd).toBeCloseTo(0.0006, 12); // 4,000 × $0.15 / 1M
    expect(bill.notes).toEqual(["cache-read-at-input-price"]);
  });

  it("bills cache writes and batch calls of a model without those prices at plain prices, and says so for each", () => {
    const bill = billCall(gpt4oMini, { ...typical, cacheWriteShare: 0.25, batchShare: 0.5 });
    expect(bill.usdPerCall).toBeCloseTo(0.0021, 12);
    expect(bill.notes).toEqual(["cache-write-at-input-price", "batch-input-at-input-price", "batch-output-at-output-price"]);
  });

  it("notes no fallback for a price the workload never uses", () => {
    expect(billCall(gpt4oMini, { ...typical, cachedInputShare: 0, batchShare: 0 }).notes).toEqual([]);
  });

  it("rejects shares outside 0 to 1 and cache shares above 1 together", () => {
    expect(() => billCall(sonnet, { ...typical, batchShare: 1.5 })).toThrow(InputError);
    expect(() => billCall(sonnet, { ...typical, cachedInputShare: 0.7, cacheWriteShare: 0.4 })).toThrow(/must not exceed 1/);
    expect(billCall(sonnet, { ...typical, cachedInputShare: 0.7, cacheWriteShare: 0.3 }).tokens.uncachedInput).toBe(0);
  });

  it("prices a day and a month from the billed call: $0.034875 × 1,000 calls × 30 days = $1,046.25", () => {
    const cost = billedCloudCost(sonnet, { ...typical, callsPerDay: 1000, batchShare: 0.5 });
    expect(cost.usdPerDay).toBeCloseTo(34.875, 9);
    expect(cost.usdPerMonth).toBeCloseTo(1046.25, 9);
    expect(cost.bill.usdPerCall).toBe(cost.usdPerCall);
  });
});

const price = fc.double({ min: 0, max: 100, noNaN: true });
const optionalPrice = fc.option(price, { nil: undefined });
const tokens = fc.integer({ min: 0, max: 2_000_000 });
const share = fc.double({ min: 0, max: 1, noNaN: true });
const sheet = fc.record({
  inputUsdPerMTok: price,
  outputUsdPerMTok: price,
  cachedInputUsdPerMTok: optionalPrice,
  cacheWriteUsdPerMTok: optionalPrice,
  batchInputUsdPerMTok: optionalPrice,
  batchOutputUsdPerMTok: optionalPrice,
});
/** Within a few rounding steps of the larger value. */
const closeTo = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));

describe("billCall (properties)", () => {
  it("equals cloudCostPerCall to the last bit with no shares and no tier passed", () => {
    fc.assert(
      fc.property(sheet, tokens, tokens, fc.integer({ min: 0, max: 2_000_000 }), (prices, input, output, margin) => {
        const tiers = [{ aboveInputTokens: input + margin, inputUsdPerMTok: 1e3, outputUsdPerMTok: 1e3 }];
        const call = { inputTokensPerCall: input, outputTokensPerCall: output, cachedInputShare: 0, cacheWriteShare: 0, batchShare: 0 };
        expect(Object.is(billCall({ ...prices, longContextTiers: tiers }, call).usdPerCall, cloudCostPerCall(prices, call))).toBe(true);
      }),
    );
  });

  it("never falls as more input is written to the cache, where writing costs at least plain input", () => {
    fc.assert(
      fc.property(sheet, price, tokens, tokens, share, share, share, (prices, extra, input, output, a, b, batch) => {
        // Writes cost at least what they replace, interactive or batch.
        const writes = { ...prices, cacheWriteUsdPerMTok: Math.max(prices.inputUsdPerMTok, prices.batchInputUsdPerMTok ?? 0) + extra };
        const [low, high] = a <= b ? [a, b] : [b, a];
        const cost = (writeShare: number) =>
          billCall(writes, { inputTokensPerCall: input, outputTokensPerCall: output, cacheWriteShare: writeShare, batchShare: batch })
            .usdPerCall;
        expect(cost(high) >= cost(low) || closeTo(cost(high), cost(low))).toBe(true);
      }),
    );
  });

  it("never falls as input tokens rise across long-context thresholds whose prices are at least the base ones", () => {
    const factor = fc.double({ min: 1, max: 4, noNaN: true });
    fc.assert(
      fc.property(
        sheet,
        factor,
        factor,
        fc.integer({ min: 0, max: 1_000_000 }),
        tokens,
        tokens,
        tokens,
        share,
        share,
        (prices, inFactor, outFactor, threshold, a, b, output, cached, batch) => {
          const tier = {
            aboveInputTokens: threshold,
            inputUsdPerMTok: prices.inputUsdPerMTok * inFactor,
            outputUsdPerMTok: prices.outputUsdPerMTok * outFactor,
            cachedInputUsdPerMTok: prices.cachedInputUsdPerMTok === undefined ? undefined : prices.cachedInputUsdPerMTok * inFactor,
          };
          const [low, high] = a <= b ? [a, b] : [b, a];
          const cost = (input: number) =>
            billCall(
              { ...prices, longContextTiers: [tier] },
              { inputTokensPerCall: input, outputTokensPerCall: output, cachedInputShare: cached, batchShare: batch },
            ).usdPerCall;
          expect(cost(high) >= cost(low) || closeTo(cost(high), cost(low))).toBe(true);
        },
      ),
    );
  });

  it("is linear in the batch share: (1 − s) × all-interactive + s × all-batch", () => {
    fc.assert(
      fc.property(sheet, tokens, tokens, share, share, share, (prices, input, output, cached, s, split) => {
        const call = {
          inputTokensPerCall: input,
          outputTokensPerCall: output,
          cachedInputShare: cached * split,
          cacheWriteShare: cached * (1 - split),
        };
        const at = (batchShare: number) => billCall(prices, { ...call, batchShare }).usdPerCall;
        expect(closeTo(at(s), (1 - s) * at(0) + s * at(1))).toBe(true);
      }),
    );
  });

  it("breaks the cost down into parts that add up to it", () => {
    fc.assert(
      fc.property(sheet, tokens, tokens, share, share, (prices, input, output, cached, batch) => {
        const bill = billCall(prices, {
          inputTokensPerCall: input,
          outputTokensPerCall: output,
          cachedInputShare: cached / 2,
          cacheWriteShare: cached / 2,
          batchShare: batch,
        });
        const { uncachedInputUsd, cacheReadUsd, cacheWriteUsd, outputUsd, reasoningUsd } = bill.byTokenKind;
        expect(closeTo(uncachedInputUsd + cacheReadUsd + cacheWriteUsd + outputUsd + reasoningUsd, bill.usdPerCall)).toBe(true);
      }),
    );
  });
});

/**
 * What imported calls cost at list price, two ways, so a difference shows where roilab's billing rules and the
 * price database part: each call billed by roilab's `billCall` with its model's whole price sheet from the data
 * folder (`modelPriceSheet`, as every cost figure does), beside the database's own `calcPrice` for the same call,
 * at the call's time (or the import's, for a call without one) and the model's price_ref.
 */
import { calcPrice } from "@pydantic/genai-prices";
import type { Dataset, ModelRow } from "../data";
import { parsePriceRef } from "../data/price-database";
import type { UsageCall } from "../data/usage-log/usage-call";
import { billCall, priceSheetAtUtcMinute, type TimedPriceSheet } from "../model";
import { modelPriceSheet } from "./model-inputs";

export interface ModelListPrice {
  modelId: string;
  /** The price_ref the database was asked for; undefined when the row has none. */
  priceRef: string | undefined;
  calls: number;
  /** USD at the data folder's prices, by billCall. */
  billedUsd: number;
  /** USD by the database's calcPrice, over the calls it priced. */
  databaseUsd: number;
  /** Calls the database priced (it may not know the model, or the row may have no price_ref). */
  databaseCalls: number;
}

export class ListPriceComparison {
  private readonly byModel = new Map<
    string,
    ModelListPrice & { sheet: TimedPriceSheet; ref: { providerId: string; modelId: string } | undefined }
  >();

  /** `data`: the folder whose price sheets (long-context tiers and time-of-day prices included) bill the calls. */
  constructor(
    private readonly data: Dataset,
    private readonly importedAt: Date,
  ) {}

  add(call: UsageCall, model: ModelRow): void {
    let entry = this.byModel.get(model.modelId);
    if (!entry) {
      const ref = model.priceRef === undefined ? undefined : parsePriceRef(model.priceRef);
      entry = {
        modelId: model.modelId,
        priceRef: model.priceRef,
        calls: 0,
        billedUsd: 0,
        databaseUsd: 0,
        databaseCalls: 0,
        sheet: modelPriceSheet(this.data, model),
        ref,
      };
      this.byModel.set(model.modelId, entry);
    }
    const input = call.inputTokens;
    // Providers bill reasoning tokens as output tokens.
    const output = call.visibleOutputTokens + call.reasoningTokens;
    entry.calls += 1;
    // A call with a time pays the prices in force then (DeepSeek's daytime window); one without, the standard ones.
    const sheet =
      call.startMs === undefined ? entry.sheet : priceSheetAtUtcMinute(entry.sheet, Math.floor((call.startMs % 86_400_000) / 60_000));
    entry.billedUsd += billCall(sheet, {
      inputTokensPerCall: input,
      outputTokensPerCall: output,
      cachedInputShare: input === 0 ? 0 : call.cacheReadTokens / input,
      cacheWriteShare: input === 0 ? 0 : call.cacheWriteTokens / input,
    }).usdPerCall;
    if (!entry.ref) return;
    const priced = calcPrice(
      { input_tokens: input, cache_read_tokens: call.cacheReadTokens, cache_write_tokens: call.cacheWriteTokens, output_tokens: output },
      entry.ref.modelId,
      {
        providerId: entry.ref.providerId,
        timestamp: call.startMs === undefined ? this.importedAt : new Date(call.startMs),
      },
    );
    if (priced === null) return;
    entry.databaseUsd += priced.total_price;
    entry.databaseCalls += 1;
  }

  /** Each model's totals, the most-called first. */
  results(): ModelListPrice[] {
    return [...this.byModel.values()]
      .map(({ sheet: _sheet, ref: _ref, ...totals }) => totals)
      .sort((a, b) => b.calls - a.calls || a.modelId.localeCompare(b.modelId));
  }
}

/** 59.1, the cost model: each model's cloud cost at a workload, one local server's monthly cost, and their figures. */
import { costVersusVolume, monthlyCostByModel, type Figure } from "../charts";
import type { Dataset, HardwareRow, ModelRow, WorkloadRow } from "../data";
import type { TableColumn } from "../display/html-table";
import { formatInteger, formatUsd } from "../format";
import { COST_WORDS } from "../i18n/cost";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import {
  billCall,
  monthlyApiBill,
  type BillingNote,
  type CallBill,
  type CloudCost,
  type LocalMonthlyCost,
  type MonthlyBill,
} from "../model";
import { dataFileName, modelColors, provenance } from "./figure-context";
import { findModel, findWorkload } from "./lookup";
import { callOf, modelPriceSheet, workloadCalendar } from "./model-inputs";
import { headlineVolume } from "./workload";

/** How one call of the workload is billed on a model at its standard prices: cost, breakdown and the fallback prices it used. */
export function apiCallBill(data: Dataset, modelId: string, workload: WorkloadRow = findWorkload(data)): CallBill {
  const model = findModel(data, modelId);
  return billCall(modelPriceSheet(data, model), callOf(model, workload));
}

/** A month of the workload's calls on a model, each hour at the prices in force then. */
export function apiMonthlyBill(data: Dataset, model: ModelRow, workload: WorkloadRow): MonthlyBill {
  return monthlyApiBill(modelPriceSheet(data, model), callOf(model, workload), workloadCalendar(data, workload));
}

/** What the workload's average call costs on a model, USD: its month's bill over its month's calls. */
export function apiUsdPerCall(data: Dataset, modelId: string, workload: WorkloadRow = findWorkload(data)): number {
  return apiMonthlyBill(data, findModel(data, modelId), workload).usdPerCall;
}

export interface ModelCloudCost extends CloudCost {
  model: ModelRow;
  /** How a call is billed at standard prices: breakdown by kind of token, batch against interactive, fallback prices. */
  bill: CallBill;
  /** The month billed hour by hour, with a part per set of prices. */
  month: MonthlyBill;
}

/** Daily and monthly cloud cost of every model at the workload (the 59.1 table, for all models in the data). A day is the month over its days. */
export function cloudCostTable(data: Dataset, workload: WorkloadRow = findWorkload(data)): ModelCloudCost[] {
  return data.models.map((model) => {
    const month = apiMonthlyBill(data, model, workload);
    return {
      model,
      usdPerCall: month.usdPerCall,
      usdPerDay: month.usdPerMonth / workload.daysPerMonth,
      usdPerMonth: month.usdPerMonth,
      bill: month.parts[0]!.bill,
      month,
    };
  });
}

/** Each fallback's words in the catalogue, in the order the notes are listed. */
const NOTE_KEY = {
  "cache-read-at-input-price": "noteCacheRead",
  "cache-write-at-input-price": "noteCacheWrite",
  "cache-write-1h-at-5m-price": "noteCacheWrite1h",
  "batch-input-at-input-price": "noteBatchInput",
  "batch-output-at-output-price": "noteBatchOutput",
} as const satisfies Record<BillingNote, string>;

/** One sentence per fallback a bill used, naming the models it concerns ("Cached input billed at … : GPT-4o, Mistral Large."). */
export function billingNoteSentences(rows: readonly { model: ModelRow; bill: CallBill }[], lang: Lang = DEFAULT_LANG): string[] {
  const words = COST_WORDS[lang];
  return (Object.keys(NOTE_KEY) as BillingNote[]).flatMap((note) => {
    const names = rows.filter((row) => row.bill.notes.includes(note)).map((row) => row.model.modelName);
    return names.length > 0 ? [words.billingNote(words[NOTE_KEY[note]], names)] : [];
  });
}

/** The files a cost figure draws on: long_context_prices.csv only where a call of the workload passes a tier. */
function costFiles(costs: readonly ModelCloudCost[]): string[] {
  return ["models.csv", ...(costs.some((row) => row.bill.longContextTier) ? ["long_context_prices.csv"] : []), "workloads.csv"];
}

/** Figure 59.1a: every model's monthly cost at the workload; `label` names the volume in the title (default "N calls/day"). */
export function monthlyCostFigure(
  data: Dataset,
  workload: WorkloadRow = findWorkload(data),
  label?: string,
  lang: Lang = DEFAULT_LANG,
): Figure {
  const costs = cloudCostTable(data, workload);
  const rows = costs.map((row) => ({ modelId: row.model.modelId, modelName: row.model.modelName, usdPerMonth: row.usdPerMonth }));
  const named = label ?? COST_WORDS[lang].callsPerDayLabel(formatInteger(workload.callsPerDay));
  return monthlyCostByModel(rows, modelColors(data), provenance(data, costFiles(costs)), named, lang);
}

/** Figure 59.1b: every model's monthly cost against calls per day, with the workload's volume marked. */
export function costVolumeFigure(data: Dataset, workload: WorkloadRow, callsPerDay: readonly number[], lang: Lang = DEFAULT_LANG): Figure {
  const costs = cloudCostTable(data, workload);
  const rows = costs.map((row) => ({ modelId: row.model.modelId, modelName: row.model.modelName, usdPerCall: row.usdPerCall }));
  return costVersusVolume(
    rows,
    callsPerDay,
    workload.daysPerMonth,
    modelColors(data),
    provenance(data, costFiles(costs)),
    workload.callsPerDay,
    lang,
  );
}

// The page's words: its findings, its tables' columns, captions and text cells, in the page's language.

/** The price list's columns: each model's prices per million tokens and their date. */
export function priceListColumns(lang: Lang = DEFAULT_LANG): TableColumn[] {
  const words = COST_WORDS[lang];
  return [
    { key: "modelName", label: words.hModel },
    { key: "provider", label: words.hProvider },
    { key: "inputUsdPerMTok", label: words.hInputPrice, format: "usd" },
    { key: "outputUsdPerMTok", label: words.hOutputPrice, format: "usd" },
    { key: "contextTokens", label: words.hContext, format: "integer" },
    { key: "asOf", label: words.hPriceAsOf },
  ];
}

export const priceListCaption = (data: Dataset, lang: Lang = DEFAULT_LANG): string =>
  COST_WORDS[lang].priceListCaption(dataFileName(data, "models.csv"));

/** The workload's volume in its own unit, as a sentence says it: "1,000 calls a day", "每天 1,000 次调用". */
export function volumeText(workload: WorkloadRow, lang: Lang = DEFAULT_LANG): string {
  const volume = headlineVolume(workload);
  return COST_WORDS[lang].volume(formatInteger(volume.callsPerDay), volume.unit);
}

/** The finding: the cheapest and the dearest model's month at the workload. */
export function costRangeText(costs: readonly ModelCloudCost[], workload: WorkloadRow, lang: Lang = DEFAULT_LANG): string {
  const byMonthly = [...costs].sort((a, b) => a.usdPerMonth - b.usdPerMonth);
  return COST_WORDS[lang].costRange(
    volumeText(workload, lang),
    formatUsd(byMonthly[0]?.usdPerMonth ?? 0, 2, lang),
    String(byMonthly[0]?.model.modelName),
    formatUsd(byMonthly.at(-1)?.usdPerMonth ?? 0, 2, lang),
    String(byMonthly.at(-1)?.model.modelName),
  );
}

/** The cloud cost table's columns: a call, a day and a month of the workload on each model. */
export function cloudCostColumns(lang: Lang = DEFAULT_LANG): TableColumn[] {
  const words = COST_WORDS[lang];
  return [
    { key: "model", label: words.hModel },
    { key: "usdPerCall", label: words.hPerCall, format: "usdPerCall" },
    { key: "usdPerDay", label: words.hPerDay, format: "usd" },
    { key: "usdPerMonth", label: words.hPerMonth, format: "usd" },
  ];
}

export const cloudCostCaption = (lang: Lang = DEFAULT_LANG): string => COST_WORDS[lang].cloudCostCaption;

/** One way to send the workload's calls: its share of input read from the cache and of calls batched. */
export interface BillingWay {
  label: string;
  cachedInputShare: number;
  batchShare: number;
}

/** The four ways the caching and batching section bills one call: plain, half cached, all batched, both. */
export function billingWays(lang: Lang = DEFAULT_LANG): BillingWay[] {
  const words = COST_WORDS[lang];
  return [
    { label: words.casePlain, cachedInputShare: 0, batchShare: 0 },
    { label: words.caseCache, cachedInputShare: 0.5, batchShare: 0 },
    { label: words.caseBatch, cachedInputShare: 0, batchShare: 1 },
    { label: words.caseBoth, cachedInputShare: 0.5, batchShare: 1 },
  ];
}

/** The section's finding: what caching and batching save on the model's call, or that the data prices neither. */
export function billingFinding(model: ModelRow, plain: ModelCloudCost, both: ModelCloudCost, lang: Lang = DEFAULT_LANG): string {
  const words = COST_WORDS[lang];
  return both.usdPerCall < plain.usdPerCall
    ? words.billingSaves(
        model.modelName,
        formatUsd(plain.usdPerCall, 4, lang),
        formatUsd(both.usdPerCall, 4, lang),
        formatUsd(both.usdPerMonth, 2, lang),
        formatUsd(plain.usdPerMonth, 2, lang),
      )
    : words.billingSame(model.modelName, formatUsd(plain.usdPerCall, 4, lang));
}

/** The billing table's columns: each kind of token's part of a call, the call and the month. */
export function billingColumns(lang: Lang = DEFAULT_LANG): TableColumn[] {
  const words = COST_WORDS[lang];
  return [
    { key: "label", label: words.hHowSent },
    { key: "uncachedInputUsd", label: words.hUncachedInput, format: "usdPerCall" },
    { key: "cacheReadUsd", label: words.hCacheReads, format: "usdPerCall" },
    { key: "outputUsd", label: words.hOutput, format: "usdPerCall" },
    { key: "usdPerCall", label: words.hPerCall, format: "usdPerCall" },
    { key: "usdPerMonth", label: words.hPerMonth, format: "usd" },
  ];
}

export const billingCaption = (model: ModelRow, lang: Lang = DEFAULT_LANG): string => COST_WORDS[lang].billingCaption(model.modelName);

/** A line of the local server's month: what it is, how it is worked out, and its amount (a table's row). */
export type LocalCostItem = Record<"item" | "detail", string> & { usdPerMonth: number };

/** The local server's month item by item (depreciation, electricity, operations, total), or its stated total. */
export function localCostItems(server: HardwareRow, local: LocalMonthlyCost, lang: Lang = DEFAULT_LANG): LocalCostItem[] {
  const words = COST_WORDS[lang];
  if (local.basis !== "itemised") return [{ item: words.itemTotalStated, detail: "", usdPerMonth: local.totalUsd }];
  return [
    {
      item: words.itemDepreciation,
      detail: words.depreciationBasis(formatUsd(server.capexUsd ?? 0, 0, lang), server.depreciationMonths as number),
      usdPerMonth: local.depreciationUsd,
    },
    {
      item: words.itemElectricity,
      detail:
        local.energyKwhPerMonth === undefined
          ? words.stated
          : words.electricityBasis(
              server.powerKw as number,
              formatInteger(local.energyKwhPerMonth),
              formatUsd(server.electricityUsdPerKwh ?? 0, 2, lang),
            ),
      usdPerMonth: local.powerUsd,
    },
    {
      item: words.itemOperations,
      detail:
        server.opsUsdPerMonth === undefined
          ? words.operationsBasis(server.opsFte as number, formatUsd(server.opsSalaryUsdPerMonth ?? 0, 0, lang))
          : words.stated,
      usdPerMonth: local.opsUsd,
    },
    { item: words.itemTotal, detail: "", usdPerMonth: local.totalUsd },
  ];
}

export function localCostColumns(lang: Lang = DEFAULT_LANG): TableColumn[] {
  const words = COST_WORDS[lang];
  return [
    { key: "item", label: words.hItem },
    { key: "detail", label: words.hBasis },
    { key: "usdPerMonth", label: words.hPerMonth, format: "usd" },
  ];
}

export const localCostCaption = (server: HardwareRow, lang: Lang = DEFAULT_LANG): string => COST_WORDS[lang].localCaption(server.name);

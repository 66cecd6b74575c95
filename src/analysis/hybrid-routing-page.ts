/**
 * What the hybrid-routing page (59.4) writes around its figures, in its language: the workload line, the tiers' and
 * task types' tables and the headline. English is as the notebook wrote it before it took a language.
 */
import type { Dataset, HardwareRow } from "../data";
import { formatInteger, formatPercent, formatUsd } from "../format";
import { HYBRID_ROUTING_WORDS, taskTypeZh, tierZh } from "../i18n/hybrid-routing";
import { dataFileName } from "./figure-context";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import { savingsAfterHardware, taskTypeName, tierName, type ModelTier, type SavingsEstimate, type TierSpec } from "../model";
import type { PageTable } from "./page-table";

/** A router tier as the page names it: "premium cloud model", 云端顶级模型. */
export const routerTierIn = (tier: ModelTier, lang: Lang = DEFAULT_LANG): string => (lang === DEFAULT_LANG ? tierName(tier) : tierZh(tier));

/** A task type as the page names it: "simple Q&A", 简单问答. */
export const taskTypeIn = (taskType: string, lang: Lang = DEFAULT_LANG): string =>
  lang === DEFAULT_LANG ? taskTypeName(taskType) : taskTypeZh(taskType);

/** The router's tiers: each with its model, its price a call and its context. */
export function routingTiersTable(data: Dataset, tiers: Record<ModelTier, TierSpec>, lang: Lang = DEFAULT_LANG): PageTable {
  const words = HYBRID_ROUTING_WORDS[lang];
  return {
    rows: Object.entries(tiers).map(([tier, spec]) => ({
      tier: routerTierIn(tier as ModelTier, lang),
      model: spec.modelName,
      usdPerCall: spec.usdPerCall,
      maxContext: spec.maxContextTokens,
    })),
    columns: [
      { key: "tier", label: words.hTier },
      { key: "model", label: words.hModel },
      { key: "usdPerCall", label: words.hPerCall, format: "usdPerCall" },
      { key: "maxContext", label: words.hMaxContext, format: "integer" },
    ],
    caption: words.tiersCaption(dataFileName(data, "routing_tiers.csv")),
  };
}

/** Each task type's share, complexity, tier, calls and month at the page's volume and threshold. */
export function routingTable(
  estimate: SavingsEstimate,
  dailyVolume: number,
  complexityThreshold: number,
  lang: Lang = DEFAULT_LANG,
): PageTable {
  const words = HYBRID_ROUTING_WORDS[lang];
  return {
    rows: estimate.byTaskType.map((row) => ({
      taskType: taskTypeIn(row.taskType, lang),
      share: row.share * 100,
      complexity: row.complexity,
      tier: routerTierIn(row.tier, lang),
      calls: row.dailyCalls,
      usd: row.monthlyUsd,
    })),
    columns: [
      { key: "taskType", label: words.hTaskType },
      { key: "share", label: words.hShare, format: "percent" },
      { key: "complexity", label: words.hComplexity, format: "number" },
      { key: "tier", label: words.hTier },
      { key: "calls", label: words.hCallsPerDay, format: "integer" },
      { key: "usd", label: words.hPerMonth, format: "usd" },
    ],
    caption: words.routingCaption(
      lang === DEFAULT_LANG ? dailyVolume.toLocaleString("en-US") : formatInteger(dailyVolume, lang),
      String(complexityThreshold),
    ),
  };
}

/** Hybrid routing against pure cloud: as the chapter counts it, local calls free, and with the local server paid. */
export function savingsTable(
  estimate: SavingsEstimate,
  local: { hardware: HardwareRow; monthlyUsd: number },
  lang: Lang = DEFAULT_LANG,
): PageTable {
  const words = HYBRID_ROUTING_WORDS[lang];
  const paid = savingsAfterHardware(estimate, local.monthlyUsd);
  return {
    rows: [
      {
        view: words.viewChapter,
        pureCloud: estimate.pureCloudMonthly,
        hybrid: estimate.hybridMonthly,
        saved: estimate.monthlySavings,
        percent: estimate.savingsPercentage,
      },
      {
        view: words.viewPaid(local.hardware.name, formatUsd(local.monthlyUsd, 2, lang)),
        pureCloud: estimate.pureCloudMonthly,
        hybrid: paid.hybridMonthly,
        saved: paid.monthlySavings,
        percent: paid.savingsPercentage,
      },
    ],
    columns: [
      { key: "view", label: "" },
      { key: "pureCloud", label: words.hPureCloud, format: "usd" },
      { key: "hybrid", label: words.hHybrid, format: "usd" },
      { key: "saved", label: words.hSaved, format: "usd" },
      { key: "percent", label: words.hSavedPercent, format: "percent" },
    ],
    caption: words.savingsCaption,
  };
}

/** The headline: what the chapter's count saves, and what is left once the local hardware is paid. */
export function routingHeadline(estimate: SavingsEstimate, localMonthlyUsd: number, lang: Lang = DEFAULT_LANG): string {
  const paid = savingsAfterHardware(estimate, localMonthlyUsd);
  return HYBRID_ROUTING_WORDS[lang].headline(
    formatPercent(estimate.savingsPercentage),
    formatPercent(paid.savingsPercentage),
    paid.savingsPercentage >= 0,
  );
}

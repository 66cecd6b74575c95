/** 59.4, hybrid routing: the chapter's router from data, its savings as the chapter counts them and with the local server paid, and its figures. */
import { savingsVersusThreshold, tierCostStacked, type Figure, type ThresholdPoint } from "../charts";
import type { Dataset, HardwareRow, WorkloadRow } from "../data";
import {
  HybridModelRouter,
  savingsAfterHardware,
  type ModelTier,
  type RouterOptions,
  type RoutingConfig,
  type SavingsEstimate,
  type TierSpec,
} from "../model";
import { apiUsdPerCall } from "./cost";
import type { HybridSplit } from "./decide";
import { provenance } from "./figure-context";
import { byIdOrFirst, findHardware, findWorkload } from "./lookup";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import { hardwareMonthlyCost } from "./model-inputs";

/**
 * Tier costs from data. A cloud tier costs its model's price at the workload, so a re-priced model moves every
 * figure its tier is in; a local tier costs its usd_per_call (0: its server is paid for apart). A stated
 * usd_per_call prices only a cloud tier whose model is not in models.csv (the data check refuses both).
 */
export function tierSpecsFromData(data: Dataset, workload: WorkloadRow = findWorkload(data)): Record<ModelTier, TierSpec> {
  const tiers = {} as Record<ModelTier, TierSpec>;
  for (const row of data.routingTiers) {
    const priced = row.location === "cloud" && row.modelId !== undefined;
    tiers[row.tier] = {
      modelName: row.modelName,
      usdPerCall: priced ? apiUsdPerCall(data, row.modelId as string, workload) : (row.usdPerCall ?? 0),
      maxContextTokens: row.maxContextTokens,
    };
  }
  return tiers;
}

export interface RouterSetup {
  router: HybridModelRouter;
  config: RoutingConfig;
  distribution: Record<string, number>;
  dailyVolume: number;
}

const routingConfigRow = (data: Dataset, configId?: string) =>
  byIdOrFirst(data.routingConfig, configId, (row) => row.configId, "config_id", "routing_config.csv");

/** What the 59.4 router is built from, as plain data: its options, config, task distribution and daily volume. */
export interface RouterInputs extends Omit<RouterSetup, "router"> {
  options: Required<RouterOptions>;
}

/** The 59.4 router's inputs from data (first routing_config row by default), plain enough for a page to rebuild it. */
export function routerInputs(data: Dataset, configId?: string, contextTokens?: number): RouterInputs {
  const row = routingConfigRow(data, configId);
  const taskComplexity: Record<string, number> = {};
  for (const type of data.taskTypes) if (type.complexityScore !== undefined) taskComplexity[type.taskType] = type.complexityScore;
  const options = {
    tiers: tierSpecsFromData(data),
    taskComplexity,
    unknownTaskComplexity: row.unknownTaskComplexity,
    assumedToolCalls: row.assumedToolCalls,
    assumedContextTokens: contextTokens ?? row.assumedContextTokens,
    daysPerMonth: findWorkload(data).daysPerMonth,
  };
  const distribution = Object.fromEntries(data.taskMix.filter((mix) => mix.mixId === row.mixId).map((mix) => [mix.taskType, mix.share]));
  const config: RoutingConfig = {
    complexityThreshold: row.complexityThreshold,
    contextLengthThreshold: row.contextLengthThresholdTokens,
    sensitiveData: row.sensitiveData,
    maxCostPerCall: row.maxUsdPerCall,
  };
  return { options, config, distribution, dailyVolume: row.dailyVolume };
}

/** The 59.4 router, its config, task distribution and daily volume, all from data (first routing_config row by default). */
export function routerFromData(data: Dataset, configId?: string, contextTokens?: number): RouterSetup {
  const { options, ...setup } = routerInputs(data, configId, contextTokens);
  return { router: new HybridModelRouter(options), ...setup };
}

/** The router's savings estimate; `contextTokens` gives each task that context in place of the config's assumed one. */
export function hybridSavings(data: Dataset, configId?: string, contextTokens?: number): SavingsEstimate {
  const { router, config, distribution, dailyVolume } = routerFromData(data, configId, contextTokens);
  return router.estimateMonthlySavings(distribution, dailyVolume, config);
}

/**
 * The router's split for a hybrid option at a workload: the share of its task mix the router sends to a local tier
 * when each task carries the workload's input tokens as context (a long context raises a task's complexity);
 * undefined where the data has no router or it sends nothing (or everything) local.
 */
export function routerSplit(data: Dataset, workload?: WorkloadRow, configId?: string): HybridSplit | undefined {
  if (data.routingConfig.length === 0) return undefined;
  const row = routingConfigRow(data, configId);
  const estimate = hybridSavings(data, row.configId, workload?.inputTokensPerCall);
  const total = estimate.byTaskType.reduce((sum, task) => sum + task.share, 0);
  const local = estimate.byTaskType.filter((task) => task.tier.startsWith("local")).reduce((sum, task) => sum + task.share, 0);
  const localShare = total > 0 ? local / total : 0;
  if (!(localShare > 0 && localShare < 1)) return undefined;
  const context = workload ? `, at the workload's ${workload.inputTokensPerCall.toLocaleString("en-US")} input tokens a call` : "";
  return {
    localShare,
    basis: `the router's split of task mix ${row.mixId} (routing_config.csv ${row.configId}${context}): the tasks it routes to a local tier`,
  };
}

/** The server that serves the router's local tiers, and what it costs a month. */
export function routingLocalServer(data: Dataset, configId?: string): { hardware: HardwareRow; monthlyUsd: number } {
  const hardware = findHardware(data, routingConfigRow(data, configId).localHardwareId);
  return { hardware, monthlyUsd: hardwareMonthlyCost(hardware).totalUsd };
}

/**
 * Savings of the data's router set-up at each complexity threshold, as the chapter counts them and with the
 * local hardware's monthly cost paid.
 */
export function savingsByThreshold(
  data: Dataset,
  thresholds: readonly number[],
  localMonthlyUsd: number,
  configId?: string,
): ThresholdPoint[] {
  const { router, config, distribution, dailyVolume } = routerFromData(data, configId);
  return thresholds.map((complexityThreshold) => {
    const estimate = router.estimateMonthlySavings(distribution, dailyVolume, { ...config, complexityThreshold });
    return {
      complexityThreshold,
      savingsPercentage: estimate.savingsPercentage,
      savingsAfterHardwarePercentage: savingsAfterHardware(estimate, localMonthlyUsd).savingsPercentage,
    };
  });
}

export const ROUTING_FILES = ["task_types.csv", "task_mix.csv", "routing_tiers.csv", "routing_config.csv", "hardware.csv"];

/** Figure 59.4a: pure cloud against the hybrid, by tier, with and without the local server paid. */
export function tierCostFigure(data: Dataset, estimate: SavingsEstimate, configId?: string, lang: Lang = DEFAULT_LANG): Figure {
  const local = routingLocalServer(data, configId);
  return tierCostStacked(estimate, { name: local.hardware.name, monthlyUsd: local.monthlyUsd }, provenance(data, ROUTING_FILES), lang);
}

/** Figure 59.4b: savings against the premium tier's complexity threshold, the chosen threshold marked. */
export function thresholdFigure(
  data: Dataset,
  options: { thresholds: readonly number[]; complexityThreshold: number; configId?: string; lang?: Lang },
): Figure {
  const local = routingLocalServer(data, options.configId);
  return savingsVersusThreshold(
    savingsByThreshold(data, options.thresholds, local.monthlyUsd, options.configId),
    options.complexityThreshold,
    provenance(data, ROUTING_FILES),
    options.lang,
  );
}

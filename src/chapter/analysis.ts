import type { Dataset, HardwareRow, ModelRow, WorkloadRow } from "../data";
import {
  breakEvenMatrix,
  breakEvenVolumes,
  cloudCost,
  cloudCostPerCall,
  evaluateCaseStudy,
  HybridModelRouter,
  localMonthlyCost,
  residencyFilter,
  type BreakEvenCell,
  type CaseStudyInputs,
  type CaseStudyResult,
  type CloudCost,
  type LocalMonthlyCost,
  type ModelTier,
  type ResidencyResult,
  type RoutingConfig,
  type SavingsEstimate,
  type TierSpec,
} from "../model";

/** The chapter's analyses computed from a data folder: the glue between `src/data` rows and `src/model` functions. */

function byId<T>(rows: readonly T[], id: string, key: (row: T) => string, what: string): T {
  const row = rows.find((candidate) => key(candidate) === id);
  if (!row) throw new RangeError(`unknown ${what} ${JSON.stringify(id)}; known: ${rows.map(key).join(", ")}`);
  return row;
}

export const findModel = (data: Dataset, id: string): ModelRow => byId(data.models, id, (row) => row.modelId, "model_id");
export const findHardware = (data: Dataset, id: string): HardwareRow => byId(data.hardware, id, (row) => row.hardwareId, "hardware_id");

/** The workload with this id, or the first (the default) when none is given. */
export function findWorkload(data: Dataset, id?: string): WorkloadRow {
  return id === undefined ? (data.workloads[0] as WorkloadRow) : byId(data.workloads, id, (row) => row.workloadId, "workload_id");
}

export function modelPrices(model: ModelRow) {
  return { inputUsdPerMTok: model.inputUsdPerMtok, outputUsdPerMTok: model.outputUsdPerMtok };
}

/** What one call of the workload costs on a model, USD. */
export function apiUsdPerCall(data: Dataset, modelId: string, workload: WorkloadRow = findWorkload(data)): number {
  return cloudCostPerCall(modelPrices(findModel(data, modelId)), workload);
}

export interface ModelCloudCost extends CloudCost {
  model: ModelRow;
}

/** Daily and monthly cloud cost of every model at the workload (the 59.1 table, for all models in the data). */
export function cloudCostTable(data: Dataset, workload: WorkloadRow = findWorkload(data)): ModelCloudCost[] {
  return data.models.map((model) => ({ model, ...cloudCost(modelPrices(model), workload) }));
}

export function hardwareMonthlyCost(row: HardwareRow, daysPerMonth?: number): LocalMonthlyCost {
  return localMonthlyCost({
    capexUsd: row.capexUsd,
    depreciationMonths: row.depreciationMonths,
    powerKw: row.powerKw,
    electricityUsdPerKwh: row.electricityUsdPerKwh,
    powerUsdPerMonth: row.powerUsdPerMonth,
    opsFte: row.opsFte,
    opsSalaryUsdPerMonth: row.opsSalaryUsdPerMonth,
    opsUsdPerMonth: row.opsUsdPerMonth,
    monthlyFixedUsd: row.costBasis === "stated" ? row.monthlyFixedUsd : undefined,
    daysPerMonth,
  });
}

export interface BreakEvenMatrixOptions {
  /** Default: every hardware row. */
  hardwareIds?: readonly string[];
  /** Default: every model. */
  apiModelIds?: readonly string[];
  workload?: WorkloadRow;
}

/** Break-even calls of each hardware configuration against each API at the workload's tokens per call. */
export function breakEvenTable(data: Dataset, options: BreakEvenMatrixOptions = {}): BreakEvenCell[] {
  const workload = options.workload ?? findWorkload(data);
  const hardware = (options.hardwareIds ?? data.hardware.map((row) => row.hardwareId)).map((id) => findHardware(data, id));
  const apis = options.apiModelIds ?? data.models.map((row) => row.modelId);
  return breakEvenMatrix(
    hardware.map((row) => ({ id: row.hardwareId, monthlyCostUsd: hardwareMonthlyCost(row, workload.daysPerMonth).totalUsd })),
    apis.map((id) => ({ id, usdPerCall: apiUsdPerCall(data, id, workload) })),
    { daysPerMonth: workload.daysPerMonth },
  );
}

/** One break-even of one hardware row against one API, with the local cost itemised. */
export function breakEvenOf(data: Dataset, hardwareId: string, apiModelId: string, workload: WorkloadRow = findWorkload(data)) {
  const local = hardwareMonthlyCost(findHardware(data, hardwareId), workload.daysPerMonth);
  const usdPerCall = apiUsdPerCall(data, apiModelId, workload);
  return { local, apiUsdPerCall: usdPerCall, ...breakEvenVolumes(local.totalUsd, usdPerCall, workload.daysPerMonth) };
}

/** Tier costs from data: a stated usd_per_call, or else the tier model's price at the workload. */
export function tierSpecsFromData(data: Dataset, workload: WorkloadRow = findWorkload(data)): Record<ModelTier, TierSpec> {
  const tiers = {} as Record<ModelTier, TierSpec>;
  for (const row of data.routingTiers) {
    tiers[row.tier] = {
      modelName: row.modelName,
      usdPerCall: row.usdPerCall ?? apiUsdPerCall(data, row.modelId as string, workload),
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

/** The 59.4 router, its config, task distribution and daily volume, all from data (first routing_config row by default). */
export function routerFromData(data: Dataset, configId?: string): RouterSetup {
  const row = configId === undefined ? data.routingConfig[0] : byId(data.routingConfig, configId, (r) => r.configId, "config_id");
  if (!row) throw new RangeError("routing_config has no rows");
  const taskComplexity: Record<string, number> = {};
  for (const type of data.taskTypes) if (type.complexityScore !== undefined) taskComplexity[type.taskType] = type.complexityScore;
  const router = new HybridModelRouter({
    tiers: tierSpecsFromData(data),
    taskComplexity,
    unknownTaskComplexity: row.unknownTaskComplexity,
    assumedToolCalls: row.assumedToolCalls,
    assumedContextTokens: row.assumedContextTokens,
    daysPerMonth: findWorkload(data).daysPerMonth,
  });
  const distribution = Object.fromEntries(data.taskMix.filter((mix) => mix.mixId === row.mixId).map((mix) => [mix.taskType, mix.share]));
  const config: RoutingConfig = {
    complexityThreshold: row.complexityThreshold,
    contextLengthThreshold: row.contextLengthThresholdTokens,
    sensitiveData: row.sensitiveData,
    maxCostPerCall: row.maxUsdPerCall,
  };
  return { router, config, distribution, dailyVolume: row.dailyVolume };
}

export function hybridSavings(data: Dataset, configId?: string): SavingsEstimate {
  const { router, config, distribution, dailyVolume } = routerFromData(data, configId);
  return router.estimateMonthlySavings(distribution, dailyVolume, config);
}

export interface CaseStudy {
  inputs: CaseStudyInputs;
  local: LocalMonthlyCost;
  residency: ResidencyResult<ModelRow & { id: string }>;
  result: CaseStudyResult;
}

/** The 59.5 case study from data (first case_study row by default). */
export function caseStudyFromData(data: Dataset, scenarioId?: string): CaseStudy {
  const row = scenarioId === undefined ? data.caseStudy[0] : byId(data.caseStudy, scenarioId, (r) => r.scenarioId, "scenario_id");
  if (!row) throw new RangeError("case_study has no rows");
  const local = hardwareMonthlyCost(findHardware(data, row.localHardwareId));
  const tier = byId(data.routingTiers, row.cloudTier, (r) => r.tier, "tier");
  const cloudModel = tier.modelId === undefined ? undefined : findModel(data, tier.modelId);
  const inputs: CaseStudyInputs = {
    weekdayCallsPerDay: row.weekdayCallsPerDay,
    weekdayDaysPerMonth: row.weekdayDaysPerMonth,
    weekendCallsPerDay: row.weekendCallsPerDay,
    weekendDaysPerMonth: row.weekendDaysPerMonth,
    budgetUsdPerMonth: row.budgetUsdPerMonth,
    allowedRegions: row.allowedRegions,
    taskMix: data.taskMix.filter((mix) => mix.mixId === row.mixId),
    localMonthlyUsd: local.totalUsd,
    cloud: {
      id: cloudModel?.modelId ?? tier.modelName,
      usdPerCall: tierSpecsFromData(data)[row.cloudTier].usdPerCall,
      dataRegion: tier.location === "local" ? "on_premises" : (cloudModel?.dataRegion ?? "unknown"),
    },
  };
  return {
    inputs,
    local,
    residency: residencyFilter(data.models.map((model) => ({ ...model, id: model.modelId })), row.allowedRegions),
    result: evaluateCaseStudy(inputs),
  };
}

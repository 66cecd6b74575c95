/** The hybrid router of 59.4: score a task's complexity, pick a tier, estimate savings against pure cloud. */
import { DEFAULT_DAYS_PER_MONTH } from "./cloud-cost";

export type ModelTier = "local_small" | "local_large" | "cloud_economy" | "cloud_premium";

/** Tiers from cheapest and least capable to most; routing never skips backwards along this order as complexity grows. */
export const TIER_ORDER: readonly ModelTier[] = ["local_small", "local_large", "cloud_economy", "cloud_premium"];

export interface TierSpec {
  modelName: string;
  /** Cost of one typical call on this tier, USD (0 for local tiers: the hardware is a fixed cost). */
  usdPerCall: number;
  maxContextTokens: number;
}

export interface RouterTask {
  /** Task type, e.g. `code_generation`. Missing means `simple_qa`, as in the chapter. */
  type?: string;
  expectedToolCalls?: number;
  contextTokens?: number;
  containsSensitiveData?: boolean;
}

export interface RoutingConfig {
  /** Complexity at or above which a task goes to the premium cloud tier. Default 0.7. */
  complexityThreshold: number;
  /** Context length, tokens, above which a task goes to the premium cloud tier. Default 32,000. */
  contextLengthThreshold: number;
  /** Treat every task as sensitive (keep it local). Default false. */
  sensitiveData: boolean;
  /** Budget for one call, USD: a cloud tier dearer than this is replaced by the next cheaper one. Default 0.05. */
  maxCostPerCall: number;
}

export const DEFAULT_ROUTING_CONFIG: Readonly<RoutingConfig> = {
  complexityThreshold: 0.7,
  contextLengthThreshold: 32_000,
  sensitiveData: false,
  maxCostPerCall: 0.05,
};

/** The chapter's tiers: Hermes 3 8B and 70B locally, Hermes 4 via Together and Claude 3.5 Sonnet in the cloud. */
export const CHAPTER_TIERS: Readonly<Record<ModelTier, TierSpec>> = {
  local_small: { modelName: "hermes-3-8b", usdPerCall: 0, maxContextTokens: 8_192 },
  local_large: { modelName: "hermes-3-70b", usdPerCall: 0, maxContextTokens: 128_000 },
  cloud_economy: { modelName: "hermes-4", usdPerCall: 0.009, maxContextTokens: 128_000 },
  cloud_premium: { modelName: "claude-3-5-sonnet", usdPerCall: 0.0465, maxContextTokens: 200_000 },
};

/** The chapter's complexity score per task type (0–1). */
export const CHAPTER_TASK_COMPLEXITY: Readonly<Record<string, number>> = {
  simple_qa: 0.1,
  summarization: 0.2,
  code_generation: 0.5,
  code_debugging: 0.6,
  multi_step_research: 0.7,
  system_automation: 0.8,
  complex_analysis: 0.9,
};

export interface RouterOptions {
  /** Cost and limits per tier. Default: the chapter's. */
  tiers?: Readonly<Record<ModelTier, TierSpec>>;
  /** Complexity score per task type. Default: the chapter's. */
  taskComplexity?: Readonly<Record<string, number>>;
  /** Score of a task type missing from taskComplexity. Default 0.3. */
  unknownTaskComplexity?: number;
  /** Tool calls assumed per task when estimating savings. Default 3. */
  assumedToolCalls?: number;
  /** Context tokens assumed per task when estimating savings. Default 8,000. */
  assumedContextTokens?: number;
  /** Default 30. */
  daysPerMonth?: number;
}

export interface TaskTypeEstimate {
  taskType: string;
  /** Share of daily volume, 0–1. */
  share: number;
  complexity: number;
  tier: ModelTier;
  dailyCalls: number;
  /** USD per month on the chosen tier. */
  monthlyUsd: number;
}

export interface SavingsEstimate {
  /** Everything on the premium cloud tier, USD per month. */
  pureCloudMonthly: number;
  /** Each task type on its routed tier, USD per month (local tiers at their per-call cost, 0 by default). */
  hybridMonthly: number;
  monthlySavings: number;
  /** monthlySavings as a percentage of pureCloudMonthly (0 when there is no volume). */
  savingsPercentage: number;
  byTaskType: TaskTypeEstimate[];
}

export class HybridModelRouter {
  readonly tiers: Readonly<Record<ModelTier, TierSpec>>;
  readonly taskComplexity: Readonly<Record<string, number>>;
  private readonly unknownTaskComplexity: number;
  private readonly assumedToolCalls: number;
  private readonly assumedContextTokens: number;
  private readonly daysPerMonth: number;

  constructor(options: RouterOptions = {}) {
    this.tiers = options.tiers ?? CHAPTER_TIERS;
    this.taskComplexity = options.taskComplexity ?? CHAPTER_TASK_COMPLEXITY;
    this.unknownTaskComplexity = options.unknownTaskComplexity ?? 0.3;
    this.assumedToolCalls = options.assumedToolCalls ?? 3;
    this.assumedContextTokens = options.assumedContextTokens ?? 8_000;
    this.daysPerMonth = options.daysPerMonth ?? DEFAULT_DAYS_PER_MONTH;
  }

  /** 0–1: up to 0.3 for tool calls (0.03 each), up to 0.3 for context (0.03 per 10K tokens), plus the task type's score. */
  assessTaskComplexity(task: RouterTask): number {
    let score = Math.min((task.expectedToolCalls ?? 0) / 10, 0.3);
    score += Math.min((task.contextTokens ?? 0) / 100_000, 0.3);
    score += this.taskComplexity[task.type ?? "simple_qa"] ?? this.unknownTaskComplexity;
    return Math.min(score, 1);
  }

  /**
   * The chapter's rules in order: sensitive data stays local; long context goes premium; otherwise by
   * complexity (< 0.3 small local, < 0.6 large local, < threshold economy cloud, else premium).
   * Then the per-call budget: a cloud tier dearer than maxCostPerCall steps down to a cheaper tier.
   */
  route(task: RouterTask, config: RoutingConfig = DEFAULT_ROUTING_CONFIG): ModelTier {
    const complexity = this.assessTaskComplexity(task);
    if (task.containsSensitiveData || config.sensitiveData) return complexity > 0.5 ? "local_large" : "local_small";
    let tier: ModelTier;
    if ((task.contextTokens ?? 0) > config.contextLengthThreshold) tier = "cloud_premium";
    else if (complexity < 0.3) tier = "local_small";
    else if (complexity < 0.6) tier = "local_large";
    else if (complexity < config.complexityThreshold) tier = "cloud_economy";
    else tier = "cloud_premium";
    return this.withinBudget(tier, config.maxCostPerCall);
  }

  private withinBudget(tier: ModelTier, maxCostPerCall: number): ModelTier {
    let index = TIER_ORDER.indexOf(tier);
    while (index > 1 && this.tiers[TIER_ORDER[index] as ModelTier].usdPerCall > maxCostPerCall) index -= 1;
    return TIER_ORDER[index] as ModelTier;
  }

  /**
   * Monthly cost of routing a task mix against sending everything to the premium tier. Each task type is
   * routed as one typical task (assumedToolCalls, assumedContextTokens), as the chapter does.
   */
  estimateMonthlySavings(
    distribution: Readonly<Record<string, number>>,
    dailyVolume: number,
    config: RoutingConfig = DEFAULT_ROUTING_CONFIG,
  ): SavingsEstimate {
    const pureCloudDaily = dailyVolume * this.tiers.cloud_premium.usdPerCall;
    let hybridDaily = 0;
    const byTaskType: TaskTypeEstimate[] = [];
    for (const [taskType, share] of Object.entries(distribution)) {
      const task: RouterTask = { type: taskType, expectedToolCalls: this.assumedToolCalls, contextTokens: this.assumedContextTokens };
      const tier = this.route(task, config);
      const dailyCalls = dailyVolume * share;
      const dailyUsd = dailyCalls * this.tiers[tier].usdPerCall;
      hybridDaily += dailyUsd;
      byTaskType.push({
        taskType,
        share,
        complexity: this.assessTaskComplexity(task),
        tier,
        dailyCalls,
        monthlyUsd: dailyUsd * this.daysPerMonth,
      });
    }
    const pureCloudMonthly = pureCloudDaily * this.daysPerMonth;
    const monthlySavings = (pureCloudDaily - hybridDaily) * this.daysPerMonth;
    return {
      pureCloudMonthly,
      hybridMonthly: hybridDaily * this.daysPerMonth,
      monthlySavings,
      savingsPercentage: pureCloudMonthly > 0 ? (monthlySavings / pureCloudMonthly) * 100 : 0,
      byTaskType,
    };
  }
}

export interface SavingsAfterHardware {
  /** Routed cost plus the local hardware, USD per month. */
  hybridMonthly: number;
  monthlySavings: number;
  /** Percent of pure cloud; negative when hybrid costs more. */
  savingsPercentage: number;
}

/**
 * The savings once the hardware that serves the local tiers is paid for. The chapter prices local calls at
 * zero; this adds the hardware's monthly cost to the hybrid bill, whenever any calls are routed locally.
 */
export function savingsAfterHardware(estimate: SavingsEstimate, localMonthlyUsd: number): SavingsAfterHardware {
  const usesLocal = estimate.byTaskType.some((row) => row.tier.startsWith("local_") && row.dailyCalls > 0);
  const hybridMonthly = estimate.hybridMonthly + (usesLocal ? localMonthlyUsd : 0);
  const monthlySavings = estimate.pureCloudMonthly - hybridMonthly;
  return {
    hybridMonthly,
    monthlySavings,
    savingsPercentage: estimate.pureCloudMonthly > 0 ? (monthlySavings / estimate.pureCloudMonthly) * 100 : 0,
  };
}

/** The tiers as a reader names them: `local_small` is the data's key, "small local model" the page's word. */
export const TIER_NAMES: Readonly<Record<ModelTier, string>> = {
  local_small: "small local model",
  local_large: "large local model",
  cloud_economy: "economy cloud model",
  cloud_premium: "premium cloud model",
};

/** "small local model" for `local_small`. */
export const tierName = (tier: ModelTier): string => TIER_NAMES[tier];

/** "simple Q&A" for `simple_qa`, "multi-step research" for `multi_step_research`: a task type id's words, as written. */
export function taskTypeName(taskType: string): string {
  return taskType
    .split("_")
    .map((word) => (word === "qa" ? "Q&A" : word))
    .join(" ")
    .replace(/^multi step /, "multi-step ");
}

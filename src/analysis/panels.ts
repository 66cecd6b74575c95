/** Every what-if panel a notebook puts in its page, built from a dataset: the inputs it offers and their defaults. */
import { colorOf } from "../charts";
import type { Dataset } from "../data";
import { InputError } from "../errors";
import { callsPerHourPerMachine, DEFAULT_TARGET_UTILISATION, localMonthlyCost, taskTypeName, type SensitivityInput } from "../model";
import {
  EVEN_HOURS_ID,
  shareKey,
  type AuditPanelInputs,
  type AuditPanelSpec,
  type BreakEvenPanelInputs,
  type ClosingQuestionsPanelInputs,
  type ClosingQuestionsPanelSpec,
  type DecisionPanelInputs,
  type DecisionPanelSpec,
  type BreakEvenPanelSpec,
  type CapacityPanelInputs,
  type CapacityPanelSpec,
  type CaseStudyPanelSpec,
  type HybridRoutingPanelInputs,
  type HybridRoutingPanelSpec,
  type MonthlyCostPanelInputs,
  type MonthlyCostPanelSpec,
  type RentalPanelInputs,
  type RentalPanelSpec,
  type ResidencyRule,
  type TornadoPanelSpec,
} from "../panels";
import { caseStudyCapacity, measuredLabel, trafficProfile } from "./capacity";
import { caseStudyFromData, caseStudyRow, residencyRuleName } from "./case-study";
import { apiUsdPerCall } from "./cost";
import { dataFileName, hardwareColors, modelColors, provenance } from "./figure-context";
import { fitLabel, vramConfigurations, vramPanelModels } from "./vram";
import { failoverInputs } from "./failover";
import { successRate } from "./ab-test";
import type { DatedCurrency } from "./currency";
import { decisionAtAnyVolume } from "./decide";
import { decisionProvenance, pageDecideOptions, type DecisionPageOptions } from "./decision-page";
import { qualityMatchText, scoreText } from "./quality";
import { BREAK_EVEN_WORDS } from "../i18n/break-even";
import { COST_WORDS } from "../i18n/cost";
import { DECISION_WORDS } from "../i18n/decision";
import { RENTAL_WORDS } from "../i18n/rental";
import { AUDIT_WORDS } from "../i18n/audit";
import { SENSITIVITY_WORDS } from "../i18n/sensitivity";
import { CASE_STUDY_WORDS } from "../i18n/case-study";
import { HYBRID_ROUTING_WORDS, taskTypeZh } from "../i18n/hybrid-routing";
import { CAPACITY_WORDS } from "../i18n/capacity";
import { CLOSING_QUESTIONS_WORDS } from "../i18n/closing-questions";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import { checkPublishedFigures } from "./audit";
import { figureEffect } from "./audit-materiality";
import { findHardware, findModel, findWorkload } from "./lookup";
import { rentalSetup } from "./rental";
import { ROUTING_FILES, routerInputs, routingLocalServer } from "./hybrid-routing";
import { uncertaintyRanges } from "./sensitivity";
import {
  billingSharesOf,
  breakEvenInputsOf,
  callOf,
  fleetCostOf,
  hardwareMonthlyCost,
  localCostOptionsOf,
  modelPriceSheet,
  workloadCalendar,
} from "./model-inputs";
import { headlineVolume } from "./workload";

export interface BreakEvenPanelOptions {
  title?: string;
  /** APIs offered, by model_id. Default: every model. */
  apiModelIds?: readonly string[];
  /** Default inputs; hardware defaults to the first itemised configuration. */
  defaults?: Partial<BreakEvenPanelInputs>;
  /** The language the panel writes in; default English. */
  lang?: Lang;
}

/** The electricity price the panel starts from where its first configuration states none, USD per kWh (the chapter's). */
const DEFAULT_ELECTRICITY_USD_PER_KWH = 0.1;

/** The break-even what-if panel for the HTML report, from a dataset: every API, and every hardware row. */
export function breakEvenPanelSpec(data: Dataset, options: BreakEvenPanelOptions = {}): BreakEvenPanelSpec {
  const lang = options.lang ?? DEFAULT_LANG;
  const words = BREAK_EVEN_WORDS[lang];
  const workload = findWorkload(data);
  const models = modelColors(data);
  const machines = hardwareColors(data);
  const apis = (options.apiModelIds ?? data.models.map((model) => model.modelId)).map((id) => {
    const model = data.models.find((candidate) => candidate.modelId === id);
    if (!model) throw new InputError(`unknown model_id ${JSON.stringify(id)}`);
    return {
      id,
      name: model.modelName,
      ...modelPriceSheet(data, model),
      reasoningTokensPerCall: callOf(model, workload).reasoningTokensPerCall,
      color: colorOf(models, id),
    };
  });
  const targetUtilisation = DEFAULT_TARGET_UTILISATION;
  // A configuration's fastest measured way of serving sizes the servers a volume needs.
  const fastest = (hardwareId: string) =>
    data.throughput
      .filter((row) => row.hardwareId === hardwareId)
      .map((row) => ({ row, perHour: callsPerHourPerMachine(workload, row, { targetUtilisation }) }))
      .sort((a, b) => b.perHour - a.perHour)[0]?.row;
  // Every configuration Figure 59.3b shows, named as it names them, each with its own cost inputs.
  const hardware = data.hardware.map((row) => {
    const inForce = localCostOptionsOf(row, workload.daysPerMonth);
    const measured = fastest(row.hardwareId);
    return {
      id: row.hardwareId,
      name: fitLabel(data, row.hardwareId, undefined, lang),
      capexUsd: inForce.capexUsd,
      depreciationMonths: inForce.depreciationMonths,
      powerKw: inForce.powerKw,
      powerUsdPerMonth: inForce.powerUsdPerMonth,
      // The row's own price, loaded when it is chosen, even where its stated bill leaves it unused.
      electricityUsdPerKwh: row.electricityUsdPerKwh,
      opsUsdPerMonth: localMonthlyCost(inForce).opsUsd ?? 0,
      monthlyFixedUsd: inForce.monthlyFixedUsd,
      opsSharePerAddedServer: row.opsSharePerAddedServer ?? 0,
      throughput: measured && {
        serving: measured.serving,
        outputTokensPerSecond: measured.outputTokensPerSecond,
        promptTokensPerSecond: measured.promptTokensPerSecond,
        basis: words.servedBasis(measured.serving === "batched", Math.round(targetUtilisation * 100)),
      },
      color: colorOf(machines, row.hardwareId),
    };
  });
  const firstHardware =
    hardware.find((row) => row.id === options.defaults?.hardwareId) ?? hardware.find((row) => row.capexUsd !== undefined) ?? hardware[0];
  return {
    kind: "break-even",
    title: options.title ?? words.panelTitle,
    daysPerMonth: workload.daysPerMonth,
    apis,
    hardware,
    billingShares: billingSharesOf(workload),
    // The workload's own day: its weekday's shape where it has one, else calls spread over 24 hours.
    peakHourShare: trafficProfile(data, workload.weekdayProfileId).peakHourShare,
    targetUtilisation,
    throughputFile: dataFileName(data, "throughput.csv"),
    provenance: provenance(data, ["models.csv", "hardware.csv", "workloads.csv", "throughput.csv"]),
    defaults: {
      // Whole calls, as the field takes them: a weekday/weekend workload's average day is a fraction.
      callsPerDay: Math.round(workload.callsPerDay),
      inputTokensPerCall: workload.inputTokensPerCall,
      outputTokensPerCall: workload.outputTokensPerCall,
      apiId: apis[0]?.id ?? "",
      hardwareId: firstHardware?.id ?? "",
      electricityUsdPerKwh: firstHardware?.electricityUsdPerKwh ?? DEFAULT_ELECTRICITY_USD_PER_KWH,
      opsUsdPerMonth: firstHardware?.opsUsdPerMonth ?? 0,
      // Your own server starts as the first configuration's itemised price, write-off and power bill.
      capexUsd: firstHardware?.capexUsd ?? 0,
      depreciationMonths: firstHardware?.depreciationMonths ?? 36,
      powerUsdPerMonth: firstHardware ? panelPowerUsd(firstHardware, workload.daysPerMonth) : 0,
      ...options.defaults,
    },
    // English specs stay as they were: only another language is written into the page.
    ...(lang === DEFAULT_LANG ? {} : { lang }),
  };
}

/** A configuration's power bill a month at its own electricity price: your own server's starting bill. */
function panelPowerUsd(
  machine: { powerKw?: number; powerUsdPerMonth?: number; electricityUsdPerKwh?: number },
  daysPerMonth: number,
): number {
  if (machine.powerKw === undefined && machine.powerUsdPerMonth === undefined) return 0;
  const cost = localMonthlyCost({
    capexUsd: 0,
    depreciationMonths: 1,
    powerKw: machine.powerKw,
    powerUsdPerMonth: machine.powerUsdPerMonth,
    electricityUsdPerKwh: machine.electricityUsdPerKwh ?? DEFAULT_ELECTRICITY_USD_PER_KWH,
    opsUsdPerMonth: 0,
    daysPerMonth,
  });
  // Whole cents, as the field takes them.
  return cost.basis === "itemised" ? Math.round(cost.powerUsd * 100) / 100 : 0;
}

/** The 59.7 what-if panel for the HTML report: the case study's server, volumes and cost, every traffic profile. */
export function capacityPanelSpec(
  data: Dataset,
  options: {
    scenarioId?: string;
    targetUtilisation?: number;
    title?: string;
    /** The figure shows at least this many calls a day. Default 10,000. */
    maxCallsPerDay?: number;
    defaults?: Partial<CapacityPanelInputs>;
    lang?: Lang;
  } = {},
): CapacityPanelSpec {
  const lang = options.lang ?? DEFAULT_LANG;
  const study = caseStudyCapacity(data, { scenarioId: options.scenarioId, targetUtilisation: options.targetUtilisation });
  const inputs = study.inputs;
  const workload = findWorkload(data);
  const profileIds = [...new Set(data.trafficProfiles.map((row) => row.profileId))];
  const cloudModel = data.models.find((model) => model.modelId === inputs.cloud.id);
  return {
    kind: "capacity",
    title: options.title ?? CAPACITY_WORDS[lang].panelTitle,
    serverName: study.capacity.hardware.name,
    daysPerMonth: workload.daysPerMonth,
    inputTokensPerCall: workload.inputTokensPerCall,
    outputTokensPerCall: workload.outputTokensPerCall,
    fleet: fleetCostOf(study.capacity.hardware, workload.daysPerMonth),
    caseStudy: inputs,
    cloud: { name: cloudModel?.modelName ?? inputs.cloud.id, color: colorOf(modelColors(data), inputs.cloud.id) },
    profiles: profileIds.map((id) => ({ id, peakHourShare: trafficProfile(data, id).peakHourShare })),
    measured: {
      serving: study.capacity.throughput.serving,
      outputTokensPerSecond: study.capacity.throughput.outputTokensPerSecond,
      promptTokensPerSecond: study.capacity.throughput.promptTokensPerSecond,
      label: measuredLabel(study.capacity.throughput, lang),
    },
    minShownCallsPerDay: options.maxCallsPerDay ?? 10_000,
    defaults: {
      weekdayCallsPerDay: inputs.weekdayCallsPerDay,
      serving: study.capacity.throughput.serving,
      outputTokensPerSecond: study.capacity.throughput.outputTokensPerSecond,
      promptTokensPerSecond: study.capacity.throughput.promptTokensPerSecond,
      targetUtilisationPercent: Math.round((options.targetUtilisation ?? 0.7) * 100),
      profileId: study.profile.profileId,
      ...options.defaults,
    },
    provenance: provenance(data, ["throughput.csv", "traffic_profiles.csv", "case_study.csv", "hardware.csv"]),
    // English specs stay as they were: only another language is written into the page.
    ...(lang === DEFAULT_LANG ? {} : { lang }),
  };
}

/** The 59.8 what-if panel: every itemised server against every API, at the default workload. */
export function tornadoPanelSpec(
  data: Dataset,
  options: {
    hardwareId: string;
    apiModelId: string;
    swing: number;
    title?: string;
    /** The Monte Carlo's draws (default 2,000) and seed (default 59), as the notebook's. */
    samples?: number;
    seed?: number;
    lang?: Lang;
  },
): TornadoPanelSpec {
  const workload = findWorkload(data);
  const lang = options.lang ?? DEFAULT_LANG;
  const itemised = data.hardware.filter(
    (row) => row.costBasis === "itemised" && row.capexUsd !== undefined && row.depreciationMonths !== undefined,
  );
  return {
    kind: "tornado",
    title: options.title ?? SENSITIVITY_WORDS[lang].panelTitle,
    inputTokensPerCall: workload.inputTokensPerCall,
    outputTokensPerCall: workload.outputTokensPerCall,
    daysPerMonth: workload.daysPerMonth,
    apis: data.models.map((model) => ({
      id: model.modelId,
      name: model.modelName,
      ...modelPriceSheet(data, model),
      reasoningTokensPerCall: callOf(model, workload).reasoningTokensPerCall,
    })),
    hardware: itemised.map((row) => {
      const { inputUsdPerMTok, outputUsdPerMTok, inputTokensPerCall, outputTokensPerCall, daysPerMonth, billing, ...server } =
        breakEvenInputsOf(data, row.hardwareId, options.apiModelId, workload);
      return { id: row.hardwareId, name: row.name.replace(/ \(.*\)$/, ""), ...server };
    }),
    billingShares: billingSharesOf(workload),
    variedInputs: Object.keys(uncertaintyRanges(data)) as SensitivityInput[],
    ranges: uncertaintyRanges(data),
    samples: options.samples ?? 2000,
    seed: options.seed ?? 59,
    defaults: { hardwareId: options.hardwareId, apiId: options.apiModelId, swingPercent: Math.round(options.swing * 100) },
    provenance: provenance(data, ["models.csv", "hardware.csv", "workloads.csv"]),
    // English specs stay as they were: only another language is written into the page.
    ...(lang === DEFAULT_LANG ? {} : { lang }),
  };
}

/** The 59.10 what-if panel: every rental offer (with its configuration bought for comparison) against each API. */
export function rentalPanelSpec(
  data: Dataset,
  options: {
    apiModelIds: readonly string[];
    defaults: Pick<RentalPanelInputs, "rentalId" | "apiId"> & Partial<RentalPanelInputs>;
    title?: string;
    /** The figure shows at least this many calls a day. Default 10,000. */
    maxCallsPerDay?: number;
    /** The language the panel writes in; default English. */
    lang?: Lang;
  },
): RentalPanelSpec {
  const lang = options.lang ?? DEFAULT_LANG;
  const workload = findWorkload(data);
  const models = modelColors(data);
  const configurations = data.gpuRentals.map((row) => {
    const setup = rentalSetup(data, row.rentalId, { workload });
    return {
      id: row.rentalId,
      name: fitLabel(
        data,
        row.hardwareId,
        lang === "en"
          ? `${setup.hardware.name.replace(/ \(.*\)$/, "")} (${row.provider})`
          : `${setup.hardware.name.replace(/ \(.*\)$/, "")}（${row.provider}）`,
        lang,
      ),
      provider: row.provider,
      gpuCount: setup.offer.gpuCount,
      usdPerGpuHour: row.usdPerGpuHour,
      billingIncrementHours: setup.offer.billingIncrementHours,
      minimumHours: setup.offer.minimumHours,
      callsPerHourAtFullRate: setup.callsPerHourAtFullRate,
      buyPerServerUsdPerMonth: setup.buy.perMachineUsdPerMonth,
      buySharedUsdPerMonth: setup.buy.sharedUsdPerMonth,
      rentOps: setup.rentOps,
    };
  });
  const chosen = configurations.find((configuration) => configuration.id === options.defaults.rentalId);
  if (!chosen) throw new InputError(`unknown rental_id ${JSON.stringify(options.defaults.rentalId)}`);
  return {
    kind: "rental",
    title: options.title ?? RENTAL_WORDS[lang].panelTitle,
    daysPerMonth: workload.daysPerMonth,
    configurations,
    apis: options.apiModelIds.map((id) => ({
      id,
      name: findModel(data, id).modelName,
      usdPerCall: apiUsdPerCall(data, id, workload),
      color: colorOf(models, id),
    })),
    profiles: [...new Set(data.trafficProfiles.map((row) => row.profileId))].map((id) => {
      const profile = trafficProfile(data, id);
      return { id, relativeLoadByHour: profile.relativeLoadByHour, peakHourShare: profile.peakHourShare };
    }),
    minShownCallsPerDay: options.maxCallsPerDay ?? 10_000,
    defaults: {
      usdPerGpuHour: chosen.usdPerGpuHour,
      profileId: EVEN_HOURS_ID,
      hoursPerDay: 24,
      utilisationPercent: Math.round(DEFAULT_TARGET_UTILISATION * 100),
      callsPerDay: Math.round(workload.callsPerDay),
      ...options.defaults,
    },
    provenance: provenance(data, ["gpu_rentals.csv", "hardware.csv", "throughput.csv", "models.csv", "traffic_profiles.csv"]),
    // English specs stay as they were: only another language is written into the page.
    ...(lang === DEFAULT_LANG ? {} : { lang }),
  };
}

/** The 59.1 what-if panel: every model's month at the reader's volume and call size, beside one local server's cost. */
export function monthlyCostPanelSpec(
  data: Dataset,
  options: { localHardwareId: string; title?: string; defaults?: Partial<MonthlyCostPanelInputs>; lang?: Lang },
): MonthlyCostPanelSpec {
  const lang = options.lang ?? DEFAULT_LANG;
  const words = COST_WORDS[lang];
  const workload = findWorkload(data);
  const colors = modelColors(data);
  const hardware = findHardware(data, options.localHardwareId);
  return {
    kind: "monthly-cost",
    title: options.title ?? words.panelTitle,
    models: data.models.map((model) => ({
      id: model.modelId,
      name: model.modelName,
      color: colorOf(colors, model.modelId),
      sheet: modelPriceSheet(data, model),
      reasoningTokensPerCall: callOf(model, workload).reasoningTokensPerCall ?? 0,
    })),
    calendar: workloadCalendar(data, workload),
    calendarCallsPerDay: headlineVolume(workload).callsPerDay,
    volumeUnit: headlineVolume(workload).unit,
    billingShares: billingSharesOf(workload),
    local: {
      name: words.localServer(hardware.name.replace(/ \(.*\)$/, "")),
      usdPerMonth: hardwareMonthlyCost(hardware, workload.daysPerMonth).totalUsd,
    },
    defaults: {
      callsPerDay: Math.round(headlineVolume(workload).callsPerDay),
      inputTokensPerCall: workload.inputTokensPerCall,
      outputTokensPerCall: workload.outputTokensPerCall,
      ...options.defaults,
    },
    provenance: provenance(data, ["models.csv", "workloads.csv", "hardware.csv"]),
    // Only a page in another language says so: an English spec stays as it was.
    ...(lang === "en" ? {} : { lang }),
  };
}

/** The 59.4 what-if's inputs as a notebook writes them: a task mix in percent of the day's calls, a volume and a threshold. */
export interface HybridRoutingPanelDefaults {
  /** Percent of the day's calls by task type; a type left out gets 0%. Default: the data's own mix. */
  taskMixPercent?: Readonly<Record<string, number>>;
  dailyVolume?: number;
  complexityThreshold?: number;
}

/** The 59.4 what-if panel: the data's router, every scored task type, and the server behind the local tiers. */
export function hybridRoutingPanelSpec(
  data: Dataset,
  options: { configId?: string; title?: string; defaults?: HybridRoutingPanelDefaults; lang?: Lang } = {},
): HybridRoutingPanelSpec {
  const lang = options.lang ?? DEFAULT_LANG;
  const setup = routerInputs(data, options.configId);
  const router = setup.options;
  const { complexityThreshold, ...config } = setup.config;
  const mixPercent =
    options.defaults?.taskMixPercent ?? Object.fromEntries(Object.entries(setup.distribution).map(([type, share]) => [type, share * 100]));
  // Every type the router scores, and any other the mix names (it scores as the router's unknown type).
  const ids = [
    ...data.taskTypes.filter((type) => type.complexityScore !== undefined || type.taskType in mixPercent).map((type) => type.taskType),
    ...Object.keys(mixPercent).filter((id) => !data.taskTypes.some((type) => type.taskType === id)),
  ];
  // A Chinese page names the data's task types in Chinese; English keeps the data's own labels.
  const taskTypes = ids.map((id) => ({
    id,
    name: lang === DEFAULT_LANG ? (data.taskTypes.find((type) => type.taskType === id)?.label ?? taskTypeName(id)) : taskTypeZh(id),
  }));
  const local = routingLocalServer(data, options.configId);
  const defaults: HybridRoutingPanelInputs = {
    dailyVolume: options.defaults?.dailyVolume ?? setup.dailyVolume,
    complexityThreshold: options.defaults?.complexityThreshold ?? complexityThreshold,
  };
  // Shares in tenths of a percent, as the fields take them (a share from data in fractions can carry float noise).
  for (const { id } of taskTypes) defaults[shareKey(id)] = Math.round((mixPercent[id] ?? 0) * 10) / 10;
  return {
    kind: "hybrid-routing",
    title: options.title ?? HYBRID_ROUTING_WORDS[lang].panelTitle,
    router,
    config,
    taskTypes,
    local: { name: local.hardware.name, monthlyUsd: local.monthlyUsd },
    defaults,
    provenance: provenance(data, ROUTING_FILES),
    // English specs stay as they were: only another language is written into the page.
    ...(lang === DEFAULT_LANG ? {} : { lang }),
  };
}

/** The 59.5 what-if's inputs as a notebook writes them. */
export interface CaseStudyPanelDefaults {
  weekdayCallsPerDay?: number;
  /** The cloud option's price per call, in the data's currency. Default: the cloud tier's price from the data. */
  cloudUsdPerCall?: number;
  /** Where sensitive data may be processed. Default: the scenario's rule. */
  allowedRegions?: readonly string[];
}

/**
 * The residency rules the reader can pick, strictest first: on-premises only, the scenario's own rule, that rule
 * with the cloud option's region added, and any region; plus the notebook's rule where it is none of these.
 */
function residencyRules(
  data: Dataset,
  scenarioRegions: readonly string[],
  cloudRegion: string,
  chosen?: readonly string[],
  lang: Lang = DEFAULT_LANG,
): ResidencyRule[] {
  const anyRegion = [...new Set([...data.models.map((model) => model.dataRegion), cloudRegion]), "on_premises"];
  // A provider that states no region is allowed only where any region is.
  const withCloud = cloudRegion === "unknown" ? [] : [[...scenarioRegions, cloudRegion]];
  const candidates = [["on_premises"], [...scenarioRegions], ...withCloud, anyRegion, ...(chosen ? [[...chosen]] : [])];
  const rules: ResidencyRule[] = [];
  for (const regions of candidates) {
    const set = [...new Set(regions.map((region) => region.toLowerCase()))].sort();
    const id = set.join("+");
    if (rules.some((rule) => rule.id === id)) continue;
    const isAny = anyRegion.every((region) => set.includes(region.toLowerCase()));
    const scenario = regions === candidates[1];
    const name = isAny ? CASE_STUDY_WORDS[lang].anyRegion : residencyRuleName(regions, lang);
    rules.push({ id, name, regions: [...new Set(regions)], scenario });
  }
  return rules;
}

/** The 59.5 what-if panel: the scenario, its server as a fleet, and the residency rules that make sense for its data. */
export function caseStudyPanelSpec(
  data: Dataset,
  options: { scenarioId?: string; title?: string; defaults?: CaseStudyPanelDefaults; lang?: Lang } = {},
): CaseStudyPanelSpec {
  const lang = options.lang ?? DEFAULT_LANG;
  const study = caseStudyFromData(data, options.scenarioId);
  const capacity = caseStudyCapacity(data, { scenarioId: options.scenarioId });
  const scenario = caseStudyRow(data, options.scenarioId);
  const caseStudy: CaseStudyPanelSpec["caseStudy"] = study.inputs;
  const rules = residencyRules(data, scenario.allowedRegions, caseStudy.cloud.dataRegion, options.defaults?.allowedRegions, lang);
  const chosen = (options.defaults?.allowedRegions ?? scenario.allowedRegions).map((region) => region.toLowerCase());
  const chosenId = [...new Set(chosen)].sort().join("+");
  return {
    kind: "case-study",
    title: options.title ?? CASE_STUDY_WORDS[lang].panelTitle,
    caseStudy,
    fleet: { ...capacity.capacity.fleetCost, callsPerDayPerMachine: capacity.capacity.callsPerDayPerMachine },
    serverName: capacity.capacity.hardware.name.replace(/ \(.*\)$/, ""),
    profileName: capacity.profile.profileId,
    residencyRules: rules,
    defaults: {
      weekdayCallsPerDay: options.defaults?.weekdayCallsPerDay ?? caseStudy.weekdayCallsPerDay,
      // Millionths of a currency unit, as the field takes them.
      cloudUsdPerCall: Math.round((options.defaults?.cloudUsdPerCall ?? caseStudy.cloud.usdPerCall) * 1e6) / 1e6,
      residencyRuleId: chosenId,
    },
    provenance: provenance(data, [
      "case_study.csv",
      "task_mix.csv",
      "hardware.csv",
      "routing_tiers.csv",
      "models.csv",
      "throughput.csv",
      "traffic_profiles.csv",
    ]),
    // English specs stay as they were: only another language is written into the page.
    ...(lang === DEFAULT_LANG ? {} : { lang }),
  };
}

export interface ClosingQuestionsPanelOptions {
  /** The model the summary sizes (model_architectures.csv): the one the case study's server stands in for. */
  vramModelId: string;
  /** Runtime memory each GPU holds, GiB. */
  overheadGibPerGpu: number;
  failoverScenarioId?: string;
  abBaselineModelId: string;
  abCandidateModelId: string;
  abBenchmark: string;
  abCallsPerDay: number;
  /** The share of calls in the test (0–1) and the calls a task takes that the notebook's A/B test states. */
  abTestShare: number;
  abCallsPerTask: number;
  defaults: ClosingQuestionsPanelInputs;
  title?: string;
  lang?: Lang;
}

/** The 59.9 what-if panel: the four closing questions at the reader's context, downtime, test share and task length. */
export function closingQuestionsPanelSpec(data: Dataset, options: ClosingQuestionsPanelOptions): ClosingQuestionsPanelSpec {
  const { row, hardware, options: scenario } = failoverInputs(data, options.failoverScenarioId);
  const { localDowntimeHoursPerMonth, hoursPerMonth, ...fixed } = scenario;
  const lang = options.lang ?? DEFAULT_LANG;
  return {
    kind: "closing-questions",
    title: options.title ?? CLOSING_QUESTIONS_WORDS[lang].panelTitle,
    vram: {
      models: vramPanelModels(data, lang),
      configurations: vramConfigurations(data).map(({ label, gpuCount, totalVramGib, color }) => ({
        label,
        gpuCount,
        totalVramGib,
        color,
      })),
      focusModelId: options.vramModelId,
      overheadGibPerGpu: options.overheadGibPerGpu,
      provenance: provenance(data, ["model_architectures.csv", "quantisation.csv", "hardware.csv", "workloads.csv"]),
    },
    failover: {
      ...fixed,
      hoursPerMonth: hoursPerMonth as number,
      serverName: hardware.name,
      cloudName: findModel(data, row.cloudModelId).modelName,
      dataDowntimeHoursPerMonth: localDowntimeHoursPerMonth,
    },
    abTest: {
      baselineModel: findModel(data, options.abBaselineModelId).modelName,
      candidateModel: findModel(data, options.abCandidateModelId).modelName,
      benchmark: options.abBenchmark,
      baselineRate: successRate(data, options.abBaselineModelId, options.abBenchmark),
      candidateRate: successRate(data, options.abCandidateModelId, options.abBenchmark),
      callsPerDay: options.abCallsPerDay,
      testSharePercent: options.abTestShare * 100,
      callsPerTask: options.abCallsPerTask,
    },
    defaults: options.defaults,
    // English specs stay as they were: only another language is written into the page.
    ...(lang === DEFAULT_LANG ? {} : { lang }),
  };
}

/**
 * The decision page's what-if panel: every option `pageDecision` prices, with its cost as plain data, so the page
 * re-prices them and re-sizes the servers at the reader's volume (in the workload's own unit) as the notebook does.
 */
export function decisionPanelSpec(
  data: Dataset,
  options: DecisionPageOptions & { currency: DatedCurrency; title?: string; defaults?: Partial<DecisionPanelInputs>; lang?: Lang },
): DecisionPanelSpec {
  const decision = decisionAtAnyVolume(data, { ...pageDecideOptions(data, options), samples: 0 });
  const lang = options.lang ?? DEFAULT_LANG;
  return {
    kind: "decision",
    title: options.title ?? DECISION_WORDS[lang].panelTitle,
    workloadId: decision.workload.workloadId,
    calendar: decision.calendar,
    calendarCallsPerDay: decision.volume.callsPerDay,
    unit: decision.volume.unit,
    options: decision.options.map(({ option, cost, serverCallsPerHour }) => ({
      id: option.id,
      kind: option.kind,
      label: option.label,
      modelName: option.modelName,
      compliance: option.compliance,
      servesCountry: option.servesCountry,
      qualityText: qualityMatchText(option.qualityVsToday, lang),
      qualityKind: option.qualityVsToday.kind,
      latency: option.latency,
      eligible: option.eligible,
      passesRules: option.passesRules,
      cost,
      serverCallsPerHour,
    })),
    currentId: decision.currentSpec.id,
    todayScore: decision.todayQuality.score === undefined ? undefined : scoreText(decision.todayQuality, lang),
    ruled: decision.allowedRegions !== undefined,
    country: decision.country,
    moneyShownIn: { code: options.currency.code, perUsd: options.currency.perUsd },
    defaults: { callsPerDay: Math.round(decision.volume.callsPerDay), ...options.defaults },
    provenance: decisionProvenance(data),
    // English specs stay as they were: only another language is written into the page.
    ...(lang === DEFAULT_LANG ? {} : { lang }),
  };
}

/** A number a spec can carry as JSON: a break-even of "never" (Infinity) would arrive in the page as null. */
const finite = (value: number | undefined) => (value !== undefined && Number.isFinite(value) ? value : undefined);

/** The 59.6 what-if panel: every printed figure with what the formulas give for it, to check at a looser rounding. */
export function auditPanelSpec(
  data: Dataset,
  options: { title?: string; defaults?: Partial<AuditPanelInputs>; lang?: Lang } = {},
): AuditPanelSpec {
  const lang = options.lang ?? DEFAULT_LANG;
  return {
    kind: "audit",
    title: options.title ?? AUDIT_WORDS[lang].panelTitle,
    figuresFile: dataFileName(data, "published_figures.csv"),
    figures: checkPublishedFigures(data).map((check) => ({
      label: check.figure.label,
      section: check.figure.section,
      value: check.figure.value,
      valueHigh: check.figure.valueHigh,
      precision: check.figure.precision,
      recomputed: finite(check.recomputed),
      recomputedAtChapterInputs: finite(check.recomputedAtChapterInputs),
      usdPerMonth: finite(figureEffect(data, check).usdPerMonth),
    })),
    defaults: { roundingSteps: 1, ...options.defaults },
    provenance: provenance(data, ["published_figures.csv"]),
    // English specs stay as they were: only another language is written into the page.
    ...(lang === DEFAULT_LANG ? {} : { lang }),
  };
}

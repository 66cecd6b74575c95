import type { Dataset } from "../data";
import {
  capacityCostChart,
  failoverChart,
  HARDWARE_PALETTE,
  machinesNeededChart,
  MODEL_PALETTE,
  opsSweepChart,
  sampleSizeChart,
  savingBandChart,
  tornadoChart,
  vramChart,
  type CapacityPanelSpec,
  type TornadoPanelSpec,
  type Figure,
} from "../charts";
import { savingBand } from "../model";
import { findModel, findWorkload } from "./analysis";
import { caseStudyCapacity, fleetCostOf, machineCapacity, trafficProfile } from "./capacity";
import { failoverFromData, gpuConfigurations, modelSwitchTest, opsSweepFromData, quantisationLevels, sampleSizeCurve, vramTable } from "./closing-questions";
import { modelColors, provenance } from "./presentation";
import { breakEvenInputsOf, type BreakEvenUncertainty } from "./uncertainty";

/** The figures of 59.7–59.9 from a data folder, so notebooks and tests draw the same thing. */

const PROFILE_COLORS = ["#117733", "#882255", "#0072B2", "#E69F00"];

/** A profile's legend label: its id and the share of the day its busiest hour carries. */
function profileLabel(data: Dataset, profileId: string): string {
  return `${profileId} (busiest hour ${(trafficProfile(data, profileId).peakHourShare * 100).toFixed(1)}% of the day)`;
}

export interface CapacityFigureOptions {
  scenarioId?: string;
  profileIds?: readonly string[];
  targetUtilisation?: number;
  maxCallsPerDay?: number;
}

/** Figures 59.7a and 59.7b for the case study's server: servers needed and monthly cost by profile. */
export function capacityFigures(data: Dataset, options: CapacityFigureOptions = {}): { machines: Figure; cost: Figure } {
  const study = caseStudyCapacity(data, { scenarioId: options.scenarioId, targetUtilisation: options.targetUtilisation });
  const profileIds = options.profileIds ?? [...new Set(data.trafficProfiles.map((row) => row.profileId))];
  const workload = findWorkload(data);
  const perProfile = profileIds.map((profileId, index) => {
    const capacity = machineCapacity(data, study.capacity.throughput, { profileId, targetUtilisation: options.targetUtilisation, workload });
    return { profileId, capacity, color: PROFILE_COLORS[index % PROFILE_COLORS.length] as string };
  });
  const source = provenance(data, ["throughput.csv", "traffic_profiles.csv", "case_study.csv", "hardware.csv"]);
  const inputs = study.inputs;
  const marks = [
    { label: "case study weekend", callsPerDay: inputs.weekendCallsPerDay },
    { label: "case study weekday", callsPerDay: inputs.weekdayCallsPerDay },
  ];
  const serverName = study.capacity.hardware.name;
  const maxCallsPerDay = options.maxCallsPerDay ?? 10_000;
  const machines = machinesNeededChart(
    perProfile.map((entry) => ({ id: entry.profileId, label: profileLabel(data, entry.profileId), callsPerDayPerMachine: entry.capacity.callsPerDayPerMachine, color: entry.color })),
    { serverName, maxCallsPerDay, marks, provenance: source },
  );
  const fleet = fleetCostOf(study.capacity.hardware, workload.daysPerMonth);
  const cloudModel = data.models.find((model) => model.modelId === inputs.cloud.id);
  const cost = capacityCostChart(
    perProfile.map((entry) => ({ label: entry.profileId, callsPerDayPerMachine: entry.capacity.callsPerDayPerMachine, ...fleet, color: entry.color })),
    {
      serverName,
      maxCallsPerDay,
      marks,
      provenance: source,
      daysPerMonth: workload.daysPerMonth,
      api: { name: cloudModel?.modelName ?? inputs.cloud.id, usdPerCall: inputs.cloud.usdPerCall, color: modelColors(data).get(inputs.cloud.id) ?? "#777777" },
    },
  );
  return { machines, cost };
}

/** The 59.7 what-if panel for the HTML report: the case study's server, volumes and cost, every traffic profile. */
export function capacityPanelSpec(data: Dataset, options: { scenarioId?: string; targetUtilisation?: number; title?: string } = {}): CapacityPanelSpec {
  const study = caseStudyCapacity(data, { scenarioId: options.scenarioId, targetUtilisation: options.targetUtilisation });
  const inputs = study.inputs;
  const workload = findWorkload(data);
  const profileIds = [...new Set(data.trafficProfiles.map((row) => row.profileId))];
  const cloudModel = data.models.find((model) => model.modelId === inputs.cloud.id);
  return {
    kind: "capacity",
    title: options.title ?? "servers needed for your throughput and traffic",
    serverName: study.capacity.hardware.name,
    daysPerMonth: workload.daysPerMonth,
    inputTokensPerCall: workload.inputTokensPerCall,
    outputTokensPerCall: workload.outputTokensPerCall,
    fleet: fleetCostOf(study.capacity.hardware, workload.daysPerMonth),
    caseStudy: inputs,
    cloud: { name: cloudModel?.modelName ?? inputs.cloud.id, color: modelColors(data).get(inputs.cloud.id) ?? "#777777" },
    profiles: profileIds.map((id) => ({ id, peakHourShare: trafficProfile(data, id).peakHourShare })),
    defaults: {
      weekdayCallsPerDay: inputs.weekdayCallsPerDay,
      serving: study.capacity.throughput.serving,
      outputTokensPerSecond: study.capacity.throughput.outputTokensPerSecond,
      promptTokensPerSecond: study.capacity.throughput.promptTokensPerSecond,
      targetUtilisationPercent: Math.round((options.targetUtilisation ?? 0.7) * 100),
      profileId: study.profile.profileId,
    },
    provenance: provenance(data, ["throughput.csv", "traffic_profiles.csv", "case_study.csv", "hardware.csv"]),
  };
}

/** The 59.8 what-if panel: every itemised server against every API, at the default workload. */
export function tornadoPanelSpec(data: Dataset, options: { hardwareId: string; apiModelId: string; swing: number; title?: string }): TornadoPanelSpec {
  const workload = findWorkload(data);
  const itemised = data.hardware.filter((row) => row.costBasis === "itemised" && row.capexUsd !== undefined && row.depreciationMonths !== undefined);
  return {
    kind: "tornado",
    title: options.title ?? "what moves the break-even most, for your server and API",
    inputTokensPerCall: workload.inputTokensPerCall,
    outputTokensPerCall: workload.outputTokensPerCall,
    daysPerMonth: workload.daysPerMonth,
    apis: data.models.map((model) => ({ id: model.modelId, name: model.modelName, inputUsdPerMTok: model.inputUsdPerMtok, outputUsdPerMTok: model.outputUsdPerMtok })),
    hardware: itemised.map((row) => {
      const { inputUsdPerMTok, outputUsdPerMTok, inputTokensPerCall, outputTokensPerCall, daysPerMonth, ...server } = breakEvenInputsOf(data, row.hardwareId, options.apiModelId, workload);
      return { id: row.hardwareId, name: row.name.replace(/ \(.*\)$/, ""), ...server };
    }),
    defaults: { hardwareId: options.hardwareId, apiId: options.apiModelId, swingPercent: Math.round(options.swing * 100) },
    provenance: provenance(data, ["models.csv", "hardware.csv", "workloads.csv"]),
  };
}

/** Figures 59.8a and 59.8b from a computed uncertainty. */
export function uncertaintyFigures(data: Dataset, uncertainty: BreakEvenUncertainty, options: { comparison: string; swing: number; samples: number; seed: number; maxCallsPerDay?: number }): { tornado: Figure; band: Figure } {
  const source = provenance(data, ["models.csv", "hardware.csv", "workloads.csv", "uncertainty_ranges.csv"]);
  const max = options.maxCallsPerDay ?? Math.ceil((uncertainty.p95 * 1.5) / 1000) * 1000;
  const volumes = Array.from({ length: 41 }, (_, index) => (max * index) / 40);
  return {
    tornado: tornadoChart(uncertainty.tornado.bars, { baseBreakEven: uncertainty.tornado.baseBreakEven, swing: options.swing, comparison: options.comparison, provenance: source }),
    band: savingBandChart(savingBand(uncertainty.draws, volumes), { comparison: options.comparison, percentiles: uncertainty, samples: options.samples, seed: options.seed, provenance: source }),
  };
}

/** Figure 59.9a: every architecture at every bit width against the GPU configurations. */
export function vramFigure(data: Dataset, options: { contextTokens: number; concurrentSequences: number }): Figure {
  const levels = quantisationLevels(data);
  // Quality cost as measured on this model size, or on another size (named) where this one has no measurement.
  const quality = (quantId: string, model: string) => {
    const size = model.match(/\d+B/)?.[0];
    const own = levels.find((candidate) => candidate.quantId === quantId && size !== undefined && candidate.referenceModel.includes(size));
    const level = own ?? levels.find((candidate) => candidate.quantId === quantId);
    if (!level || level.perplexityIncreasePercent <= 0) return undefined;
    const measuredOn = own ? "" : ` (${level.referenceModel.match(/\d+B/)?.[0] ?? level.referenceModel})`;
    return `+${level.perplexityIncreasePercent.toFixed(level.perplexityIncreasePercent < 0.1 ? 2 : 1)}% ppl${measuredOn}`;
  };
  const cells = vramTable(data, options);
  const configurations = gpuConfigurations(data).map((config, index) => ({ label: config.label, totalVramGib: config.totalVramGib, color: HARDWARE_PALETTE[index % HARDWARE_PALETTE.length] as string }));
  return vramChart(
    cells.map((cell) => ({ label: `${cell.model.match(/\d+B/)?.[0] ?? cell.modelId} ${cell.quantId.toUpperCase()}`, weightsGib: cell.weightsGib, kvCacheGib: cell.kvCacheGib, overheadGib: cell.overheadGib, qualityNote: quality(cell.quantId, cell.model) })),
    configurations,
    { ...options, provenance: provenance(data, ["model_architectures.csv", "quantisation.csv", "hardware.csv"]) },
  );
}

/** Figure 59.9b: the failover scenario across local downtime from 0 to `maxDowntimeHours`. */
export function failoverFigure(data: Dataset, options: { scenarioId?: string; maxDowntimeHours?: number; cloudShare?: number } = {}): Figure {
  const scenario = failoverFromData(data, options.scenarioId, { cloudShare: options.cloudShare });
  const row = data.failover.find((candidate) => options.scenarioId === undefined || candidate.scenarioId === options.scenarioId);
  const max = options.maxDowntimeHours ?? 72;
  const points = Array.from({ length: 72 }, (_, index) => (max * (index + 1)) / 72).map((downtime) => ({
    downtimeHoursPerMonth: downtime,
    ...failoverFromData(data, options.scenarioId, { localDowntimeHoursPerMonth: downtime, cloudShare: options.cloudShare }).result,
  }));
  return failoverChart(points, {
    callsPerMonth: scenario.callsPerMonth,
    currentDowntimeHours: row?.localDowntimeHoursPerMonth ?? 0,
    cloudName: findModel(data, scenario.cloudModelId).modelName,
    provenance: provenance(data, ["failover.csv", "hardware.csv", "models.csv"]),
  });
}

/** Figure 59.9c: break-even by ops share for a few salaries. */
export function opsSweepFigure(data: Dataset, options: { hardwareId: string; apiModelId: string; salariesUsdPerMonth: readonly number[]; chapterFte: number; chapterSalaryUsdPerMonth: number; volumeCallsPerDay?: number }): Figure {
  const fte = Array.from({ length: 21 }, (_, index) => index / 20);
  const lines = options.salariesUsdPerMonth.map((salary, index) => ({
    salaryUsdPerMonth: salary,
    color: MODEL_PALETTE[(index * 2) % MODEL_PALETTE.length] as string,
    points: opsSweepFromData(data, options.hardwareId, options.apiModelId, fte, [salary]),
  }));
  const chapter = opsSweepFromData(data, options.hardwareId, options.apiModelId, [options.chapterFte], [options.chapterSalaryUsdPerMonth])[0];
  const hardware = data.hardware.find((row) => row.hardwareId === options.hardwareId);
  return opsSweepChart(lines, {
    comparison: `${(hardware?.name ?? options.hardwareId).replace(/ \(.*\)$/, "")} vs ${findModel(data, options.apiModelId).modelName}`,
    chapterPoint: { opsFte: options.chapterFte, breakEvenDailyCalls: chapter?.breakEvenDailyCalls ?? 0 },
    volumeCallsPerDay: options.volumeCallsPerDay,
    provenance: provenance(data, ["hardware.csv", "models.csv", "workloads.csv"]),
  });
}

/** Figure 59.9d: calls per arm by detectable drop at two power levels, with one model switch marked. */
export function sampleSizeFigure(data: Dataset, options: { baselineModelId: string; candidateModelId: string; benchmark: string; callsPerDay: number; testShare: number; alpha?: number; powers?: readonly number[] }): Figure {
  const test = modelSwitchTest(data, { ...options, power: options.powers?.[0] });
  const drops = Array.from({ length: 19 }, (_, index) => 1 + index * 0.5);
  const powers = options.powers ?? [0.8, 0.9];
  return sampleSizeChart(
    powers.map((power, index) => ({ label: `${Math.round(power * 100)}% power, α = ${options.alpha ?? 0.05}`, color: MODEL_PALETTE[index * 4] as string, points: sampleSizeCurve(test.baselineRate, drops, { alpha: options.alpha, power }) })),
    {
      baselineRate: test.baselineRate,
      testCallsPerDay: options.callsPerDay * options.testShare,
      highlight: { label: `${test.baselineModel} → ${test.candidateModel} (${options.benchmark})`, dropPoints: +((test.baselineRate - test.candidateRate) * 100).toFixed(2), callsPerArm: test.plan.callsPerArm, days: test.plan.days },
      provenance: provenance(data, ["benchmarks.csv", "models.csv"]),
    },
  );
}

/** Every what-if panel a notebook puts in its page, built from a dataset: the inputs it offers and their defaults. */
import type { Dataset } from "../data";
import { InputError } from "../errors";
import { DEFAULT_TARGET_UTILISATION, localMonthlyCost, type SensitivityInput } from "../model";
import type {
  AuditPanelInputs,
  AuditPanelSpec,
  BreakEvenPanelInputs,
  BreakEvenPanelSpec,
  CapacityPanelSpec,
  MonthlyCostPanelInputs,
  MonthlyCostPanelSpec,
  RentalPanelInputs,
  RentalPanelSpec,
  TornadoPanelSpec,
} from "../panels";
import { caseStudyCapacity, trafficProfile } from "./capacity";
import { apiUsdPerCall } from "./cost";
import { dataFileName, hardwareColors, modelColors, provenance } from "./figure-context";
import { checkPublishedFigures } from "./audit";
import { figureEffect } from "./audit-materiality";
import { fitLabel } from "./vram";
import { findHardware, findModel, findWorkload } from "./lookup";
import { rentalSetup } from "./rental";
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
}

/** The electricity price the panel starts from where its first configuration states none, USD per kWh (the chapter's). */
const DEFAULT_ELECTRICITY_USD_PER_KWH = 0.1;

/** The break-even what-if panel for the HTML report, from a dataset: every API, and every hardware row. */
export function breakEvenPanelSpec(data: Dataset, options: BreakEvenPanelOptions = {}): BreakEvenPanelSpec {
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
      color: models.get(id) ?? "#777777",
    };
  });
  // Every configuration Figure 59.3b shows, named as it names them, each with its own cost inputs.
  const hardware = data.hardware.map((row) => {
    const inForce = localCostOptionsOf(row, workload.daysPerMonth);
    return {
      id: row.hardwareId,
      name: fitLabel(data, row.hardwareId),
      capexUsd: inForce.capexUsd,
      depreciationMonths: inForce.depreciationMonths,
      powerKw: inForce.powerKw,
      powerUsdPerMonth: inForce.powerUsdPerMonth,
      // The row's own price, loaded when it is chosen, even where its stated bill leaves it unused.
      electricityUsdPerKwh: row.electricityUsdPerKwh,
      opsUsdPerMonth: localMonthlyCost(inForce).opsUsd ?? 0,
      monthlyFixedUsd: inForce.monthlyFixedUsd,
      color: machines.get(row.hardwareId) ?? "#777777",
    };
  });
  const firstHardware =
    hardware.find((row) => row.id === options.defaults?.hardwareId) ?? hardware.find((row) => row.capexUsd !== undefined) ?? hardware[0];
  return {
    kind: "break-even",
    title: options.title ?? "break-even for your server and traffic",
    daysPerMonth: workload.daysPerMonth,
    apis,
    hardware,
    billingShares: billingSharesOf(workload),
    provenance: provenance(data, ["models.csv", "hardware.csv", "workloads.csv"]),
    defaults: {
      // Whole calls, as the field takes them: a weekday/weekend workload's average day is a fraction.
      callsPerDay: Math.round(workload.callsPerDay),
      inputTokensPerCall: workload.inputTokensPerCall,
      outputTokensPerCall: workload.outputTokensPerCall,
      apiId: apis[0]?.id ?? "",
      hardwareId: firstHardware?.id ?? "",
      electricityUsdPerKwh: firstHardware?.electricityUsdPerKwh ?? DEFAULT_ELECTRICITY_USD_PER_KWH,
      opsUsdPerMonth: firstHardware?.opsUsdPerMonth ?? 0,
      ...options.defaults,
    },
  };
}

/** The 59.7 what-if panel for the HTML report: the case study's server, volumes and cost, every traffic profile. */
export function capacityPanelSpec(
  data: Dataset,
  options: { scenarioId?: string; targetUtilisation?: number; title?: string } = {},
): CapacityPanelSpec {
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
export function tornadoPanelSpec(
  data: Dataset,
  options: { hardwareId: string; apiModelId: string; swing: number; title?: string },
): TornadoPanelSpec {
  const workload = findWorkload(data);
  const itemised = data.hardware.filter(
    (row) => row.costBasis === "itemised" && row.capexUsd !== undefined && row.depreciationMonths !== undefined,
  );
  return {
    kind: "tornado",
    title: options.title ?? "what moves the break-even most, for your server and API",
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
    defaults: { hardwareId: options.hardwareId, apiId: options.apiModelId, swingPercent: Math.round(options.swing * 100) },
    provenance: provenance(data, ["models.csv", "hardware.csv", "workloads.csv"]),
  };
}

/** The 59.10 what-if panel: every rental offer (with its configuration bought for comparison) against each API. */
export function rentalPanelSpec(
  data: Dataset,
  options: {
    apiModelIds: readonly string[];
    defaults: Pick<RentalPanelInputs, "rentalId" | "apiId"> & Partial<RentalPanelInputs>;
    title?: string;
  },
): RentalPanelSpec {
  const workload = findWorkload(data);
  const models = modelColors(data);
  const configurations = data.gpuRentals.map((row) => {
    const setup = rentalSetup(data, row.rentalId, { workload });
    return {
      id: row.rentalId,
      name: fitLabel(data, row.hardwareId, `${setup.hardware.name.replace(/ \(.*\)$/, "")} (${row.provider})`),
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
    title: options.title ?? "rent, buy or call at your price, hours and volume",
    daysPerMonth: workload.daysPerMonth,
    configurations,
    apis: options.apiModelIds.map((id) => ({
      id,
      name: findModel(data, id).modelName,
      usdPerCall: apiUsdPerCall(data, id, workload),
      color: models.get(id) ?? "#777777",
    })),
    defaults: {
      usdPerGpuHour: chosen.usdPerGpuHour,
      hoursPerDay: 24,
      utilisationPercent: Math.round(DEFAULT_TARGET_UTILISATION * 100),
      callsPerDay: Math.round(workload.callsPerDay),
      ...options.defaults,
    },
    provenance: provenance(data, ["gpu_rentals.csv", "hardware.csv", "throughput.csv", "models.csv"]),
  };
}

/** The 59.1 what-if panel: every model's month at the reader's volume and call size, beside one local server's cost. */
export function monthlyCostPanelSpec(
  data: Dataset,
  options: { localHardwareId: string; title?: string; defaults?: Partial<MonthlyCostPanelInputs> },
): MonthlyCostPanelSpec {
  const workload = findWorkload(data);
  const colors = modelColors(data);
  const hardware = findHardware(data, options.localHardwareId);
  return {
    kind: "monthly-cost",
    title: options.title ?? "every model's month at your volume and call size",
    models: data.models.map((model) => ({
      id: model.modelId,
      name: model.modelName,
      color: colors.get(model.modelId) ?? "#777777",
      sheet: modelPriceSheet(data, model),
      reasoningTokensPerCall: callOf(model, workload).reasoningTokensPerCall ?? 0,
    })),
    calendar: workloadCalendar(data, workload),
    calendarCallsPerDay: headlineVolume(workload).callsPerDay,
    volumeUnit: headlineVolume(workload).unit,
    billingShares: billingSharesOf(workload),
    local: {
      name: `the local server (${hardware.name.replace(/ \(.*\)$/, "")})`,
      usdPerMonth: hardwareMonthlyCost(hardware, workload.daysPerMonth).totalUsd,
    },
    defaults: {
      callsPerDay: Math.round(headlineVolume(workload).callsPerDay),
      inputTokensPerCall: workload.inputTokensPerCall,
      outputTokensPerCall: workload.outputTokensPerCall,
      ...options.defaults,
    },
    provenance: provenance(data, ["models.csv", "workloads.csv", "hardware.csv"]),
  };
}

/** A number a spec can carry as JSON: a break-even of "never" (Infinity) would arrive in the page as null. */
const finite = (value: number | undefined) => (value !== undefined && Number.isFinite(value) ? value : undefined);

/** The 59.6 what-if panel: every printed figure with what the formulas give for it, to check at a looser rounding. */
export function auditPanelSpec(data: Dataset, options: { title?: string; defaults?: Partial<AuditPanelInputs> } = {}): AuditPanelSpec {
  return {
    kind: "audit",
    title: options.title ?? "the figures still flagged if a print may be off by more than its rounding",
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
  };
}

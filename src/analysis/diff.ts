/** What changed between two dated data folders, and how each headline result of the chapter moved. */
import type { Dataset, HardwareRow, ModelRow } from "../data";
import { InputError } from "../errors";
import type { CaseOptionName } from "../model";
import { breakEvenTable } from "./break-even";
import { caseStudyFromData } from "./case-study";
import { cloudCostTable } from "./cost";
import { hybridSavings, routingLocalServer } from "./hybrid-routing";
import { savingsAfterHardware } from "../model";
import { caseStudyCapacity } from "./capacity";
import { hardwareMonthlyCost } from "./model-inputs";

export interface Move {
  id: string;
  name: string;
  before: number;
  after: number;
}

export interface PriceChange {
  modelId: string;
  name: string;
  inputBefore: number;
  inputAfter: number;
  outputBefore: number;
  outputAfter: number;
}

export interface DataDiff {
  models: { added: ModelRow[]; removed: ModelRow[]; repriced: PriceChange[] };
  hardware: { added: HardwareRow[]; removed: HardwareRow[]; recosted: Move[] };
  /** USD per month per model present in both, at each folder's default workload. */
  monthlyCost: Move[];
  /** Break-even calls/day per hardware × API present in both; id is `hardware × model`. */
  breakEven: Move[];
  /** Percent saved by the hybrid router. */
  hybridSavings: { before: number; after: number };
  /** The chapter's headline amounts in USD per month (59.4's router, 59.5's options), so no re-priced total goes unseen. */
  headlines: Move[];
  caseStudy: {
    before: CaseOptionName | undefined;
    after: CaseOptionName | undefined;
    totalsBefore: Record<string, number>;
    totalsAfter: Record<string, number>;
  };
  /** The case study sized for its busiest hour; undefined unless both folders measure its server's throughput. */
  caseStudyCapacity: { before: CapacitySummary; after: CapacitySummary } | undefined;
}

export interface CapacitySummary {
  profileId: string;
  allLocalMachines: number;
  allLocalUsd: number;
  hybridMachines: number;
  hybridUsd: number;
}

function capacitySummary(data: Dataset): CapacitySummary | undefined {
  const scenario = data.caseStudy[0];
  if (!scenario || !data.throughput.some((row) => row.hardwareId === scenario.localHardwareId)) return undefined;
  const study = caseStudyCapacity(data);
  const [, local, hybrid] = study.withCapacity.options;
  return {
    profileId: study.profile.profileId,
    allLocalMachines: local?.machines ?? 0,
    allLocalUsd: local?.totalUsd ?? 0,
    hybridMachines: hybrid?.machines ?? 0,
    hybridUsd: hybrid?.totalUsd ?? 0,
  };
}

/** USD-per-month headlines of one folder, by id. */
function headlineAmounts(data: Dataset): Move[] {
  const routed = hybridSavings(data);
  const withServer = savingsAfterHardware(routed, routingLocalServer(data).monthlyUsd);
  const study = caseStudyFromData(data).result;
  const amounts: Array<[string, string, number]> = [
    ["router/pure_cloud", "59.4 everything on the premium tier", routed.pureCloudMonthly],
    ["router/hybrid", "59.4 hybrid, routed calls only", routed.hybridMonthly],
    ["router/hybrid_with_server", "59.4 hybrid with its server paid", withServer.hybridMonthly],
    ...study.options.map((option): [string, string, number] => [
      `case/${option.option}`,
      `59.5 ${option.option.replace("_", " ")}`,
      option.totalUsd,
    ]),
  ];
  return amounts.map(([id, name, value]) => ({ id, name, before: value, after: value }));
}

function byId<T>(rows: readonly T[], id: (row: T) => string): Map<string, T> {
  return new Map(rows.map((row) => [id(row), row]));
}

/** Each amount of `after` beside the same id's amount in `before`. */
function pairMoves(before: Move[], after: Move[]): Move[] {
  const old = byId(before, (move) => move.id);
  return after.map((move) => ({ ...move, before: old.get(move.id)?.before ?? NaN }));
}

/** Compares two datasets. Folders with no model and no hardware in common are an InputError: they are not snapshots of one analysis. */
export function diffDatasets(before: Dataset, after: Dataset): DataDiff {
  const oldModels = byId(before.models, (row) => row.modelId);
  const newModels = byId(after.models, (row) => row.modelId);
  const oldHardware = byId(before.hardware, (row) => row.hardwareId);
  const newHardware = byId(after.hardware, (row) => row.hardwareId);
  const commonModels = after.models.filter((row) => oldModels.has(row.modelId)).map((row) => row.modelId);
  const commonHardware = after.hardware.filter((row) => oldHardware.has(row.hardwareId)).map((row) => row.hardwareId);
  if (commonModels.length === 0 && commonHardware.length === 0) {
    throw new InputError(`${before.dir} and ${after.dir} share no model_id and no hardware_id; compare two snapshots of the same data`);
  }

  const repriced = commonModels.flatMap((id) => {
    const [a, b] = [oldModels.get(id) as ModelRow, newModels.get(id) as ModelRow];
    return a.inputUsdPerMTok !== b.inputUsdPerMTok || a.outputUsdPerMTok !== b.outputUsdPerMTok
      ? [
          {
            modelId: id,
            name: b.modelName,
            inputBefore: a.inputUsdPerMTok,
            inputAfter: b.inputUsdPerMTok,
            outputBefore: a.outputUsdPerMTok,
            outputAfter: b.outputUsdPerMTok,
          },
        ]
      : [];
  });
  const recosted = commonHardware.flatMap((id) => {
    const [a, b] = [
      hardwareMonthlyCost(oldHardware.get(id) as HardwareRow).totalUsd,
      hardwareMonthlyCost(newHardware.get(id) as HardwareRow).totalUsd,
    ];
    return a !== b ? [{ id, name: (newHardware.get(id) as HardwareRow).name, before: a, after: b }] : [];
  });

  const oldCosts = byId(cloudCostTable(before), (row) => row.model.modelId);
  const monthlyCost = cloudCostTable(after)
    .filter((row) => oldCosts.has(row.model.modelId))
    .map((row) => ({
      id: row.model.modelId,
      name: row.model.modelName,
      before: oldCosts.get(row.model.modelId)?.usdPerMonth ?? NaN,
      after: row.usdPerMonth,
    }));

  const pairs = { hardwareIds: commonHardware, apiModelIds: commonModels };
  const oldCells = byId(breakEvenTable(before, pairs), (cell) => `${cell.hardwareId} × ${cell.apiId}`);
  const breakEven = breakEvenTable(after, pairs).map((cell) => {
    const id = `${cell.hardwareId} × ${cell.apiId}`;
    return {
      id,
      name: `${newHardware.get(cell.hardwareId)?.name} vs ${newModels.get(cell.apiId)?.modelName}`,
      before: oldCells.get(id)?.breakEvenDailyCalls ?? NaN,
      after: cell.breakEvenDailyCalls,
    };
  });

  const [caseBefore, caseAfter] = [caseStudyFromData(before).result, caseStudyFromData(after).result];
  const totals = (result: typeof caseBefore) => Object.fromEntries(result.options.map((option) => [option.option, option.totalUsd]));
  const [capacityBefore, capacityAfter] = [capacitySummary(before), capacitySummary(after)];
  return {
    models: {
      added: after.models.filter((row) => !oldModels.has(row.modelId)),
      removed: before.models.filter((row) => !newModels.has(row.modelId)),
      repriced,
    },
    hardware: {
      added: after.hardware.filter((row) => !oldHardware.has(row.hardwareId)),
      removed: before.hardware.filter((row) => !newHardware.has(row.hardwareId)),
      recosted,
    },
    monthlyCost,
    breakEven,
    hybridSavings: { before: hybridSavings(before).savingsPercentage, after: hybridSavings(after).savingsPercentage },
    headlines: pairMoves(headlineAmounts(before), headlineAmounts(after)),
    caseStudy: {
      before: caseBefore.cheapestCompliant,
      after: caseAfter.cheapestCompliant,
      totalsBefore: totals(caseBefore),
      totalsAfter: totals(caseAfter),
    },
    caseStudyCapacity: capacityBefore && capacityAfter ? { before: capacityBefore, after: capacityAfter } : undefined,
  };
}

/**
 * `roilab workload import`: an agent's real usage logs in, a workload in the data folder out. The logs are
 * streamed once; each call is summarised (tokens, local hour and day type, model) and, where its model is in
 * models.csv, priced at list price. Nothing is written until every line has been read without a problem.
 */
import { existsSync, statSync } from "node:fs";
import * as path from "node:path";
import { UsageError } from "../errors";
import * as schemas from "../data/schemas";
import { loadDataset, type ModelRow } from "../data";
import { checkTimeZone, isoDate, LocalClock } from "../data/usage-log/local-time";
import { modelMatcher } from "../data/usage-log/model-map";
import { readUsageLogs, type UsageLogStats } from "../data/usage-log/read-usage";
import { importedRows, UsageSummary, type ObservedSpan } from "../data/usage-log/summarise";
import { checkImportTarget, writeImportedRows, type WrittenTable } from "../data/usage-log/write-workload";
import { lockFolder } from "../util/folder-lock";
import { ListPriceComparison, type ModelListPrice } from "./usage-pricing";

export interface WorkloadImportOptions {
  /** Usage logs: OTLP/JSON span exports or provider responses, one JSON object per line. */
  files: readonly string[];
  dataDir: string;
  /** The workload's id in workloads.csv; its profiles are `ID-weekday` and `ID-weekend`. */
  id: string;
  /** IANA zone whose calendar sets dates, day types and hours (default UTC). */
  timeZone?: string;
  /** Replace the rows of an id the folder already has, instead of refusing. */
  replace?: boolean;
  /** The time of the import: the date in sources, and the time prices are asked for calls without one. Default: now. */
  now?: Date;
}

export interface ModelCalls {
  /** The model as the logs name it; "" when they name none. */
  logModel: string;
  calls: number;
  /** The models.csv row it maps to, if any. */
  modelId: string | undefined;
}

export interface WorkloadImportResult {
  id: string;
  zone: string;
  files: readonly string[];
  log: UsageLogStats;
  summary: UsageSummary;
  span: ObservedSpan;
  /** Calls by log model name, the most-called first. */
  models: ModelCalls[];
  /** The mapped model with the most calls, written as current_model_id. */
  currentModelId: string | undefined;
  /** List price of the mapped calls, per model. */
  listPrices: ModelListPrice[];
  written: WrittenTable[];
}

/** Today in the zone, YYYY-MM-DD. */
function dateIn(zone: string, at: Date): string {
  return isoDate(new LocalClock(zone).at(at.getTime()).dayNumber);
}

export async function importWorkload(options: WorkloadImportOptions): Promise<WorkloadImportResult> {
  const zone = checkTimeZone(options.timeZone ?? "UTC");
  const id = options.id;
  if (!schemas.workloads.columns.workload_id.parse(id).ok)
    throw new UsageError(
      `--id must be an identifier (letters, digits, '.', '_' or '-', starting with a letter or digit), got ${JSON.stringify(id)}`,
    );
  if (options.files.length === 0) throw new UsageError("name at least one usage log to import");
  if (!existsSync(options.dataDir) || !statSync(options.dataDir).isDirectory())
    throw new UsageError(`${options.dataDir}: no such data folder`);
  const now = options.now ?? new Date();
  const replace = options.replace ?? false;

  const release = lockFolder(options.dataDir);
  try {
    const data = loadDataset(options.dataDir);
    const models: ModelRow[] = data.models;
    // Before reading what may be a gigabyte of logs: an id already there is refused now, not after.
    checkImportTarget(options.dataDir, id, replace);

    const summary = new UsageSummary(new LocalClock(zone));
    const match = modelMatcher(models);
    const prices = new ListPriceComparison(data, now);
    const log = await readUsageLogs(options.files, (call) => {
      summary.add(call);
      const model = match(call.model);
      if (model) prices.add(call, model);
    });

    const span = summary.span();
    if (summary.calls === 0)
      throw new UsageError(
        `no model calls in ${options.files.join(", ")}${log.spansWithoutUsage + log.spansOfOtherOperations ? ` (${log.spansWithoutUsage + log.spansOfOtherOperations} spans skipped: none was a model call with gen_ai usage)` : ""}; nothing was written`,
      );
    if (!span)
      throw new UsageError(
        `none of the ${summary.calls} calls has a time, so calls per day and the hourly profile cannot be worked out; nothing was written`,
      );

    const modelCalls: ModelCalls[] = [...summary.callsByModel]
      .map(([logModel, calls]) => ({ logModel, calls, modelId: match(logModel)?.modelId }))
      .sort((a, b) => b.calls - a.calls || a.logModel.localeCompare(b.logModel));
    const listPrices = prices.results();
    // The model_id the most calls map to (several log names may map to one row); ties go to the first in order.
    const currentModelId = [...listPrices].sort((a, b) => b.calls - a.calls || a.modelId.localeCompare(b.modelId))[0]?.modelId;

    const rows = importedRows(summary, span, {
      id,
      fileNames: options.files.map((file) => path.basename(file)),
      importedOn: dateIn(zone, now),
      currentModelId,
    });
    const written = writeImportedRows(options.dataDir, id, rows, replace);
    return { id, zone, files: options.files, log, summary, span, models: modelCalls, currentModelId, listPrices, written };
  } finally {
    release();
  }
}

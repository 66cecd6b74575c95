import { existsSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import * as path from "node:path";
import { DataError, type DataIssue } from "../errors";
import { displayPath } from "../util/display-path";
import * as schemas from "./schemas";
import { decodeUtf8 } from "./csv";
import { cellProblem, type AssignableSpec, type AssignableTable, type CellReference } from "./assignments";
import { camelCase, parseTable, type ColumnSpec, type ParsedTable, type RowOf, type TableSpec } from "./table";
import { averageDayMix, AVERAGE_DAYS_PER_MONTH } from "../model/calendar";

/**
 * The data folder's tables, by the field a Dataset holds each in, in the order they are read: the one list of
 * them. A table whose file may be absent (`optionalFile`) is then empty.
 */
const TABLES = {
  models: schemas.models,
  longContextPrices: schemas.longContextPrices,
  benchmarks: schemas.benchmarks,
  hardware: schemas.hardware,
  workloads: schemas.workloads,
  taskTypes: schemas.taskTypes,
  taskMix: schemas.taskMix,
  routingTiers: schemas.routingTiers,
  routingConfig: schemas.routingConfig,
  caseStudy: schemas.caseStudy,
  publishedFigures: schemas.publishedFigures,
  throughput: schemas.throughput,
  trafficProfiles: schemas.trafficProfiles,
  quantisation: schemas.quantisation,
  modelArchitectures: schemas.modelArchitectures,
  uncertaintyRanges: schemas.uncertaintyRanges,
  failover: schemas.failover,
  gpuRentals: schemas.gpuRentals,
  chapterStatements: schemas.chapterStatements,
  timeOfDayPrices: schemas.timeOfDayPrices,
  exchangeRates: schemas.exchangeRates,
  workloadTokenStats: schemas.workloadTokenStats,
  providerAvailability: schemas.providerAvailability,
} as const;

type Tables = typeof TABLES;
type TableName = keyof Tables;
type ColumnsOf<T> = T extends TableSpec<infer C> ? C : never;
type ParsedTables = { [K in TableName]: ParsedTable<RowOf<ColumnsOf<Tables[K]>>> };

/** Every table of a roilab data folder, validated and typed. Where a table has a default row, it is the first. */
export interface Dataset extends Omit<{ [K in TableName]: RowOf<ColumnsOf<Tables[K]>>[] }, "workloads"> {
  /** The data folder as given. */
  dir: string;
  /** Each with its calendar filled in (see resolveWorkloadCalendars). */
  workloads: schemas.WorkloadRow[];
  /** Values a run set apart from the folder's (a notebook's parameters), so a page can say what it changed. */
  overrides?: readonly DataOverride[];
  /** The currency its money is in, where a run converted it from USD (`inCurrency`), with the rate's date and source. */
  shownIn?: { code: string; perUsd: number; asOf: string | undefined; source: string | undefined; inUsd: Dataset };
}

/** One cell a run set to another value than the data folder's. */
export interface DataOverride {
  file: string;
  rowId: string;
  /** What the value is, in words (`calls a weekday`). */
  label: string;
  dataValue: number;
  value: number;
}

const TABLE_NAMES = Object.keys(TABLES) as TableName[];
// Each table keeps its own row type through ParsedTables and Dataset; code that treats them alike sees any spec.
const specOf = (name: TableName) => TABLES[name] as unknown as TableSpec<ColumnSpec>;

/** The data folder's files, in the order they are read. */
export const TABLE_SPECS: readonly TableSpec<ColumnSpec>[] = TABLE_NAMES.map(specOf);

function readTable<C extends ColumnSpec>(dir: string, spec: TableSpec<C>, issues: DataIssue[]): ParsedTable<RowOf<C>> {
  const file = displayPath(path.join(dir, spec.file));
  // A file that cannot be read as a table at all yields no rows, and carries its issues so later checks skip it.
  const unreadable = (fileIssues: DataIssue[]): ParsedTable<RowOf<C>> => {
    issues.push(...fileIssues);
    return { file, rows: [], issues: fileIssues, notes: [], currencies: {}, locate: () => ({ file, line: 1, column: 1 }) };
  };
  if (!existsSync(path.join(dir, spec.file))) {
    if (spec.optionalFile) return { file, rows: [], issues: [], notes: [], currencies: {}, locate: () => ({ file, line: 1, column: 1 }) };
    return unreadable([{ file, line: 1, column: 1, message: "required file not found" }]);
  }
  try {
    const table = parseTable(spec, decodeUtf8(readFileSync(path.join(dir, spec.file)), file), file);
    issues.push(...table.issues);
    return table;
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    return unreadable([...error.issues]);
  }
}

/** Reports rows whose `column` names an id missing from the target table. Skipped when the target itself has problems, which are reported already. */
function checkReferences<Row, Target>(
  table: ParsedTable<Row>,
  column: string,
  value: (row: Row) => string | undefined,
  targetTable: ParsedTable<Target>,
  targetId: (row: Target) => string,
  targetColumn: string,
  issues: DataIssue[],
): void {
  if (targetTable.issues.length > 0) return;
  const known = new Set(targetTable.rows.map(targetId));
  const target = `${targetColumn} in ${targetTable.file}`;
  table.rows.forEach((row, index) => {
    const id = value(row);
    if (id !== undefined && !known.has(id)) {
      issues.push({ ...table.locate(index, column), message: `${column} ${JSON.stringify(id)} does not match any ${target}` });
    }
  });
}

function requireRows(table: ParsedTable<unknown>, issues: DataIssue[]): void {
  if (table.rows.length === 0 && table.issues.length === 0) {
    issues.push({ file: table.file, line: 2, column: 1, message: "the table has no rows; at least one is needed" });
  }
}

/** Itemised hardware needs enough inputs to derive each cost item; stated hardware needs its monthly figure. */
function checkHardwareCostInputs(table: ParsedTable<schemas.HardwareRow>, issues: DataIssue[]): void {
  table.rows.forEach((row, index) => {
    const missing = (column: string, why: string) =>
      issues.push({ ...table.locate(index, column), message: `${column} is required ${why}` });
    if (row.costBasis === "stated") {
      if (row.monthlyFixedUsd === undefined) missing("monthly_fixed_usd", "when cost_basis is stated");
      else if (row.opsUsdPerMonth !== undefined && row.opsUsdPerMonth > row.monthlyFixedUsd) {
        issues.push({
          ...table.locate(index, "ops_usd_per_month"),
          message: `the operations part (${row.opsUsdPerMonth}) exceeds monthly_fixed_usd (${row.monthlyFixedUsd})`,
        });
      }
      return;
    }
    if (row.capexUsd === undefined) missing("capex_usd", "when cost_basis is itemised");
    if (row.depreciationMonths === undefined) missing("depreciation_months", "when cost_basis is itemised");
    if (row.powerUsdPerMonth === undefined) {
      if (row.powerKw === undefined) missing("power_kw", "when power_usd_per_month is empty");
      if (row.electricityUsdPerKwh === undefined) missing("electricity_usd_per_kwh", "when power_usd_per_month is empty");
    }
    if (row.opsUsdPerMonth === undefined) {
      if (row.opsFte === undefined) missing("ops_fte", "when ops_usd_per_month is empty");
      if (row.opsSalaryUsdPerMonth === undefined) missing("ops_salary_usd_per_month", "when ops_usd_per_month is empty");
    }
  });
}

/** A call's input tokens are read from the cache, written to it or neither: the two cache shares cannot exceed 1 together. */
function checkCacheShares(table: ParsedTable<schemas.WorkloadCsvRow>, issues: DataIssue[]): void {
  table.rows.forEach((row, index) => {
    const total = (row.cachedInputShare ?? 0) + (row.cacheWriteShare ?? 0);
    // Decimal shares that add up to 1 (0.7 + 0.3) may land a rounding step above it.
    if (total > 1 + 1e-9) {
      issues.push({
        ...table.locate(index, "cache_write_share"),
        message: `cached_input_share + cache_write_share add up to ${+total.toFixed(6)}, more than 1`,
      });
    }
  });
}

/**
 * A workload states its calendar one way: calls_per_day on days_per_month alike days (the chapter's), or
 * weekday and weekend volumes over a calendar month. Each row is returned with the chapter's two fields filled
 * in, so a figure that reads a daily volume shows the month's calls over its calendar days.
 */
function resolveWorkloadCalendars(table: ParsedTable<schemas.WorkloadCsvRow>, issues: DataIssue[]): schemas.WorkloadRow[] {
  const mix = averageDayMix();
  return table.rows.map((row, index) => {
    const issue = (column: string, message: string) => issues.push({ ...table.locate(index, column), message });
    const flat = row.callsPerDay !== undefined || row.daysPerMonth !== undefined;
    const weekly = row.weekdayCallsPerDay !== undefined || row.weekendCallsPerDay !== undefined;
    if (flat && weekly)
      issue("weekday_calls_per_day", "give calls_per_day and days_per_month, or weekday_calls_per_day and weekend_calls_per_day, not both");
    else if (weekly) {
      if (row.weekdayCallsPerDay === undefined)
        issue("weekday_calls_per_day", "weekday_calls_per_day is required beside weekend_calls_per_day");
      if (row.weekendCallsPerDay === undefined)
        issue("weekend_calls_per_day", "weekend_calls_per_day is required beside weekday_calls_per_day");
      const callsPerMonth = (row.weekdayCallsPerDay ?? 0) * mix.weekdays + (row.weekendCallsPerDay ?? 0) * mix.weekendDays;
      return { ...row, callsPerDay: callsPerMonth / AVERAGE_DAYS_PER_MONTH, daysPerMonth: AVERAGE_DAYS_PER_MONTH };
    } else {
      if (row.callsPerDay === undefined)
        issue("calls_per_day", "calls_per_day is required (or weekday_calls_per_day and weekend_calls_per_day)");
      if (row.daysPerMonth === undefined) issue("days_per_month", "days_per_month is required beside calls_per_day");
      for (const column of ["weekday_profile_id", "weekend_profile_id"] as const) {
        if (row[column === "weekday_profile_id" ? "weekdayProfileId" : "weekendProfileId"] !== undefined)
          issue(column, `${column} needs weekday_calls_per_day and weekend_calls_per_day`);
      }
    }
    return { ...row, callsPerDay: row.callsPerDay ?? 0, daysPerMonth: row.daysPerMonth ?? AVERAGE_DAYS_PER_MONTH };
  });
}

/**
 * Converts every money column a table states in another currency (`capex_cny`) to USD at exchange_rates.csv's
 * rate, so that everything below the data layer computes in one currency. A currency without a rate is an error
 * on the column's header.
 */
function convertToUsd(table: ParsedTable<object>, rates: ParsedTable<schemas.ExchangeRateRow>, issues: DataIssue[]): void {
  for (const [column, currency] of Object.entries(table.currencies)) {
    const rate = rates.rows.find((row) => row.currency === currency);
    if (!rate) {
      const at = table.locate(0, column);
      issues.push({
        file: table.file,
        line: 1,
        column: at.column,
        message: `${currency} money needs a ${currency} row in exchange_rates.csv (units per USD, dated and sourced)`,
      });
      continue;
    }
    const field = camelCase(column);
    for (const row of table.rows as Record<string, unknown>[]) {
      const value = row[field];
      if (typeof value === "number") row[field] = value / rate.perUsd;
    }
  }
}

/** Each mix's shares must add up to 1. */
function checkMixShares(table: ParsedTable<schemas.TaskMixRow>, issues: DataIssue[]): void {
  const totals = new Map<string, { total: number; firstIndex: number }>();
  table.rows.forEach((row, index) => {
    const entry = totals.get(row.mixId) ?? { total: 0, firstIndex: index };
    entry.total += row.share;
    totals.set(row.mixId, entry);
  });
  for (const [mixId, { total, firstIndex }] of totals) {
    if (Math.abs(total - 1) > 1e-6) {
      issues.push({
        ...table.locate(firstIndex, "share"),
        message: `shares of mix_id ${JSON.stringify(mixId)} add up to ${+total.toFixed(6)}, not 1`,
      });
    }
  }
}

function checkTiers(table: ParsedTable<schemas.RoutingTierRow>, issues: DataIssue[]): void {
  const present = new Set(table.rows.map((row) => row.tier));
  for (const tier of schemas.TIERS) {
    if (!present.has(tier) && table.issues.length === 0)
      issues.push({ file: table.file, line: 1, column: 1, message: `tier ${tier} is missing` });
  }
  table.rows.forEach((row, index) => {
    if (row.usdPerCall === undefined && row.modelId === undefined && row.location === "cloud") {
      issues.push({ ...table.locate(index, "usd_per_call"), message: "usd_per_call is required when a cloud tier's model_id is empty" });
    }
    // A stated price beside a priced model would shadow it: a re-price of the model would not reach the tier.
    if (row.location === "cloud" && row.usdPerCall !== undefined && row.modelId !== undefined) {
      issues.push({
        ...table.locate(index, "usd_per_call"),
        message: `usd_per_call must be empty for a cloud tier with a model_id: the tier is priced from ${row.modelId}'s prices in models.csv`,
      });
    }
  });
}

/** Every traffic profile lists each hour 0–23 once. */
function checkProfiles(table: ParsedTable<schemas.TrafficProfileRow>, issues: DataIssue[]): void {
  const hours = new Map<string, { seen: Set<number>; firstIndex: number }>();
  table.rows.forEach((row, index) => {
    if (row.hour > 23) issues.push({ ...table.locate(index, "hour"), message: `hour must be 0 to 23, got ${row.hour}` });
    const entry = hours.get(row.profileId) ?? { seen: new Set<number>(), firstIndex: index };
    entry.seen.add(row.hour);
    hours.set(row.profileId, entry);
  });
  for (const [profileId, { seen, firstIndex }] of hours) {
    const missing = Array.from({ length: 24 }, (_, hour) => hour).filter((hour) => !seen.has(hour));
    if (missing.length > 0)
      issues.push({
        ...table.locate(firstIndex, "hour"),
        message: `profile_id ${JSON.stringify(profileId)} has no row for hour ${missing.join(", ")}`,
      });
  }
}

/** A range's low end is at most its high end, and a triangular mode lies between them. */
function checkRanges(table: ParsedTable<schemas.UncertaintyRangeRow>, issues: DataIssue[]): void {
  table.rows.forEach((row, index) => {
    if (row.lowFactor > row.highFactor)
      issues.push({ ...table.locate(index, "high_factor"), message: `high_factor ${row.highFactor} is below low_factor ${row.lowFactor}` });
    const mode = row.modeFactor ?? 1;
    if (row.distribution === "triangular" && (mode < row.lowFactor || mode > row.highFactor)) {
      issues.push({
        ...table.locate(index, "mode_factor"),
        message: `mode_factor ${mode} is outside ${row.lowFactor} to ${row.highFactor}`,
      });
    }
  });
}

/** A rental must name a throughput row of its hardware, or nothing says how many calls the rented server takes. */
function checkRentalThroughput(
  rentals: ParsedTable<schemas.GpuRentalRow>,
  throughput: ParsedTable<schemas.ThroughputRow>,
  issues: DataIssue[],
): void {
  if (throughput.issues.length > 0) return;
  rentals.rows.forEach((row, index) => {
    if (!throughput.rows.some((measured) => measured.hardwareId === row.hardwareId && measured.serving === row.serving)) {
      issues.push({
        ...rentals.locate(index, "serving"),
        message: `no throughput.csv row for hardware_id ${JSON.stringify(row.hardwareId)} served ${row.serving}`,
      });
    }
  });
}

/** Reports cells a row names (`file.csv:row_id:column`) that the named table does not have. Skipped for tables with problems of their own. */
function checkCells<Row>(
  table: ParsedTable<Row>,
  column: string,
  cells: (row: Row) => readonly CellReference[],
  targets: readonly [AssignableSpec, ParsedTable<object>][],
  issues: DataIssue[],
): void {
  const tables: AssignableTable[] = targets.map(([spec, parsed]) => ({ spec, rows: parsed.rows as Record<string, unknown>[] }));
  // A target table with problems of its own has them reported already; its cells are not checked against it.
  const unreadable = new Set(targets.filter(([, parsed]) => parsed.issues.length > 0).map(([spec]) => spec.file));
  table.rows.forEach((row, index) => {
    for (const cell of cells(row)) {
      const problem = unreadable.has(cell.file) ? undefined : cellProblem(cell, tables);
      if (problem) issues.push({ ...table.locate(index, column), message: problem });
    }
  });
}

/**
 * Reads and validates every table of a data folder. All problems of all files are collected and thrown
 * together as one DataError, each located as `file:line:column`.
 */
export function loadDataset(dir: string): Dataset {
  return readDataset(dir).data;
}

/** loadDataset, with the notes worth a warning (columns roilab does not read, kept as they are). */
/**
 * Links in the folder to files that are not there. A run hashes every file of the folder (for its cache and the
 * page's footer), so such a link would stop it later, after validation said nothing.
 */
function brokenLinks(dir: string): DataIssue[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith(".") && entry.isSymbolicLink() && !existsSync(path.join(dir, entry.name)))
    .map((entry) => ({
      file: displayPath(path.join(dir, entry.name)),
      line: 1,
      column: 1,
      message: `a link to ${readlinkSync(path.join(dir, entry.name))}, which does not exist`,
    }));
}

export function readDataset(dir: string): { data: Dataset; notes: DataIssue[] } {
  const issues: DataIssue[] = brokenLinks(dir);
  const tables = Object.fromEntries(TABLE_NAMES.map((name) => [name, readTable(dir, specOf(name), issues)])) as unknown as ParsedTables;
  const {
    models,
    longContextPrices,
    benchmarks,
    hardware,
    workloads,
    taskTypes,
    taskMix,
    routingTiers,
    routingConfig,
    caseStudy,
    publishedFigures,
    throughput,
    trafficProfiles,
    uncertaintyRanges,
    failover,
    gpuRentals,
    chapterStatements,
    timeOfDayPrices,
    exchangeRates,
    workloadTokenStats,
    providerAvailability,
    quantisation,
    modelArchitectures,
  } = tables;

  for (const table of [models, hardware, workloads, routingTiers, routingConfig, caseStudy]) requireRows(table, issues);
  for (const name of TABLE_NAMES) if (TABLES[name].anyCurrency) convertToUsd(tables[name] as ParsedTable<object>, exchangeRates, issues);
  checkHardwareCostInputs(hardware, issues);
  checkCacheShares(workloads, issues);
  const workloadRows = resolveWorkloadCalendars(workloads, issues);
  checkMixShares(taskMix, issues);
  checkTiers(routingTiers, issues);
  checkProfiles(trafficProfiles, issues);
  checkRanges(uncertaintyRanges, issues);

  const modelId = (row: schemas.ModelRow) => row.modelId;
  const mixId = (row: schemas.TaskMixRow) => row.mixId;
  checkReferences(longContextPrices, "model_id", (row) => row.modelId, models, modelId, "model_id", issues);
  checkReferences(benchmarks, "model_id", (row) => row.modelId, models, modelId, "model_id", issues);
  checkReferences(routingTiers, "model_id", (row) => row.modelId, models, modelId, "model_id", issues);
  checkReferences(
    taskMix,
    "task_type",
    (row) => row.taskType,
    taskTypes,
    (row) => row.taskType,
    "task_type",
    issues,
  );
  checkReferences(routingConfig, "mix_id", (row) => row.mixId, taskMix, mixId, "mix_id", issues);
  checkReferences(caseStudy, "mix_id", (row) => row.mixId, taskMix, mixId, "mix_id", issues);
  checkReferences(
    routingConfig,
    "local_hardware_id",
    (row) => row.localHardwareId,
    hardware,
    (row) => row.hardwareId,
    "hardware_id",
    issues,
  );
  checkReferences(
    caseStudy,
    "local_hardware_id",
    (row) => row.localHardwareId,
    hardware,
    (row) => row.hardwareId,
    "hardware_id",
    issues,
  );
  checkReferences(
    caseStudy,
    "traffic_profile_id",
    (row) => row.trafficProfileId,
    trafficProfiles,
    (row) => row.profileId,
    "profile_id",
    issues,
  );
  const profileId = (row: schemas.TrafficProfileRow) => row.profileId;
  checkReferences(workloads, "weekday_profile_id", (row) => row.weekdayProfileId, trafficProfiles, profileId, "profile_id", issues);
  checkReferences(workloads, "weekend_profile_id", (row) => row.weekendProfileId, trafficProfiles, profileId, "profile_id", issues);
  checkReferences(workloads, "current_model_id", (row) => row.currentModelId, models, modelId, "model_id", issues);
  checkReferences(
    workloadTokenStats,
    "workload_id",
    (row) => row.workloadId,
    workloads,
    (row) => row.workloadId,
    "workload_id",
    issues,
  );
  checkReferences(timeOfDayPrices, "model_id", (row) => row.modelId, models, modelId, "model_id", issues);
  checkReferences(
    providerAvailability,
    "provider",
    (row) => row.provider,
    models,
    (row) => row.provider,
    "provider",
    issues,
  );
  checkReferences(
    throughput,
    "hardware_id",
    (row) => row.hardwareId,
    hardware,
    (row) => row.hardwareId,
    "hardware_id",
    issues,
  );
  checkReferences(
    failover,
    "hardware_id",
    (row) => row.hardwareId,
    hardware,
    (row) => row.hardwareId,
    "hardware_id",
    issues,
  );
  checkReferences(failover, "cloud_model_id", (row) => row.cloudModelId, models, modelId, "model_id", issues);
  checkReferences(
    gpuRentals,
    "hardware_id",
    (row) => row.hardwareId,
    hardware,
    (row) => row.hardwareId,
    "hardware_id",
    issues,
  );
  checkRentalThroughput(gpuRentals, throughput, issues);
  checkReferences(
    hardware,
    "serves_model_id",
    (row) => row.servesModelId,
    modelArchitectures,
    (row) => row.modelId,
    "model_id",
    issues,
  );
  checkReferences(
    hardware,
    "serves_quant_id",
    (row) => row.servesQuantId,
    quantisation,
    (row) => row.quantId,
    "quant_id",
    issues,
  );
  const assignable: [AssignableSpec, ParsedTable<object>][] = [
    [schemas.models, models],
    [schemas.hardware, hardware],
    [schemas.workloads, workloads],
    [schemas.routingTiers, routingTiers],
    [schemas.caseStudy, caseStudy],
  ];
  checkCells(publishedFigures, "chapter_inputs", (row) => row.chapterInputs, assignable, issues);
  checkCells(chapterStatements, "data_cell", (row) => (row.dataCell ? [row.dataCell] : []), assignable, issues);

  if (issues.length > 0) throw new DataError(issues);
  const notes = TABLE_NAMES.flatMap((name) => tables[name].notes);
  const rows = Object.fromEntries(TABLE_NAMES.map((name) => [name, tables[name].rows])) as unknown as Omit<Dataset, "dir">;
  const data: Dataset = { dir, ...rows, workloads: workloadRows };
  return { data, notes };
}

/** The newest as_of of each file whose rows carry one, by file name: the dates a published page shows. */
export function newestAsOfByFile(data: Dataset): Record<string, string> {
  const dates: Record<string, string> = {};
  for (const name of TABLE_NAMES) {
    const newest = (data[name] as readonly { asOf?: string }[])
      .flatMap((row) => (row.asOf ? [row.asOf] : []))
      .sort()
      .at(-1);
    if (newest) dates[TABLES[name].file] = newest;
  }
  return dates;
}

/**
 * Writes an imported workload into a data folder: its workloads.csv row, its two traffic profiles and its token
 * statistics. Every other row and column is kept as it is; missing columns are added to the header with empty
 * cells for the rows that had none. Each file is written to a temporary file and renamed, after all three texts
 * are made and checked, so a failure while making them writes nothing.
 */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { DataError, UsageError } from "../../errors";
import { writeFileAtomic } from "../../util/atomic-write";
import { displayPath } from "../../util/display-path";
import { decodeUtf8 } from "../csv";
import * as schemas from "../schemas";
import { parseTable } from "../table";
import { profileId, type ImportedRows } from "./summarise";

/** Each file's columns in order, from its schema: a column the schema gains is written with the rest. */
const columnsOf = (spec: { columns: object }) => Object.keys(spec.columns);
const WORKLOAD_COLUMNS = columnsOf(schemas.workloads);
const TRAFFIC_PROFILE_COLUMNS = columnsOf(schemas.trafficProfiles);
const TOKEN_STATS_FILE = schemas.workloadTokenStats.file;
const TOKEN_STATS_COLUMNS = columnsOf(schemas.workloadTokenStats);

interface CsvFile {
  file: string;
  exists: boolean;
  header: string[];
  rows: Array<Record<string, string>>;
  bom: boolean;
  windowsLineEnds: boolean;
}

/** A CSV file's header and rows as text; an absent file reads as an empty one with `columns`. */
function readCsvFile(file: string, columns: readonly string[]): CsvFile {
  if (!existsSync(file)) return { file, exists: false, header: [...columns], rows: [], bom: false, windowsLineEnds: false };
  const bytes = readFileSync(file);
  const text = decodeUtf8(bytes, displayPath(file));
  try {
    const [header = []] = parse(text, { bom: true, to_line: 1 }) as string[][];
    const rows = parse(text, { bom: true, columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
    return {
      file,
      exists: true,
      header: header.map((name) => name.trim()),
      rows,
      bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf,
      windowsLineEnds: text.includes("\r\n"),
    };
  } catch (error) {
    throw new DataError([{ file: displayPath(file), line: 1, column: 1, message: `CSV syntax error: ${(error as Error).message}` }]);
  }
}

/** The header with each missing column added after the nearest earlier one of `columns` it has (at the start when none). */
function withColumns(header: readonly string[], columns: readonly string[]): string[] {
  const result = [...header];
  for (const [index, column] of columns.entries()) {
    if (result.includes(column)) continue;
    const earlier = columns
      .slice(0, index)
      .reverse()
      .find((name) => result.includes(name));
    result.splice(earlier === undefined ? 0 : result.indexOf(earlier) + 1, 0, column);
  }
  return result;
}

/**
 * The file's text: a cell a spreadsheet would run as a formula (one starting with = + - @, a tab or a carriage
 * return) gets a leading apostrophe, which spreadsheets show as text (csv-stringify's escape_formulas).
 */
function csvText(csv: CsvFile, header: readonly string[], rows: ReadonlyArray<Record<string, string>>): string {
  return stringify(rows as Array<Record<string, string>>, {
    header: true,
    columns: [...header],
    bom: csv.bom,
    record_delimiter: csv.windowsLineEnds ? "windows" : "unix",
    escape_formulas: true,
  });
}

interface Targets {
  workloads: CsvFile;
  profiles: CsvFile;
  tokenStats: CsvFile;
}

function readTargets(dataDir: string): Targets {
  return {
    workloads: readCsvFile(path.join(dataDir, schemas.workloads.file), WORKLOAD_COLUMNS),
    profiles: readCsvFile(path.join(dataDir, schemas.trafficProfiles.file), TRAFFIC_PROFILE_COLUMNS),
    tokenStats: readCsvFile(path.join(dataDir, TOKEN_STATS_FILE), TOKEN_STATS_COLUMNS),
  };
}

const profileIds = (id: string) => [profileId(id, "weekday"), profileId(id, "weekend")];

/** Where rows of workload `id` already are, as `file (what)` texts; empty when the id is free. */
function existingRows(targets: Targets, id: string): string[] {
  const found: string[] = [];
  if (targets.workloads.rows.some((row) => row.workload_id === id))
    found.push(`${displayPath(targets.workloads.file)} (workload_id ${id})`);
  const profiles = profileIds(id).filter((profile) => targets.profiles.rows.some((row) => row.profile_id === profile));
  if (profiles.length) found.push(`${displayPath(targets.profiles.file)} (profile_id ${profiles.join(", ")})`);
  if (targets.tokenStats.rows.some((row) => row.workload_id === id))
    found.push(`${displayPath(targets.tokenStats.file)} (workload_id ${id})`);
  return found;
}

/** Refuses an id the folder already has, unless it is to be replaced: checked before any log is read, and again before writing. */
export function checkImportTarget(dataDir: string, id: string, replace: boolean, targets = readTargets(dataDir)): void {
  const found = existingRows(targets, id);
  if (found.length && !replace)
    throw new UsageError(`workload ${JSON.stringify(id)} is already in ${found.join(", ")}; give --replace to replace it, or another --id`);
}

export interface WrittenTable {
  /** The file as given (data folder joined with its name). */
  file: string;
  /** Rows of this workload written. */
  rows: number;
  /** Rows of this workload the write replaced. */
  replaced: number;
  /** Whether the file was new. */
  created: boolean;
}

/** Rows with `isOld` replaced by `added`: at the first old row's place, else at the end. */
function replaceRows(
  rows: ReadonlyArray<Record<string, string>>,
  isOld: (row: Record<string, string>) => boolean,
  added: ReadonlyArray<Record<string, string>>,
) {
  const first = rows.findIndex(isOld);
  const kept = rows.filter((row) => !isOld(row));
  const at = first === -1 ? kept.length : rows.slice(0, first).filter((row) => !isOld(row)).length;
  return { rows: [...kept.slice(0, at), ...added, ...kept.slice(at)], replaced: rows.length - kept.length };
}

/** Writes the imported rows of workload `id` (replacing its earlier rows when `replace`); returns what each file got. */
export function writeImportedRows(dataDir: string, id: string, imported: ImportedRows, replace: boolean): WrittenTable[] {
  const targets = readTargets(dataDir);
  checkImportTarget(dataDir, id, replace, targets);
  const ids = new Set(profileIds(id));
  const plans = [
    {
      csv: targets.tokenStats,
      columns: TOKEN_STATS_COLUMNS,
      isOld: (row: Record<string, string>) => row.workload_id === id,
      added: imported.tokenStats,
    },
    {
      csv: targets.profiles,
      columns: TRAFFIC_PROFILE_COLUMNS,
      isOld: (row: Record<string, string>) => ids.has(row.profile_id ?? ""),
      added: imported.profiles,
    },
    // Last: the workload row names the profiles, which are then already there.
    {
      csv: targets.workloads,
      columns: WORKLOAD_COLUMNS,
      isOld: (row: Record<string, string>) => row.workload_id === id,
      added: [imported.workload],
    },
  ];
  const texts = plans.map((plan) => {
    const { rows, replaced } = replaceRows(plan.csv.rows, plan.isOld, plan.added);
    return { plan, replaced, text: csvText(plan.csv, withColumns(plan.csv.header, plan.columns), rows) };
  });
  // Capacity figures read the profiles: the file must still parse, each cell of its type and no profile hour twice.
  const profiles = texts[1] as (typeof texts)[number];
  const check = parseTable(schemas.trafficProfiles, profiles.text, displayPath(profiles.plan.csv.file));
  if (check.issues.length)
    throw new DataError(check.issues.map((issue) => ({ ...issue, message: `${issue.message} (after the import; nothing was written)` })));
  for (const { plan, text } of texts) writeFileAtomic(plan.csv.file, text);
  return texts.map(({ plan, replaced }) => ({ file: plan.csv.file, rows: plan.added.length, replaced, created: !plan.csv.exists }));
}

/**
 * Cell assignments: `hardware.csv:a100x4-70b:power_usd_per_month=115` names one numeric cell of a data table
 * (file, the row's id, column) and a value for it. The audit uses them to recompute a printed figure from the
 * inputs the chapter itself states where they differ from the data's, without editing the data.
 */
import type { Column } from "./columns";
import { camelCase } from "./table";

export interface CellAssignment {
  /** Data file, e.g. `hardware.csv`. */
  file: string;
  /** The row's id: the value of the table's key column. */
  rowId: string;
  /** The CSV column name, e.g. `power_usd_per_month`. */
  column: string;
  value: number;
}

const ASSIGNMENT = /^([A-Za-z0-9_.-]+\.csv):([A-Za-z0-9][A-Za-z0-9._-]*):([a-z0-9_]+)=([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)$/;

/** Parses one `file:row:column=number`; undefined when it is not written that way. */
export function parseAssignment(text: string): CellAssignment | undefined {
  const match = ASSIGNMENT.exec(text.trim());
  if (!match) return undefined;
  const [, file, rowId, column, value] = match as unknown as [string, string, string, string, string];
  return { file, rowId, column, value: Number(value) };
}

/** A column of `;`-separated assignments; empty is none. */
export const assignments = (): Column<CellAssignment[]> => ({
  expects: "empty or assignments written file.csv:row_id:column=number, separated by ';'",
  parse(raw) {
    if (raw.trim() === "") return { ok: true, value: [] };
    const parsed = raw.split(";").map(parseAssignment);
    return parsed.every((item): item is CellAssignment => item !== undefined) ? { ok: true, value: parsed } : { ok: false };
  },
});

export const formatCellReference = (item: CellReference): string => `${item.file}:${item.rowId}:${item.column}`;

/** What an assignment needs of a table spec: its file, key and column names. */
export interface AssignableSpec {
  file: string;
  key: readonly string[];
  columns: object;
}

/** A table an assignment may target: one with a single key column, with its rows. */
export interface AssignableTable {
  spec: AssignableSpec;
  rows: readonly Record<string, unknown>[];
}

/** Why a cell an assignment or reference names is not in the tables, or undefined when it is. */
export function cellProblem(item: CellReference, tables: readonly AssignableTable[]): string | undefined {
  const table = tables.find((candidate) => candidate.spec.file === item.file);
  if (!table) return `${formatCellReference(item)}: no data table ${item.file}`;
  const [key, ...more] = table.spec.key;
  if (key === undefined || more.length > 0) return `${formatCellReference(item)}: ${item.file} has no single id column`;
  if (!(item.column in table.spec.columns) || item.column === key)
    return `${formatCellReference(item)}: ${item.file} has no column ${item.column} to set`;
  if (!table.rows.some((row) => row[camelCase(key)] === item.rowId))
    return `${formatCellReference(item)}: ${item.file} has no row ${key} ${JSON.stringify(item.rowId)}`;
  return undefined;
}

/**
 * The rows with the assignments that target this table applied (a copy; unchanged rows are shared).
 * An assignment that names no row of the table changes nothing: the data layer reports those when it loads.
 */
export function assignRows<Row extends object>(
  spec: AssignableSpec,
  rows: readonly Row[],
  items: readonly CellAssignment[],
): readonly Row[] {
  const mine = items.filter((item) => item.file === spec.file);
  const key = spec.key[0];
  if (mine.length === 0 || key === undefined) return rows;
  const keyField = camelCase(key);
  return rows.map((row) => {
    const cells = mine.filter((item) => (row as Record<string, unknown>)[keyField] === item.rowId);
    return cells.length === 0 ? row : { ...row, ...Object.fromEntries(cells.map((item) => [camelCase(item.column), item.value])) };
  });
}

/** One data cell, `file.csv:row_id:column`, named without a value. */
export type CellReference = Omit<CellAssignment, "value">;

/** A column naming one data cell, `file.csv:row_id:column`; empty is none. */
export const cellReference = (): Column<CellReference | undefined> => ({
  expects: "empty or a data cell written file.csv:row_id:column",
  parse(raw) {
    if (raw.trim() === "") return { ok: true, value: undefined };
    const parsed = parseAssignment(`${raw.trim()}=0`);
    return parsed ? { ok: true, value: { file: parsed.file, rowId: parsed.rowId, column: parsed.column } } : { ok: false };
  },
});

import type { DataIssue } from "../errors";
import type { Column } from "./columns";
import { parseCsv } from "./csv";

/** A word after the first: capitalised, and `mtok` (a million tokens) spelt as the model spells it, `MTok`. */
type Word<S extends string> = S extends "mtok" ? "MTok" : Capitalize<S>;

/** `input_usd_per_mtok` → `inputUsdPerMTok`, at the type level. */
type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${CamelTail<Tail>}` : S;
type CamelTail<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Word<Head>}${CamelTail<Tail>}` : Word<S>;

export type ColumnSpec = Record<string, Column<unknown>>;

/** The typed row of a table: one camelCase field per CSV column. */
export type RowOf<C extends ColumnSpec> = {
  [K in keyof C & string as CamelCase<K>]: C[K] extends Column<infer T> ? T : never;
};

export interface TableSpec<C extends ColumnSpec> {
  /** File name inside the data folder, e.g. `models.csv`. */
  file: string;
  columns: C;
  /** Columns whose values together identify a row; duplicates are errors. */
  key: (keyof C & string)[];
  /** Columns that may be left out of the file entirely (all their cells are then empty). */
  omittable?: (keyof C & string)[];
  /**
   * The whole file may be absent (the table is then empty): tables added after a data folder's first
   * version, so older snapshots still load for the analyses they can serve.
   */
  optionalFile?: boolean;
  /** Its money columns (`…usd…`) may be stated in another currency (`capex_cny`), converted at exchange_rates.csv's rate. */
  anyCurrency?: boolean;
}

/** A parsed table: valid rows, and for each row where it came from, for later cross-file checks. */
export interface ParsedTable<Row> {
  file: string;
  rows: Row[];
  /** Locates a column of row `index` as file line and 1-based field number. */
  locate(index: number, column: string): { file: string; line: number; column: number };
  issues: DataIssue[];
  /** What is worth a warning but not an error: columns roilab does not read, kept as they are. */
  notes: DataIssue[];
  /**
   * Money columns the file states in another currency than USD (`capex_cny` for `capex_usd`), by column name
   * as the spec spells it, with the ISO code: their values are as written, still to be converted to USD.
   */
  currencies: Record<string, string>;
}

/** Declares a table spec with its column names checked against `key` and `omittable`. */
export function defineTable<C extends ColumnSpec>(spec: TableSpec<C>): TableSpec<C> {
  return spec;
}

/** `input_usd_per_mtok` → `inputUsdPerMTok`: the field a column becomes, in the model's spelling of every unit. */
export function camelCase(name: string): string {
  return name.replace(/_([a-z0-9]+)/g, (_, word: string) => (word === "mtok" ? "MTok" : word.charAt(0).toUpperCase() + word.slice(1)));
}

function quote(raw: string): string {
  return JSON.stringify(raw);
}

/** Levenshtein distance: how many single-character edits turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length] as number;
}

/** The unknown header name that is most likely a misspelling of `name`: the same but for case, or at most two edits away. */
function misspellingOf(name: string, unknown: readonly string[]): string | undefined {
  const scored = unknown.map((candidate) => ({
    candidate,
    distance: candidate.toLowerCase() === name ? 0 : editDistance(candidate.toLowerCase(), name),
  }));
  return scored.filter((entry) => entry.distance <= 2).sort((a, b) => a.distance - b.distance)[0]?.candidate;
}

/**
 * A money column's name tokens: `usd` marks the currency, as in `input_usd_per_mtok` or `capex_usd`. The underscore
 * after a token is looked at, not taken, so that a three-letter word before the currency (`ops_cny_per_month`) leaves
 * the currency's own underscore for it.
 */
const CURRENCY_TOKEN = /(^|_)([a-z]{3})(?=_|$)/g;

/**
 * The spec's money column a header cell names in another currency (`input_cny_per_mtok` → `input_usd_per_mtok`,
 * currency CNY), if it names one.
 */
function moneyColumnIn(name: string, columns: ColumnSpec): { column: string; currency: string } | undefined {
  for (const match of name.matchAll(CURRENCY_TOKEN)) {
    const code = match[2] as string;
    if (code === "usd") continue;
    const start = (match.index ?? 0) + (match[1] as string).length;
    const column = `${name.slice(0, start)}usd${name.slice(start + 3)}`;
    if (column in columns) return { column, currency: code.toUpperCase() };
  }
  return undefined;
}

/** Parses and validates one CSV table against its spec, collecting every problem rather than stopping at the first. */
export function parseTable<C extends ColumnSpec>(spec: TableSpec<C>, text: string, file: string): ParsedTable<RowOf<C>> {
  const parsedCsv = parseCsv(text, file);
  const records = parsedCsv.records;
  // Money columns may be stated in any currency: read under the spec's USD name, converted once rates are known.
  const currencies: Record<string, string> = {};
  const doubled: DataIssue[] = [];
  const header = parsedCsv.header.map((name) => {
    const money = !spec.anyCurrency || name in spec.columns ? undefined : moneyColumnIn(name, spec.columns);
    if (!money) return name;
    // One amount in two currencies: which one counts would be a guess.
    if (parsedCsv.header.includes(money.column) || money.column in currencies) {
      doubled.push({
        file,
        line: 1,
        column: parsedCsv.header.indexOf(name) + 1,
        message: `${name} states ${money.column} again in another currency; keep one of them`,
      });
      return name;
    }
    currencies[money.column] = money.currency;
    return money.column;
  });
  const issues: DataIssue[] = [...doubled];
  const names = Object.keys(spec.columns);
  const omittable = new Set<string>(spec.omittable ?? []);

  const unknown = header.filter((name) => !(name in spec.columns));
  const misspelt = new Set<string>();
  for (const name of names) {
    if (header.includes(name)) continue;
    // A column the file lacks and an unknown one that is nearly its name: an error that says which was meant.
    const guess = misspellingOf(
      name,
      unknown.filter((candidate) => !misspelt.has(candidate)),
    );
    if (guess !== undefined) {
      misspelt.add(guess);
      issues.push({
        file,
        line: 1,
        column: header.indexOf(guess) + 1,
        message: `unknown column ${quote(guess)}: did you mean ${quote(name)}${omittable.has(name) ? "" : ", a required column"}?`,
      });
    } else if (!omittable.has(name)) {
      issues.push({ file, line: 1, column: header.length + 1, message: `missing required column ${quote(name)}` });
    }
  }
  const notes: DataIssue[] = [];
  header.forEach((name, index) => {
    if (header.indexOf(name) !== index) issues.push({ file, line: 1, column: index + 1, message: `column ${quote(name)} appears twice` });
    else if (!(name in spec.columns) && !misspelt.has(name))
      notes.push({ file, line: 1, column: index + 1, message: `column ${quote(name)} is not one roilab reads; it is kept as it is` });
  });

  const rows: RowOf<C>[] = [];
  const rowLines: number[] = [];
  const firstLineOfKey = new Map<string, number>();
  for (const { line, fields } of records) {
    if (fields.length !== header.length) {
      issues.push({
        file,
        line,
        column: Math.min(fields.length, header.length) + 1,
        message: `expected ${header.length} fields, got ${fields.length}`,
      });
    }
    const row: Record<string, unknown> = {};
    let valid = true;
    for (const name of names) {
      const index = header.indexOf(name);
      const raw = index >= 0 ? (fields[index] ?? "") : "";
      const column = spec.columns[name] as Column<unknown>;
      const parsed = column.parse(raw);
      if (parsed.ok) {
        row[camelCase(name)] = parsed.value;
      } else if (index >= 0) {
        valid = false;
        const written = parsedCsv.header[index] ?? name;
        issues.push({
          file,
          line,
          column: index + 1,
          message: `${written} must be ${column.expects}, got ${quote(raw)}${parsed.reason ? ` (${parsed.reason})` : ""}`,
        });
      } else {
        valid = false; // the missing column is already reported once, on the header
      }
    }
    const keyText = spec.key.map((name) => fields[header.indexOf(name)]?.trim() ?? "").join(" / ");
    const firstLine = firstLineOfKey.get(keyText);
    if (firstLine !== undefined && spec.key.every((name) => header.includes(name))) {
      issues.push({
        file,
        line,
        column: header.indexOf(spec.key[0] as string) + 1,
        message: `${spec.key.join(" + ")} ${quote(keyText)} is duplicated (first on line ${firstLine})`,
      });
      continue;
    }
    firstLineOfKey.set(keyText, line);
    if (valid) {
      rows.push(row as RowOf<C>);
      rowLines.push(line);
    }
  }

  return {
    file,
    rows,
    issues,
    notes,
    currencies,
    locate(index, column) {
      return { file, line: rowLines[index] ?? 1, column: header.indexOf(column) + 1 || 1 };
    },
  };
}

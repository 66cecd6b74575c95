/**
 * Papermill-style parameters: a cell tagged `parameters` declares defaults; overrides go into a cell tagged
 * `injected-parameters` right after it. tslab lets a later cell redeclare a `const`, so plain declarations work.
 */
import { UsageError } from "../errors";
import { readJsonObject } from "../util/read-json";
import { cellSource, hasTag, newCellId, sourceLines, type Notebook } from "./nbformat";

export type ParameterValue = string | number | boolean | null | ParameterValue[] | { [key: string]: ParameterValue };
export type Parameters = Record<string, ParameterValue>;

/** A data folder's own parameter values, and the file they were read from (messages about them name it). */
export interface DataFolderParameters {
  values: Parameters;
  file: string;
  /** Names among `values` the caller reads itself (a page's language): no notebook need declare them. */
  settings?: readonly string[];
}

/** Reads a data folder's own parameter values: the caller knows where a folder keeps them. */
export type ReadDataFolderParameters = (dir: string) => DataFolderParameters;

export interface DeclaredParameter {
  name: string;
  /** The declared type annotation, e.g. `number`, kept on the injected declaration. */
  type: string | undefined;
  /** The default's source text. */
  defaultSource: string;
}

const DECLARATION = /^(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::\s*([^=]+?))?\s*=\s*(.+?);?\s*(?:\/\/.*)?$/;

/** The top-level declarations of a parameters cell, one per line. */
export function declaredParameters(source: string): DeclaredParameter[] {
  return source.split("\n").flatMap((line) => {
    const match = DECLARATION.exec(line);
    return match ? [{ name: match[1] as string, type: match[2]?.trim(), defaultSource: (match[3] as string).trim() }] : [];
  });
}

/** `-p name=value`: JSON where the value parses as JSON (numbers, booleans, null, arrays, objects, quoted strings), else a plain string. */
export function parseParameterFlag(flag: string): [string, ParameterValue] {
  const equals = flag.indexOf("=");
  if (equals <= 0) throw new UsageError(`-p expects name=value, got ${JSON.stringify(flag)}`);
  const name = flag.slice(0, equals).trim();
  const raw = flag.slice(equals + 1);
  try {
    return [name, JSON.parse(raw) as ParameterValue];
  } catch {
    return [name, raw];
  }
}

/** `--params file.json`: an object of parameter values. */
export function readParametersFile(file: string): Parameters {
  return readJsonObject(file, "parameters file") as Parameters;
}

export interface InjectionResult {
  notebook: Notebook;
  /** The notebook's declared parameters and their defaults. */
  declared: DeclaredParameter[];
}

/** What kind of JSON value `value` is, as messages name it. */
function kindOf(value: ParameterValue): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return { string: "text", number: "a number", boolean: "true or false", object: "an object" }[typeof value as "string"] ?? typeof value;
}

/**
 * Refuses a value of another kind than the parameter's default (text for a list of ids, a number for text), which
 * the kernel would only find after it started, in a later cell. A default that is not a JSON literal, or null,
 * says nothing about its kind.
 */
function checkKinds(
  declared: readonly DeclaredParameter[],
  values: Parameters,
  sourceOf: (name: string) => string,
  notebookName: string,
): void {
  for (const parameter of declared) {
    if (!(parameter.name in values)) continue;
    let fallback: ParameterValue;
    try {
      fallback = JSON.parse(parameter.defaultSource) as ParameterValue;
    } catch {
      continue;
    }
    const value = values[parameter.name] as ParameterValue;
    if (fallback === null || kindOf(value) === kindOf(fallback)) continue;
    throw new UsageError(
      `${sourceOf(parameter.name)}: ${parameter.name} must be ${kindOf(fallback)}, as its default ${parameter.defaultSource} in ${notebookName} is, got ${JSON.stringify(value)}`,
    );
  }
}

/**
 * Returns a copy of the notebook with `parameters` injected after its parameters cell (replacing an earlier
 * injected cell). Names the notebook does not declare are a UsageError listing the valid ones, and so is a value
 * of another kind than its default. `optional` values are injected only where the notebook declares them (e.g.
 * dataDir from --data); `optionalSource` names where they came from in messages.
 */
export function injectParameters(
  notebook: Notebook,
  parameters: Parameters,
  notebookName: string,
  optional: Parameters = {},
  optionalSource = "--data",
): InjectionResult {
  const copy = structuredClone(notebook);
  copy.cells = copy.cells.filter((cell) => !hasTag(cell, "injected-parameters"));
  const index = copy.cells.findIndex((cell) => cell.cell_type === "code" && hasTag(cell, "parameters"));
  const declared = index >= 0 ? declaredParameters(cellSource(copy.cells[index]!)) : [];
  const names = new Set(declared.map((parameter) => parameter.name));

  const unknown = Object.keys(parameters).filter((name) => !names.has(name));
  if (unknown.length > 0) {
    const valid = declared.length ? `valid parameters: ${declared.map((p) => p.name).join(", ")}` : "it has no cell tagged parameters";
    throw new UsageError(`${notebookName}: unknown parameter${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; ${valid}`);
  }
  const values: Parameters = { ...Object.fromEntries(Object.entries(optional).filter(([name]) => names.has(name))), ...parameters };
  if (Object.keys(values).length === 0) return { notebook: copy, declared };
  checkKinds(declared, values, (name) => (name in parameters ? `-p ${name}` : optionalSource), notebookName);

  const lines = declared
    .filter((parameter) => parameter.name in values)
    .map(
      (parameter) => `const ${parameter.name}${parameter.type ? `: ${parameter.type}` : ""} = ${JSON.stringify(values[parameter.name])};\n`,
    );
  copy.cells.splice(index + 1, 0, {
    id: newCellId(),
    cell_type: "code",
    source: sourceLines(`// Parameters injected by roilab run\n${lines.join("")}`.trimEnd()),
    metadata: { tags: ["injected-parameters"] },
    outputs: [],
    execution_count: null,
  });
  copy.metadata.papermill = { ...(copy.metadata.papermill as object | undefined), parameters: values };
  return { notebook: copy, declared };
}

/** The value a parameter will have: injected, else its default when that is a JSON literal. */
export function parameterValue(result: InjectionResult, name: string, injected: Parameters): ParameterValue | undefined {
  if (name in injected) return injected[name];
  const declared = result.declared.find((parameter) => parameter.name === name);
  if (!declared) return undefined;
  try {
    return JSON.parse(declared.defaultSource) as ParameterValue;
  } catch {
    return undefined;
  }
}

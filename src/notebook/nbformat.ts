/** The parts of nbformat 4.5 that roilab reads and writes. */
import { randomBytes } from "node:crypto";
import { UsageError } from "../errors";
import { readJsonFile } from "../util/read-json";
import type { MimeBundle } from "./protocol";

export interface StreamOutput {
  output_type: "stream";
  name: "stdout" | "stderr";
  text: string;
}

export interface DisplayDataOutput {
  output_type: "display_data";
  data: MimeBundle;
  metadata: Record<string, unknown>;
}

export interface ExecuteResultOutput {
  output_type: "execute_result";
  execution_count: number | null;
  data: MimeBundle;
  metadata: Record<string, unknown>;
}

export interface ErrorOutput {
  output_type: "error";
  ename: string;
  evalue: string;
  traceback: string[];
}

export type CellOutput = StreamOutput | DisplayDataOutput | ExecuteResultOutput | ErrorOutput;

export interface CellMetadata {
  tags?: string[];
  execution?: Record<string, string>;
  [key: string]: unknown;
}

export interface Cell {
  id: string;
  cell_type: "code" | "markdown" | "raw";
  source: string | string[];
  metadata: CellMetadata;
  outputs?: CellOutput[];
  execution_count?: number | null;
  attachments?: unknown;
}

export interface Notebook {
  nbformat: number;
  nbformat_minor: number;
  metadata: Record<string, unknown> & {
    kernelspec?: { name: string; display_name: string; language?: string };
  };
  cells: Cell[];
}

export function cellSource(cell: Cell): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}

/** Jupyter's form: a list of lines, each but the last ending in a newline. */
export function sourceLines(text: string): string[] {
  return text.split(/(?<=\n)/);
}

export function newCellId(): string {
  return randomBytes(4).toString("hex");
}

export function hasTag(cell: Cell, tag: string): boolean {
  return cell.metadata.tags?.includes(tag) ?? false;
}

/** What makes a cell unreadable as nbformat 4, if anything. */
function cellProblem(cell: unknown): string | undefined {
  if (cell === null || typeof cell !== "object" || Array.isArray(cell))
    return `a cell must be an object, got ${JSON.stringify(cell)?.slice(0, 40) ?? String(cell)}`;
  const { cell_type: type, source } = cell as { cell_type?: unknown; source?: unknown };
  if (type !== "code" && type !== "markdown" && type !== "raw")
    return `cell_type must be code, markdown or raw, got ${JSON.stringify(type) ?? "nothing"}`;
  const text = typeof source === "string" || (Array.isArray(source) && source.every((line) => typeof line === "string"));
  if (!text) return `source must be text or a list of lines, got ${JSON.stringify(source) ?? "nothing"}`;
  return undefined;
}

/** Reads a notebook; a file that is not nbformat 4 JSON is bad input (exit code 2). Cells without ids get one (nbformat 4.5). */
export function readNotebook(file: string): Notebook {
  const notebook = readJsonFile(file, "notebook") as Notebook;
  if (notebook?.nbformat !== 4 || !Array.isArray(notebook.cells)) {
    throw new UsageError(`${file}: not an nbformat 4 notebook`);
  }
  notebook.cells.forEach((cell: unknown, index) => {
    const problem = cellProblem(cell);
    if (problem) throw new UsageError(`${file}, cell ${index + 1}: ${problem}`);
  });
  for (const cell of notebook.cells) {
    cell.metadata ??= {};
    cell.id ??= newCellId();
  }
  notebook.nbformat_minor = Math.max(notebook.nbformat_minor ?? 0, 5);
  return notebook;
}

export function serializeNotebook(notebook: Notebook): string {
  return `${JSON.stringify(notebook, null, 1)}\n`;
}

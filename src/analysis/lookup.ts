/** Rows of a dataset by id; an id the data does not have is an InputError that lists the ids it does have. */
import type { Dataset, HardwareRow, ModelRow, WorkloadRow } from "../data";
import { InputError } from "../errors";

/** The row whose `key` is `id`; `what` names the id column in the message. */
export function byId<T>(rows: readonly T[], id: string, key: (row: T) => string, what: string): T {
  const row = rows.find((candidate) => key(candidate) === id);
  if (!row) throw new InputError(`unknown ${what} ${JSON.stringify(id)}; known: ${rows.map(key).join(", ")}`);
  return row;
}

/** The row with this id, or the first row (the default) when none is given. */
export function byIdOrFirst<T>(rows: readonly T[], id: string | undefined, key: (row: T) => string, what: string, file: string): T {
  if (id !== undefined) return byId(rows, id, key, what);
  const first = rows[0];
  if (!first) throw new InputError(`${file} has no rows`);
  return first;
}

export const findModel = (data: Dataset, id: string): ModelRow => byId(data.models, id, (row) => row.modelId, "model_id");
export const findHardware = (data: Dataset, id: string): HardwareRow => byId(data.hardware, id, (row) => row.hardwareId, "hardware_id");

/** The workload with this id, or the first (the default) when none is given. */
export function findWorkload(data: Dataset, id?: string): WorkloadRow {
  return byIdOrFirst(data.workloads, id, (row) => row.workloadId, "workload_id", "workloads.csv");
}

/** A dataset with cell assignments applied: the data as a source states it where it differs from the data folder. */
import { assignRows, type AssignableSpec, type CellAssignment } from "./assignments";
import type { Dataset } from "./dataset";
import * as schemas from "./schemas";

/** The dataset with the assignments applied to the tables they name; the original is left as it is. */
export function withAssignments(data: Dataset, items: readonly CellAssignment[]): Dataset {
  if (items.length === 0) return data;
  const copy: Record<string, unknown> = { ...data };
  for (const [name, spec] of Object.entries(schemas)) {
    if (!isTableSpec(spec) || !Array.isArray(copy[name])) continue;
    copy[name] = assignRows(spec, copy[name] as object[], items);
  }
  return copy as unknown as Dataset;
}

function isTableSpec(value: unknown): value is AssignableSpec {
  return typeof value === "object" && value !== null && "file" in value && "columns" in value && "key" in value;
}

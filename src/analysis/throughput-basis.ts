/**
 * Whether a throughput row's prompt (prefill) rate was measured or worked out from its output rate, so tables,
 * figures and texts never call a derived rate measured.
 */
import type { ThroughputRow } from "../data";

export type PromptRateBasis = "measured" | "derived";

/** A source that states the prompt rate as a multiple of the output rate ("prompt rate = output rate x …"). */
const DERIVED_IN_SOURCE = /prompt rate\s*=\s*output rate/i;

/** The row's `prompt_rate_basis`; where a data folder leaves it empty, what its source text says. */
export function promptRateBasis(row: Pick<ThroughputRow, "promptRateBasis" | "source">): PromptRateBasis {
  return row.promptRateBasis ?? (DERIVED_IN_SOURCE.test(row.source) ? "derived" : "measured");
}

/** How a table or figure labels the row's rates: "measured" or "output measured, prompt derived". */
export function throughputBasisLabel(row: Pick<ThroughputRow, "promptRateBasis" | "source">): string {
  return promptRateBasis(row) === "derived" ? "output measured, prompt derived" : "measured";
}

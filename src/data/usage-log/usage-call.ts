/**
 * One model call read from an agent's usage log, in roilab's terms whatever the log's format: input counted
 * whole (cache reads and writes included, as providers bill them), output split into what the caller sees and
 * the model's reasoning.
 */

export interface UsageCall {
  /** The model as the log names it; "" when the log names none. */
  model: string;
  /** The provider as the log names it (or as its shape shows); "" when unknown. */
  provider: string;
  /** When the call started, milliseconds since 1970-01-01 UTC; undefined when the log gives no time. */
  startMs: number | undefined;
  /** Every input token, cache reads and cache writes included. */
  inputTokens: number;
  /** Input tokens read from the provider's prompt cache (part of inputTokens). */
  cacheReadTokens: number;
  /** Input tokens written to the provider's prompt cache (part of inputTokens). */
  cacheWriteTokens: number;
  /** Output tokens the caller receives, reasoning excluded. */
  visibleOutputTokens: number;
  /** Output tokens the model spent reasoning. */
  reasoningTokens: number;
}

/** What is wrong with one line of a log; the streaming reader adds the file and line. */
export class LineProblem extends Error {
  override name = "LineProblem";
}

/** Token counts as logs report them: output with the reasoning in it, input with the cache in it. */
export interface ReportedCounts {
  inputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  /** Output tokens, reasoning included. */
  outputTokens: number;
  reasoningTokens: number;
}

/** The counts of a call, checked: whole, non-negative, and the parts no larger than the wholes they belong to. */
export function splitCounts(
  counts: ReportedCounts,
  where: string,
): Pick<UsageCall, "inputTokens" | "cacheReadTokens" | "cacheWriteTokens" | "visibleOutputTokens" | "reasoningTokens"> {
  for (const [name, value] of Object.entries(counts)) {
    const words = name.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`);
    if (!Number.isSafeInteger(value) || value < 0)
      throw new LineProblem(`${where}${words} must be a whole number, got ${JSON.stringify(value)}`);
  }
  if (counts.cacheReadTokens + counts.cacheWriteTokens > counts.inputTokens) {
    throw new LineProblem(
      `${where}cache reads (${counts.cacheReadTokens}) and writes (${counts.cacheWriteTokens}) exceed the input tokens (${counts.inputTokens}) that include them`,
    );
  }
  if (counts.reasoningTokens > counts.outputTokens) {
    throw new LineProblem(
      `${where}reasoning tokens (${counts.reasoningTokens}) exceed the output tokens (${counts.outputTokens}) that include them`,
    );
  }
  return {
    inputTokens: counts.inputTokens,
    cacheReadTokens: counts.cacheReadTokens,
    cacheWriteTokens: counts.cacheWriteTokens,
    visibleOutputTokens: counts.outputTokens - counts.reasoningTokens,
    reasoningTokens: counts.reasoningTokens,
  };
}

/** 9999-12-31T23:59:59.999Z: later (or earlier than 1970) is a unit mistake, not a call's time. */
const LATEST_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** A call's start time in milliseconds, or a problem naming where it came from when it is no date a log could mean. */
export function checkedStartMs(ms: number, where: string, raw: unknown): number {
  if (!Number.isFinite(ms) || ms < 0 || ms > LATEST_MS)
    throw new LineProblem(`${where} ${JSON.stringify(raw)} is not a time from 1970 to 9999`);
  return ms;
}

/**
 * OpenTelemetry GenAI spans as OTLP/JSON: one ExportTraceServiceRequest per line, as the collector's file
 * exporter writes them (`resourceSpans[].scopeSpans[].spans[]`, attributes as `{key, value: {intValue…}}`).
 *
 * Token rules, from the GenAI semantic conventions:
 * - `gen_ai.usage.input_tokens` includes `gen_ai.usage.cache_read.input_tokens` and
 *   `gen_ai.usage.cache_creation.input_tokens` (each "SHOULD be included in gen_ai.usage.input_tokens").
 * - `gen_ai.usage.reasoning.output_tokens` "SHOULD be included in gen_ai.usage.output_tokens", so the visible
 *   output is output_tokens minus reasoning. A span whose reasoning exceeds its output cannot follow that rule
 *   and is refused rather than guessed at.
 */
import { checkedStartMs, LineProblem, splitCounts, type UsageCall } from "./usage-call";

export interface OtlpLine {
  calls: UsageCall[];
  /** Spans that carry no gen_ai token usage (HTTP, database, tool spans…). */
  spansWithoutUsage: number;
  /**
   * Spans with usage whose operation is not a model call (`invoke_agent`, `execute_tool`, `embeddings`…): an
   * agent span's usage sums its model calls' spans, so counting both would count those tokens twice.
   */
  spansOfOtherOperations: number;
}

/** The operations that are one call of a model; a span naming none is taken as one too. */
const MODEL_CALL_OPERATIONS = new Set(["chat", "text_completion", "generate_content"]);

type AnyValue = Record<string, unknown>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A list the OTLP JSON mapping may leave out when empty. */
function listAt(parent: Record<string, unknown>, key: string, where: string): unknown[] {
  const value = parent[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new LineProblem(`${where}${key} must be a list, got ${JSON.stringify(value)}`);
  return value;
}

/** The span's gen_ai.* attributes by key; others are never looked at. */
function genAiAttributes(span: Record<string, unknown>, where: string): Map<string, AnyValue> {
  const attributes = new Map<string, AnyValue>();
  for (const attribute of listAt(span, "attributes", where)) {
    if (!isObject(attribute) || typeof attribute.key !== "string")
      throw new LineProblem(`${where}an attribute must be {key, value}, got ${JSON.stringify(attribute)}`);
    if (attribute.key.startsWith("gen_ai.") && isObject(attribute.value)) attributes.set(attribute.key, attribute.value);
  }
  return attributes;
}

/** A token count: OTLP/JSON writes int64 as a string ("1200"), the JS serializer as a number; a whole doubleValue is accepted too. */
function tokens(attributes: Map<string, AnyValue>, key: string, where: string): number | undefined {
  const value = attributes.get(key);
  if (value === undefined) return undefined;
  const raw = value.intValue ?? value.doubleValue;
  const count = typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof count !== "number" || !Number.isSafeInteger(count) || count < 0)
    throw new LineProblem(`${where}${key} must be a whole number of tokens, got ${JSON.stringify(value)}`);
  return count;
}

function text(attributes: Map<string, AnyValue>, key: string): string | undefined {
  const value = attributes.get(key)?.stringValue;
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** startTimeUnixNano, a decimal string (or number) of nanoseconds; 0 or absent means the span has no time. */
function startMs(span: Record<string, unknown>, where: string): number | undefined {
  const raw = span.startTimeUnixNano;
  if (raw === undefined || raw === null || raw === "0" || raw === 0) return undefined;
  if (typeof raw === "string" && /^\d+$/.test(raw))
    return checkedStartMs(Number(BigInt(raw) / 1_000_000n), `${where}startTimeUnixNano`, raw);
  if (typeof raw === "number" && Number.isFinite(raw)) return checkedStartMs(Math.floor(raw / 1e6), `${where}startTimeUnixNano`, raw);
  throw new LineProblem(`${where}startTimeUnixNano must be nanoseconds since 1970 as a string of digits, got ${JSON.stringify(raw)}`);
}

/** The model calls of one export request, and what was skipped. */
export function callsFromOtlpRequest(request: Record<string, unknown>): OtlpLine {
  const result: OtlpLine = { calls: [], spansWithoutUsage: 0, spansOfOtherOperations: 0 };
  let spanNumber = 0;
  for (const resourceSpans of listAt(request, "resourceSpans", "")) {
    if (!isObject(resourceSpans)) throw new LineProblem(`resourceSpans must hold objects, got ${JSON.stringify(resourceSpans)}`);
    for (const scopeSpans of listAt(resourceSpans, "scopeSpans", "")) {
      if (!isObject(scopeSpans)) throw new LineProblem(`scopeSpans must hold objects, got ${JSON.stringify(scopeSpans)}`);
      for (const span of listAt(scopeSpans, "spans", "")) {
        spanNumber += 1;
        const where = `span ${spanNumber}${isObject(span) && typeof span.name === "string" ? ` (${JSON.stringify(span.name)})` : ""}: `;
        if (!isObject(span)) throw new LineProblem(`${where}a span must be an object, got ${JSON.stringify(span)}`);
        const call = callFromSpan(span, where);
        if (call === "no-usage") result.spansWithoutUsage += 1;
        else if (call === "other-operation") result.spansOfOtherOperations += 1;
        else result.calls.push(call);
      }
    }
  }
  return result;
}

function callFromSpan(span: Record<string, unknown>, where: string): UsageCall | "no-usage" | "other-operation" {
  const attributes = genAiAttributes(span, where);
  const inputTokens = tokens(attributes, "gen_ai.usage.input_tokens", where);
  const outputTokens = tokens(attributes, "gen_ai.usage.output_tokens", where);
  if (inputTokens === undefined && outputTokens === undefined) return "no-usage";
  const operation = text(attributes, "gen_ai.operation.name");
  if (operation !== undefined && !MODEL_CALL_OPERATIONS.has(operation)) return "other-operation";
  const counts = splitCounts(
    {
      inputTokens: inputTokens ?? 0,
      cacheReadTokens: tokens(attributes, "gen_ai.usage.cache_read.input_tokens", where) ?? 0,
      cacheWriteTokens: tokens(attributes, "gen_ai.usage.cache_creation.input_tokens", where) ?? 0,
      outputTokens: outputTokens ?? 0,
      reasoningTokens: tokens(attributes, "gen_ai.usage.reasoning.output_tokens", where) ?? 0,
    },
    where,
  );
  return {
    model: text(attributes, "gen_ai.request.model") ?? text(attributes, "gen_ai.response.model") ?? "",
    // gen_ai.system is the attribute's older name.
    provider: text(attributes, "gen_ai.provider.name") ?? text(attributes, "gen_ai.system") ?? "",
    startMs: startMs(span, where),
    ...counts,
  };
}

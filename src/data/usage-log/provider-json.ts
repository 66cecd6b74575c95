/**
 * Raw provider responses logged as JSON lines: OpenAI chat completions and responses, Anthropic messages, Google
 * Gemini `usageMetadata`, bare or wrapped as `{"timestamp": ISO-or-epoch, "provider": "...", "response": {...}}`.
 * Usage is read by the price database's own extractors (`extractUsage` of @pydantic/genai-prices), which give
 * every provider's usage one shape: input_tokens with cache reads and writes in it (the Anthropic extractor adds
 * them), output_tokens with reasoning in it (OpenAI's completion tokens include it, the Gemini extractor adds
 * thoughts), and the cache and reasoning parts apart.
 */
import { extractUsage, findProvider, type Provider } from "@pydantic/genai-prices";
import { checkedStartMs, LineProblem, splitCounts, type UsageCall } from "./usage-call";

type ProviderId = "openai" | "anthropic" | "google";

/** Names a wrapper may give a provider whose responses one of the three extractors reads. */
const PROVIDER_NAMES: Record<string, ProviderId> = {
  openai: "openai",
  azure: "openai",
  azure_openai: "openai",
  "azure-openai": "openai",
  anthropic: "anthropic",
  google: "google",
  gemini: "google",
  "google-gla": "google",
  "google-vertex": "google",
  vertex: "google",
  vertex_ai: "google",
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

const providers = new Map<ProviderId, Provider>();
function provider(id: ProviderId): Provider {
  let found = providers.get(id);
  if (!found) {
    found = findProvider({ providerId: id });
    if (!found) throw new Error(`the price database has no provider ${id}`);
    providers.set(id, found);
  }
  return found;
}

/**
 * Which extractor reads a response: its shape decides the API (chat completions' prompt_tokens, the Responses and
 * Messages APIs' input_tokens, Gemini's usageMetadata), a wrapper's provider whose API it is. A provider the
 * database has no extractor for (Groq, DeepSeek, OpenRouter…) speaks OpenAI's chat API.
 */
function extractorFor(response: Record<string, unknown>, named: ProviderId | undefined): { id: ProviderId; flavor: string } {
  if (isObject(response.usageMetadata)) return { id: "google", flavor: "default" };
  const usage = response.usage;
  if (!isObject(usage)) throw new LineProblem('no usage: expected "usage" (OpenAI, Anthropic) or "usageMetadata" (Gemini) in the response');
  if ("prompt_tokens" in usage) return { id: named ?? "openai", flavor: "chat" };
  const anthropicShape = response.type === "message" || "cache_creation_input_tokens" in usage || "cache_read_input_tokens" in usage;
  if (named === "google") return { id: "google", flavor: "anthropic" };
  if (named === "anthropic" || (named === undefined && anthropicShape)) return { id: "anthropic", flavor: "default" };
  // Without cache fields the Messages and Responses APIs report the same counts, so either extractor gives them.
  return { id: "openai", flavor: "responses" };
}

/** A wrapper's timestamp: an ISO date-time with its zone, or epoch seconds or milliseconds (told apart by size). */
function wrapperStartMs(raw: unknown): number | undefined {
  if (raw === undefined || raw === null) return undefined;
  const where = "timestamp";
  if (typeof raw === "number" || (typeof raw === "string" && /^\d+(\.\d+)?$/.test(raw))) {
    const value = Number(raw);
    // 1e11 seconds is the year 5138: anything larger is milliseconds.
    return checkedStartMs(value >= 1e11 ? value : value * 1000, where, raw);
  }
  if (typeof raw === "string") {
    // A date-time without a zone would be read in this machine's zone: refused, not guessed.
    if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(raw.trim())) {
      throw new LineProblem(
        `timestamp ${JSON.stringify(raw)} must be an ISO date-time with its zone (2026-11-06T23:30:00Z) or epoch seconds or milliseconds`,
      );
    }
    return checkedStartMs(Date.parse(raw.trim().replace(" ", "T")), where, raw);
  }
  throw new LineProblem(`timestamp must be an ISO date-time or epoch seconds or milliseconds, got ${JSON.stringify(raw)}`);
}

/** The response's own time: OpenAI's `created` (chat) or `created_at` (responses), epoch seconds; Vertex's `createTime`. */
function responseStartMs(response: Record<string, unknown>): number | undefined {
  for (const key of ["created", "created_at"]) {
    const value = response[key];
    if (typeof value === "number") return checkedStartMs(value * 1000, key, value);
  }
  return typeof response.createTime === "string" ? wrapperStartMs(response.createTime) : undefined;
}

/** The call one logged response describes. */
export function callFromProviderLine(line: Record<string, unknown>): UsageCall {
  const wrapped = isObject(line.response) && ("timestamp" in line || "provider" in line);
  const response = wrapped ? (line.response as Record<string, unknown>) : line;
  const givenProvider = wrapped && typeof line.provider === "string" ? line.provider : undefined;
  if (wrapped && line.provider !== undefined && givenProvider === undefined)
    throw new LineProblem(`provider must be a name, got ${JSON.stringify(line.provider)}`);
  const named = givenProvider === undefined ? undefined : PROVIDER_NAMES[givenProvider.toLowerCase()];
  const { id, flavor } = extractorFor(response, named);

  let extracted: ReturnType<typeof extractUsage>;
  try {
    extracted = extractUsage(provider(id), response, flavor);
  } catch (error) {
    throw new LineProblem(`${id} ${flavor === "default" ? "" : `${flavor} `}response: ${(error as Error).message}`);
  }
  const usage = extracted.usage;
  const counts = splitCounts(
    {
      inputTokens: usage.input_tokens ?? 0,
      cacheReadTokens: usage.cache_read_tokens ?? 0,
      cacheWriteTokens: usage.cache_write_tokens ?? 0,
      outputTokens: usage.output_tokens ?? 0,
      reasoningTokens: usage.output_reasoning_tokens ?? 0,
    },
    "",
  );
  const startMs =
    wrapped && line.timestamp !== undefined && line.timestamp !== null ? wrapperStartMs(line.timestamp) : responseStartMs(response);
  return { model: extracted.model ?? "", provider: givenProvider ?? id, startMs, ...counts };
}

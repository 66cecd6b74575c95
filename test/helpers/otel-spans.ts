/**
 * OTLP/JSON lines made by the OpenTelemetry JS SDK itself: spans recorded by a BasicTracerProvider into an
 * in-memory exporter, with their start times set, then serialised by the OTLP transformer's JsonTraceSerializer,
 * the shape the collector's file exporter writes, one export request per line.
 */
import type { Attributes } from "@opentelemetry/api";
import { JsonTraceSerializer } from "@opentelemetry/otlp-transformer";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";

export interface SpanSpec {
  name: string;
  start: string;
  attributes: Attributes;
}

/** One export request holding `spans`, as one line of JSON (no newline). */
export function otlpLine(spans: readonly SpanSpec[]): string {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const tracer = provider.getTracer("roilab-test");
  for (const spec of spans) {
    const start = new Date(spec.start);
    tracer.startSpan(spec.name, { startTime: start, attributes: spec.attributes }).end(new Date(start.getTime() + 1500));
  }
  const text = new TextDecoder().decode(JsonTraceSerializer.serializeRequest(exporter.getFinishedSpans()));
  if (text.includes("\n")) throw new Error("the serializer wrote more than one line");
  return text;
}

/** A model call span as GenAI instrumentations record it. */
export function chatSpan(start: string, model: string, usage: Record<string, number>, extra: Attributes = {}): SpanSpec {
  const attributes: Attributes = {
    "gen_ai.operation.name": "chat",
    "gen_ai.provider.name": "openai",
    "gen_ai.request.model": model,
    ...extra,
  };
  for (const [kind, tokens] of Object.entries(usage)) attributes[`gen_ai.usage.${kind}`] = tokens;
  return { name: `chat ${model}`, start, attributes };
}

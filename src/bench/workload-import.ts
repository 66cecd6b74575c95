#!/usr/bin/env node
/**
 * npm run bench:import: `roilab workload import` of a million OTLP spans. A child process writes the spans
 * (one export request per line, as the collector's file exporter does, with an SDK's resource and span fields
 * and an instrumentation's gen_ai attributes, int64 as strings) into a temporary folder beside a copy of
 * data/2026-11; this process then imports them and prints the wall time and its peak resident memory
 * (process.resourceUsage().maxRSS), which streaming keeps bounded however long the file. The folder is removed.
 * ROILAB_BENCH_SPANS=N for another count.
 */
import { spawnSync } from "node:child_process";
import { cpSync, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { once } from "node:events";
import { importWorkload } from "../analysis/workload-import";
import { seededRandom } from "../model";
import { PROJECT_ROOT } from "../util/project-root";

const SPANS = Number(process.env.ROILAB_BENCH_SPANS ?? 1_000_000);
/** The spans cover four weeks from Monday 2026-11-02 00:00 UTC. */
const START_MS = Date.UTC(2026, 10, 2);
const SPAN_MS = 28 * 86_400_000;

/** Model names as the logs carry them: dated, by price_ref, and one models.csv lacks; with the share of calls each takes. */
const MODELS = [
  { provider: "openai", request: "gpt-6-sol", response: "gpt-6-sol-2026-10-01", share: 0.45, reasoning: true },
  { provider: "anthropic", request: "claude-sonnet-5-20261001", response: "claude-sonnet-5-20261001", share: 0.3, reasoning: false },
  { provider: "gcp.gemini", request: "gemini-3.8-flash", response: "gemini-3.8-flash", share: 0.15, reasoning: true },
  { provider: "groq", request: "qwen/qwen3-32b", response: "qwen/qwen3-32b", share: 0.08, reasoning: false },
  { provider: "openai", request: "agent-finetune-v3", response: "agent-finetune-v3", share: 0.02, reasoning: false },
];

const hex = (random: () => number, length: number) => Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join("");
const stringAttribute = (key: string, value: string) => ({ key, value: { stringValue: value } });
const intAttribute = (key: string, value: number) => ({ key, value: { intValue: String(value) } });

const RESOURCE = {
  attributes: [
    stringAttribute("service.name", "support-agent"),
    stringAttribute("service.version", "3.4.1"),
    stringAttribute("deployment.environment.name", "production"),
    stringAttribute("telemetry.sdk.language", "python"),
    stringAttribute("telemetry.sdk.name", "opentelemetry"),
    stringAttribute("telemetry.sdk.version", "1.38.0"),
  ],
};

/** One export request with one chat span, as a line of JSON. */
function spanLine(random: () => number): string {
  let pick = random();
  const model =
    MODELS.find((candidate) => {
      pick -= candidate.share;
      return pick < 0;
    }) ?? (MODELS[0] as (typeof MODELS)[number]);
  // Office hours in Asia/Shanghai (01:00-10:00 UTC) take most calls, weekends fewer.
  let startMs = START_MS + Math.floor(random() * SPAN_MS);
  if (random() < 0.7) startMs = startMs - (startMs % 86_400_000) + Math.floor((1 + random() * 9) * 3_600_000);
  const weekday = new Date(startMs).getUTCDay();
  if ((weekday === 0 || weekday === 6) && random() < 0.6) startMs -= 2 * 86_400_000;
  const input = 800 + Math.floor(random() ** 2 * 60_000);
  const cacheRead = random() < 0.7 ? Math.floor(input * (0.5 + random() * 0.4)) : 0;
  const cacheWrite = cacheRead === 0 && random() < 0.5 ? Math.floor((input - cacheRead) * random() * 0.8) : 0;
  const reasoning = model.reasoning ? Math.floor(random() * 3000) : 0;
  const output = 40 + Math.floor(random() ** 3 * 4000) + reasoning;
  const attributes = [
    stringAttribute("gen_ai.operation.name", "chat"),
    stringAttribute("gen_ai.provider.name", model.provider),
    stringAttribute("gen_ai.request.model", model.request),
    stringAttribute("gen_ai.response.model", model.response),
    stringAttribute("gen_ai.response.id", `resp_${hex(random, 24)}`),
    intAttribute("gen_ai.request.max_tokens", 8192),
    { key: "gen_ai.request.temperature", value: { doubleValue: 0.2 } },
    stringAttribute("gen_ai.response.finish_reasons", "stop"),
    intAttribute("gen_ai.usage.input_tokens", input),
    intAttribute("gen_ai.usage.output_tokens", output),
    ...(cacheRead ? [intAttribute("gen_ai.usage.cache_read.input_tokens", cacheRead)] : []),
    ...(cacheWrite ? [intAttribute("gen_ai.usage.cache_creation.input_tokens", cacheWrite)] : []),
    ...(reasoning ? [intAttribute("gen_ai.usage.reasoning.output_tokens", reasoning)] : []),
    stringAttribute("server.address", "api.example.com"),
  ];
  const durationMs = 500 + Math.floor(random() * 20_000);
  const span = {
    traceId: hex(random, 32),
    spanId: hex(random, 16),
    parentSpanId: hex(random, 16),
    name: `chat ${model.request}`,
    kind: 3,
    startTimeUnixNano: `${startMs}000000`,
    endTimeUnixNano: `${startMs + durationMs}000000`,
    attributes,
    droppedAttributesCount: 0,
    events: [],
    droppedEventsCount: 0,
    status: { code: 1 },
    links: [],
    droppedLinksCount: 0,
    flags: 257,
  };
  return JSON.stringify({
    resourceSpans: [
      {
        resource: RESOURCE,
        scopeSpans: [{ scope: { name: "opentelemetry.instrumentation.openai_v2", version: "0.52b0" }, spans: [span] }],
      },
    ],
  });
}

/** Child: writes `count` span lines to `file`, minding the stream's back-pressure. */
async function generate(file: string, count: number): Promise<void> {
  const random = seededRandom(59);
  const out = createWriteStream(file);
  for (let index = 0; index < count; index++) {
    if (!out.write(`${spanLine(random)}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

async function bench(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "roilab-bench-import-"));
  try {
    const file = path.join(dir, "spans.jsonl");
    const dataDir = path.join(dir, "data");
    cpSync(path.join(PROJECT_ROOT, "data", "2026-11"), dataDir, { recursive: true });
    process.stdout.write(`writing ${SPANS.toLocaleString("en-US")} OTLP spans, one export request a line…\n`);
    const generated = spawnSync(process.execPath, [__filename, "--generate", file, String(SPANS)], { stdio: "inherit" });
    if (generated.status !== 0) throw new Error(`generating the spans failed (exit code ${generated.status})`);
    const megabytes = statSync(file).size / 1024 / 1024;

    const rssBeforeMb = process.memoryUsage().rss / 1024 / 1024;
    const started = process.hrtime.bigint();
    const result = await importWorkload({ files: [file], dataDir, id: "bench", timeZone: "Asia/Shanghai" });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    // maxRSS is in kilobytes.
    const peakMb = process.resourceUsage().maxRSS / 1024;

    const span = result.span;
    process.stdout.write(
      [
        `file: ${megabytes.toFixed(0)} MB, ${result.log.lines.toLocaleString("en-US")} lines, ${result.summary.calls.toLocaleString("en-US")} calls (${span.weekday.callsPerDay.toFixed(1)} per weekday, ${span.weekend.callsPerDay.toFixed(1)} per weekend day)`,
        `import: ${seconds.toFixed(1)} s wall (${Math.round(result.summary.calls / seconds).toLocaleString("en-US")} calls/s, ${(megabytes / seconds).toFixed(1)} MB/s)`,
        `peak RSS: ${peakMb.toFixed(0)} MB (process.resourceUsage().maxRSS; ${rssBeforeMb.toFixed(0)} MB before the import)`,
        "",
      ].join("\n"),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [flag, file, count] = process.argv.slice(2);
(flag === "--generate" ? generate(file as string, Number(count)) : bench()).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error && error.stack ? error.stack : String(error)}\n`);
  process.exit(1);
});

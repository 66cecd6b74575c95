/**
 * An edition with many models: a copy of the 2026 edition whose models.csv is filled up to `count` models with
 * generated rows, plausible in price, context and region, each with a benchmark score and some with a long-context
 * tier, so every figure that draws one series per model draws more series than the palette has colours. Every row
 * it adds says it was generated, in its source, with the edition's date.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { roilab, type CliResult } from "./cli";
import { DATA_2026_DIR } from "./data-folder";
import { oncePerRun } from "./once-per-run";

export const GENERATED_SOURCE = "generated for the many-models browser test: not a real price";
const AS_OF = "2026-11-29";

/** Open-weight families as hosts serve them, and the hosts; a model is one of each. */
const FAMILIES = [
  "Llama 4 Scout 17B",
  "Llama 4 Maverick 17B",
  "Qwen3 Coder 480B A35B",
  "GLM 4.6",
  "Kimi K2 Instruct",
  "Mistral Small 3.2 24B",
  "Gemma 3 27B",
  "Phi 4 14B",
  "Nemotron Super 49B",
  "MiniMax M2",
  "DeepSeek R1 Distill 70B",
  "Qwen3 30B A3B",
];
const HOSTS: { provider: string; region: string }[] = [
  { provider: "Together AI", region: "US" },
  { provider: "Fireworks AI", region: "US" },
  { provider: "DeepInfra", region: "US" },
  { provider: "Scaleway", region: "EU" },
  { provider: "OpenRouter", region: "unknown" },
  { provider: "SiliconFlow", region: "CN" },
];

/** A number in [0, 1) from an integer, the same on every run. */
const unit = (seed: number) => {
  const x = Math.sin(seed * 12.9898 + 78.233) * 43758.5453;
  return x - Math.floor(x);
};
const round = (value: number, digits: number) => Number(value.toFixed(digits));

const csvField = (value: string | number | undefined) => {
  const text = value === undefined ? "" : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const csvLine = (fields: (string | number | undefined)[]) => `${fields.map(csvField).join(",")}\n`;
const withNewline = (text: string) => (text.endsWith("\n") ? text : `${text}\n`);

export interface GeneratedModel {
  modelId: string;
  modelName: string;
  provider: string;
}

/** The generated models a folder of `existing` models needs to reach `count`, in a fixed order. */
export function generatedModels(existing: number, count: number): GeneratedModel[] {
  return Array.from({ length: Math.max(0, count - existing) }, (_, index) => {
    const family = FAMILIES[index % FAMILIES.length] as string;
    const host = HOSTS[(index * 5 + Math.floor(index / FAMILIES.length)) % HOSTS.length]!;
    const slug = `${family}-${host.provider}`.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    return { modelId: `gen-${slug}`, modelName: `${family} (${host.provider})`, provider: host.provider };
  });
}

export interface ManyModelsEdition {
  /** The edition's folder: a data folder `roilab report --data` takes. */
  dir: string;
  /** Every model id of its models.csv, the generated ones last. */
  modelIds: string[];
  generated: GeneratedModel[];
  dispose(): void;
}

/** Writes the 2026 edition with models.csv filled up to `count` models (40 by default) into a folder of its own. */
export function manyModelsEdition(count = 40, dir = mkdtempSync(path.join(tmpdir(), "roilab-many-models-"))): ManyModelsEdition {
  cpSync(DATA_2026_DIR, dir, { recursive: true });
  const modelsFile = path.join(dir, "models.csv");
  const modelsText = withNewline(readFileSync(modelsFile, "utf8"));
  const header = modelsText.split("\n")[0]!.split(",");
  const existingIds = modelsText
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(",")[0]!);
  const generated = generatedModels(existingIds.length, count);
  const prices = generated.map((_, index) => {
    const input = round(0.05 + unit(index + 1) ** 2 * 2.5, 3);
    return { input, output: round(input * (1.5 + unit(index + 101) * 3), 3) };
  });
  const rows = generated.map((model, index) => {
    const { input, output } = prices[index]!;
    const cached = index % 3 === 0 ? round(input / 10, 4) : undefined;
    const values: Record<string, string | number | undefined> = {
      model_id: model.modelId,
      model_name: model.modelName,
      provider: model.provider,
      input_usd_per_mtok: input,
      output_usd_per_mtok: output,
      cached_input_usd_per_mtok: cached,
      context_tokens: [32768, 131072, 262144][index % 3],
      data_region: HOSTS.find((host) => host.provider === model.provider)!.region,
      reasons: index % 4 === 0 ? "true" : undefined,
      as_of: AS_OF,
      source: `${GENERATED_SOURCE} (${model.modelName}, list prices drawn between $0.05 and $2.55 per million input tokens)`,
    };
    return csvLine(header.map((column) => values[column]));
  });
  writeFileSync(modelsFile, modelsText + rows.join(""));

  const benchmarksFile = path.join(dir, "benchmarks.csv");
  writeFileSync(
    benchmarksFile,
    withNewline(readFileSync(benchmarksFile, "utf8")) +
      generated
        .map((model, index) =>
          csvLine([model.modelId, "Terminal-Bench 2.0", round(5 + unit(index + 201) * 55, 1), "percent", `${GENERATED_SOURCE} (${AS_OF})`]),
        )
        .join(""),
  );

  const longContextFile = path.join(dir, "long_context_prices.csv");
  writeFileSync(
    longContextFile,
    withNewline(readFileSync(longContextFile, "utf8")) +
      generated
        .flatMap((model, index) => {
          const { input, output } = prices[index]!;
          // Calls above 128K input tokens at twice the input price and one and a half times the output's.
          return index % 3 === 2
            ? [csvLine([model.modelId, 128000, round(input * 2, 3), round(output * 1.5, 3), "", "", `${GENERATED_SOURCE} (${AS_OF})`])]
            : [];
        })
        .join(""),
  );
  return {
    dir,
    modelIds: [...existingIds, ...generated.map((model) => model.modelId)],
    generated,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface ManyModelsReport {
  /** The published report's folder: pages, index, assets. */
  reports: string;
  /** The edition it was published from. */
  edition: Omit<ManyModelsEdition, "dispose">;
  /** `roilab report --data EDITION --out reports` as it ran. */
  build: CliResult;
}

/**
 * The 40-model edition's report, published once per test run and shared as helpers/chapter-report shares the
 * chapter's: the first file to ask writes the edition and publishes it, the others wait for its outcome. Read only.
 */
export function manyModelsReport(): Promise<ManyModelsReport> {
  return oncePerRun("many-models-report", async (root) => {
    const reports = path.join(root, "reports");
    const dataDir = path.join(root, "data");
    mkdirSync(dataDir);
    const { dispose: _kept, ...edition } = manyModelsEdition(40, dataDir);
    const build = await roilab(["report", "--data", dataDir, "--out", reports, "--jobs", "2"]);
    return { reports, edition, build };
  });
}

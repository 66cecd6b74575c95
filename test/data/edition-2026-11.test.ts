/** The 2026-11 edition of the data (data/2026-11/): valid, priced from the bundled price database, and complete for every notebook. */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { calcPrice } from "@pydantic/genai-prices";
import { loadDataset } from "../../src/data";
import { DATA_DIR } from "../helpers/data-folder";

const EDITION = path.join(DATA_DIR, "2026-11");
const data = loadDataset(EDITION);
const NOTEBOOKS = path.resolve(DATA_DIR, "../notebooks");

/** A database price is a number or `{ base, tiers }`; the edition carries the base (a call of the workload is far below any tier). */
const base = (price: unknown): number | undefined =>
  price === undefined ? undefined : typeof price === "number" ? price : (price as { base: number }).base;

/** The declared parameters of a notebook's cell tagged `parameters`, with their chapter defaults. */
function declaredParameters(file: string): Record<string, unknown> {
  const notebook = JSON.parse(readFileSync(path.join(NOTEBOOKS, file), "utf8")) as {
    cells: { metadata: { tags?: string[] }; source: string | string[] }[];
  };
  const cell = notebook.cells.find((candidate) => candidate.metadata.tags?.includes("parameters"));
  const source = [cell?.source ?? ""].flat().join("");
  return Object.fromEntries(
    [...source.matchAll(/^const (\w+)(?:: [^=]+)? = (.+?);(?: \/\/.*)?$/gm)].map((match) => [
      match[1] as string,
      JSON.parse(match[2] as string) as unknown,
    ]),
  );
}

describe("data/2026-11", () => {
  it("holds every model at the bundled price database's price on 2026-11-29, cache prices included", () => {
    expect(data.models.length).toBeGreaterThanOrEqual(15);
    for (const model of data.models) {
      expect(model.asOf, model.modelId).toBe("2026-11-29");
      const [providerId, ...rest] = (model.priceRef ?? "").split(":");
      const modelId = rest.join(":");
      const result = calcPrice({ input_tokens: 1e6, output_tokens: 1e6 }, modelId, { providerId, timestamp: new Date("2026-11-29") });
      expect(result?.model.id, model.modelId).toBe(modelId);
      const price = result?.model_price as Record<string, unknown>;
      expect(model.inputUsdPerMTok, model.modelId).toBe(base(price.input_mtok));
      expect(model.outputUsdPerMTok, model.modelId).toBe(base(price.output_mtok));
      expect(model.cachedInputUsdPerMTok, model.modelId).toBe(base(price.cache_read_mtok));
      expect(model.cacheWriteUsdPerMTok, model.modelId).toBe(base(price.cache_write_mtok));
      expect(model.contextTokens, model.modelId).toBe(result?.model.context_window);
      expect(model.source, model.modelId).toContain(`@pydantic/genai-prices 0.1.8 (${model.priceRef})`);
    }
  });

  it("holds every long-context tier at the database's: a call one token past the threshold pays the tier's prices", () => {
    for (const model of data.models) {
      const [providerId, ...rest] = (model.priceRef ?? "").split(":");
      const price = calcPrice({ input_tokens: 1, output_tokens: 1 }, rest.join(":"), { providerId, timestamp: new Date("2026-11-29") })
        ?.model_price as Record<string, unknown>;
      const starts = [
        ...new Set(
          Object.values(price).flatMap((value) =>
            typeof value === "object" && value !== null ? (value as { tiers: { start: number }[] }).tiers.map((tier) => tier.start) : [],
          ),
        ),
      ].sort((a, b) => a - b);
      const rows = data.longContextPrices.filter((row) => row.modelId === model.modelId);
      expect(
        rows.map((row) => row.aboveInputTokens),
        model.modelId,
      ).toEqual(starts);
      for (const row of rows) {
        const above = (key: string) => {
          const value = price[key] as number | { base: number; tiers: { start: number; price: number }[] } | undefined;
          if (value === undefined || typeof value === "number") return value;
          return value.tiers.filter((tier) => row.aboveInputTokens + 1 > tier.start).at(-1)?.price ?? value.base;
        };
        expect([row.inputUsdPerMTok, row.outputUsdPerMTok, row.cachedInputUsdPerMTok, row.cacheWriteUsdPerMTok], model.modelId).toEqual([
          above("input_mtok"),
          above("output_mtok"),
          above("cache_read_mtok"),
          above("cache_write_mtok"),
        ]);
      }
    }
    expect(data.longContextPrices.length).toBeGreaterThan(0);
  });

  it("names for each server a model of models.csv and model_architectures.csv and a format of quantisation.csv, and its throughput", () => {
    for (const machine of data.hardware) {
      expect(
        data.models.some((model) => model.modelId === machine.servesModelId),
        machine.hardwareId,
      ).toBe(true);
      expect(
        data.modelArchitectures.some((arch) => arch.modelId === machine.servesModelId),
        machine.hardwareId,
      ).toBe(true);
      expect(
        data.quantisation.some((row) => row.quantId === machine.servesQuantId),
        machine.hardwareId,
      ).toBe(true);
      expect(
        data.throughput.some((row) => row.hardwareId === machine.hardwareId),
        machine.hardwareId,
      ).toBe(true);
    }
  });

  it("prices the router's tiers from models.csv, none stated", () => {
    expect(data.routingTiers.map((tier) => tier.usdPerCall)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it("carries none of the chapter's printed figures", () => {
    expect(data.publishedFigures).toEqual([]);
    expect(data.chapterStatements).toEqual([]);
  });

  it("gives parameters.json a value, found in the data, for every id-valued parameter of every notebook, one value per name", () => {
    const parameters = JSON.parse(readFileSync(path.join(EDITION, "parameters.json"), "utf8")) as Record<string, unknown>;
    const chapter = loadDataset(DATA_DIR);
    const ids = (rows: object[]) =>
      new Set(
        rows.flatMap((row) =>
          Object.entries(row)
            .filter(([key]) => /Id$|^benchmark$/.test(key))
            .map(([, value]) => String(value)),
        ),
      );
    const chapterIds = new Set([...ids(Object.values(chapter).filter(Array.isArray).flat() as object[])]);
    const editionIds = ids(Object.values(data).filter(Array.isArray).flat() as object[]);
    const declared = readdirSync(NOTEBOOKS)
      .filter((file) => file.endsWith(".ipynb"))
      .flatMap((file) => Object.entries(declaredParameters(file)));
    const idValued = declared.filter(([, value]) => [value].flat().every((item) => typeof item === "string" && chapterIds.has(item)));
    expect(idValued.length).toBeGreaterThan(10);
    for (const [name] of idValued) {
      expect(parameters, name).toHaveProperty(name);
      for (const id of [parameters[name]].flat()) expect(editionIds.has(String(id)), `${name}: ${String(id)}`).toBe(true);
    }
    const names = new Set(declared.map(([name]) => name));
    for (const name of Object.keys(parameters)) expect(names.has(name), name).toBe(true);
  });
});

import { afterAll, describe, expect, it } from "vitest";
import { diffDatasets } from "../../src/analysis/diff";
import { loadDataset } from "../../src/data";
import { InputError } from "../../src/errors";
import { copyOfData, DATA_DIR, priceUpdateCopy } from "../helpers/data-folder";

const updated = priceUpdateCopy();
afterAll(() => updated.dispose());

describe("diffDatasets", () => {
  const diff = diffDatasets(loadDataset(DATA_DIR), loadDataset(updated.dir));

  it("lists added, removed and re-priced models and hardware", () => {
    expect(diff.models.added.map((row) => row.modelId)).toEqual(["deepseek-v3"]);
    expect(diff.models.removed).toEqual([]);
    expect(diff.models.repriced).toEqual([
      { modelId: "claude-3-5-sonnet", name: "Claude 3.5 Sonnet", inputBefore: 3, inputAfter: 3, outputBefore: 15, outputAfter: 18 },
    ]);
    expect(diff.hardware.removed.map((row) => row.hardwareId)).toEqual(["rtx4090x1"]);
    expect(diff.hardware.recosted).toEqual([]);
  });

  it("shows how the headline results moved", () => {
    const moved = diff.monthlyCost.filter((move) => move.before !== move.after);
    expect(moved.map((move) => [move.id, +move.before.toFixed(2), +move.after.toFixed(2)])).toEqual([["claude-3-5-sonnet", 1395, 1530]]);
    const a100 = diff.breakEven.find((move) => move.id === "a100x4-70b × claude-3-5-sonnet");
    expect([a100?.before, a100?.after]).toEqual([3109, 2834]);
    expect(diff.breakEven.filter((move) => move.before !== move.after)).toHaveLength(7);
    expect(diff.breakEven.some((move) => move.id.startsWith("rtx4090x1"))).toBe(false);
    expect(diff.hybridSavings.before).toBeCloseTo(55, 6);
    // Claude at 8,000 x $3/M + 1,500 x $18/M = $0.051 a call, over routing_config.csv's $0.05 budget: the router's
    // premium tasks (45%) step down to Hermes 4 at $0.00855 and the rest (55%) stay local.
    // 1 - 0.45 x 0.00855 / 0.051 = 92.46% saved against all-premium at $0.051.
    expect(diff.hybridSavings.after).toBeCloseTo((1 - (0.45 * 0.00855) / 0.051) * 100, 9);
    expect(diff.caseStudy).toMatchObject({ before: "all_local", after: "all_local" });
  });

  it("follows the case study's servers when its server's measured throughput changes", () => {
    const faster = copyOfData({
      "throughput.csv": (text) =>
        text.replace(
          "rtx4090x2-saas,single_stream,llama.cpp,Llama 3 70B,70.55,Q4_K_M,19.06,",
          "rtx4090x2-saas,single_stream,llama.cpp,Llama 3 70B,70.55,Q4_K_M,38.12,",
        ),
    });
    try {
      const moved = diffDatasets(loadDataset(DATA_DIR), loadDataset(faster.dir)).caseStudyCapacity;
      expect(moved?.before).toMatchObject({ profileId: "office-hours", allLocalMachines: 11, hybridMachines: 5 });
      // 8,000/905.38 + 1,500/38.12 = 48.2 s a call: 505.6 calls a day per server on office hours.
      expect(moved?.after).toMatchObject({ allLocalMachines: 6, hybridMachines: 3 });
      expect(moved?.after.allLocalUsd).toBeCloseTo(6 * (12_000 / 36 + 60) + 300 * (1 + 0.25 * 5), 6);
    } finally {
      faster.dispose();
    }
  });

  // hardware.csv before it named the model each configuration serves: columns 6 and 7 dropped.
  const withoutServedModel = (text: string) =>
    text
      .split("\n")
      .map((line) =>
        line
          .split(",")
          .filter((_, index) => index !== 5 && index !== 6)
          .join(","),
      )
      .join("\n");

  it("compares with a snapshot made before capacity data existed, leaving capacity out", () => {
    const older = copyOfData({
      "throughput.csv": null,
      "traffic_profiles.csv": null,
      "quantisation.csv": null,
      "model_architectures.csv": null,
      "uncertainty_ranges.csv": null,
      "failover.csv": null,
      "gpu_rentals.csv": null,
      "case_study.csv": (text) => text.replace(",office-hours,", ",,"),
      "hardware.csv": withoutServedModel,
    });
    try {
      const diff = diffDatasets(loadDataset(older.dir), loadDataset(DATA_DIR));
      expect(diff.caseStudyCapacity).toBeUndefined();
      expect(diff.monthlyCost.every((move) => move.before === move.after)).toBe(true);
    } finally {
      older.dispose();
    }
  });

  it("refuses folders that share no model and no hardware", () => {
    const unrelated = copyOfData({
      "models.csv": (text) => text.replace(/^([a-z0-9.-]+),/gm, (match, id: string) => (id === "model_id" ? match : `other-${id},`)),
      "benchmarks.csv": (text) => text.replace(/^([a-z0-9.-]+),/gm, (match, id: string) => (id === "model_id" ? match : `other-${id},`)),
      "long_context_prices.csv": (text) =>
        text.replace(/^([a-z0-9.-]+),/gm, (match, id: string) => (id === "model_id" ? match : `other-${id},`)),
      "routing_tiers.csv": (text) => text.replace(/,(hermes-3-8b|hermes-4-70b|claude-3-5-sonnet),(local|cloud),/g, ",other-$1,$2,"),
      "hardware.csv": (text) => text.replace(/^([a-z0-9-]+),/gm, (match, id: string) => (id === "hardware_id" ? match : `other-${id},`)),
      "case_study.csv": (text) => text.replace("rtx4090x2-saas", "other-rtx4090x2-saas"),
      "routing_config.csv": (text) => text.replace("a100x4-70b", "other-a100x4-70b"),
      "throughput.csv": (text) => text.replace(/^([a-z0-9-]+),/gm, (match, id: string) => (id === "hardware_id" ? match : `other-${id},`)),
      "gpu_rentals.csv": (text) =>
        text.replace(/^([a-z0-9-]+),([a-z0-9-]+),/gm, (match, rental: string, hardware: string) =>
          rental === "rental_id" ? match : `${rental},other-${hardware},`,
        ),
      "failover.csv": (text) => text.replace("a100x4-70b,claude-3-5-sonnet", "other-a100x4-70b,other-claude-3-5-sonnet"),
      "published_figures.csv": (text) => text.replace(/hardware\.csv:([a-z0-9-]+):/g, "hardware.csv:other-$1:"),
      "chapter_statements.csv": (text) => text.replace(/hardware\.csv:([a-z0-9-]+):/g, "hardware.csv:other-$1:"),
    });
    try {
      expect(() => diffDatasets(loadDataset(DATA_DIR), loadDataset(unrelated.dir))).toThrow(InputError);
    } finally {
      unrelated.dispose();
    }
  });
});

describe("a re-price reaches every headline that depends on it", () => {
  it("halving Claude 3.5 Sonnet and Hermes 4 moves 59.4's and 59.5's amounts and doubles the break-evens against them", () => {
    const copy = copyOfData({
      "models.csv": (text) =>
        text.replace("Anthropic,3.00,15.00", "Anthropic,1.50,7.50").replace("Together AI,0.90,0.90", "Together AI,0.45,0.45"),
    });
    try {
      const diff = diffDatasets(loadDataset(DATA_DIR), loadDataset(copy.dir));
      const amount = (id: string) => diff.headlines.find((move) => move.id === id)!;
      // 59.4: 5,000 calls x $0.0465 x 30 = $6,975, halved $3,487.50; the routed part (45% premium) $3,138.75 -> $1,569.38.
      expect([amount("router/pure_cloud").before, amount("router/pure_cloud").after]).toEqual(
        [6975, 3487.5].map((value) => expect.closeTo(value, 6)),
      );
      expect(amount("router/hybrid").after).toBeCloseTo(1569.375, 6);
      // 59.5: 77,500 calls x $0.00855 = $662.625 all-cloud, halved $331.31; hybrid's cloud part (60%) halves too.
      expect(amount("case/all_cloud").after).toBeCloseTo(331.3125, 6);
      expect(amount("case/hybrid").after).toBeCloseTo(693.3333 + 0.6 * 331.3125, 3);
      // All-local pays no API: it is the one amount that stays.
      expect(amount("case/all_local").after).toBe(amount("case/all_local").before);
      const a100 = diff.breakEven.find((move) => move.id === "a100x4-70b × claude-3-5-sonnet")!;
      expect(a100.after / a100.before).toBeCloseTo(2, 2);
      expect(diff.caseStudyCapacity?.after.hybridUsd).toBeLessThan(diff.caseStudyCapacity?.before.hybridUsd ?? 0);
    } finally {
      copy.dispose();
    }
  });
});

import { describe, expect, it } from "vitest";
import { breakEvenCurvesFigure, breakEvenHeatmapFigure } from "../../src/analysis/break-even";
import { fitLabel, fitNote, hardwareModelFit } from "../../src/analysis/vram";
import { loadDataset } from "../../src/data";
import { DATA_DIR } from "../helpers/data-folder";

const data = loadDataset(DATA_DIR);
const GIB = 2 ** 30;

describe("whether a configuration holds the model its comparisons assume", () => {
  it("finds one RTX 4090 too small for Hermes 3 70B at Q4_K_M: 43.49 GiB needed, 22.8 usable, and 8B the most it holds", () => {
    // Weights 70.55e9 x 4.8203 / 8 bytes = 39.59 GiB; KV cache 2 x 80 layers x 8 heads x 128 x 2 bytes x 9,500 tokens = 2.90 GiB;
    // 1 GiB of runtime on the one card; usable 24 x 0.95 = 22.8 GiB.
    const weights = (70.55e9 * 4.8203) / 8 / GIB;
    const kv = (2 * 80 * 8 * 128 * 2 * 9500) / GIB;
    const fit = hardwareModelFit(data, "rtx4090x1");
    expect(fit?.fits).toBe(false);
    expect(fit?.requiredGiB).toBeCloseTo(weights + kv + 1, 6);
    expect(fit?.availableGiB).toBeCloseTo(22.8, 9);
    expect(fit?.largestThatFits).toMatchObject({ modelId: "hermes-3-8b", quantId: "q4_k_m" });
    expect(fitNote(fit)).toBe(
      "cannot hold Hermes 3 70B (Llama 3.1 70B) at 4 bits (needs 43.5 GiB, has 22.8 usable); it holds Hermes 3 8B (Llama 3.1 8B) at 4 bits at most",
    );
  });

  it("lets the case study's two cards hold it (44.49 of 45.6 GiB) and marks only the single-card configurations", () => {
    expect(hardwareModelFit(data, "rtx4090x2-saas")?.fits).toBe(true);
    const unfit = data.hardware
      .map((row) => hardwareModelFit(data, row.hardwareId))
      .filter((fit) => fit !== undefined && !fit.fits)
      .map((fit) => fit?.hardware.hardwareId);
    expect(unfit).toEqual(["rtx4090-server", "rtx4090x1"]);
    expect(fitLabel(data, "rtx4090x1")).toBe("1x RTX 4090 (too small for Hermes 3 70B)");
    expect(fitLabel(data, "a100x2")).toBe("2x A100 80GB");
  });

  it("says nothing where a configuration names no model to serve", () => {
    const unnamed = { ...data, hardware: data.hardware.map((row) => ({ ...row, servesModelId: undefined })) };
    expect(hardwareModelFit(unnamed, "rtx4090x1")).toBeUndefined();
    expect(fitLabel(unnamed, "rtx4090x1")).toBe("1x RTX 4090");
  });

  it("marks the too-small configurations in the 59.3 figures", () => {
    const heatmap = breakEvenHeatmapFigure(data, { apiModelIds: ["claude-3-5-sonnet"] });
    expect(heatmap.data[0]?.y).toContain("1x RTX 4090 (too small for Hermes 3 70B)");
    const curves = breakEvenCurvesFigure(data, { hardwareIds: ["rtx4090x1", "a100x2"], apiModelIds: ["gpt-4o"], maxCallsPerDay: 5000 });
    expect(curves.data.map((trace) => trace.name)).toContain("1x RTX 4090 (too small for Hermes 3 70B) (local)");
  });
});

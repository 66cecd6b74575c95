import { describe, expect, it } from "vitest";
import { promptRateBasis, throughputBasisLabel } from "../../src/analysis/throughput-basis";
import { loadDataset } from "../../src/data";
import { copyOfData, DATA_DIR } from "../helpers/data-folder";

const data = loadDataset(DATA_DIR);

/** throughput.csv without its prompt_rate_basis column, as a data folder from before the column was added. */
function withoutBasisColumn(text: string): string {
  const lines = text.split("\n");
  const index = (lines[0] as string).split(",").indexOf("prompt_rate_basis");
  // The column sits before the quoted source, so splitting the leading fields on commas is safe.
  return lines
    .map((line) =>
      line === ""
        ? line
        : line
            .split(",")
            .filter((_, field) => field !== index)
            .join(","),
    )
    .join("\n");
}

describe("prompt rate basis", () => {
  it("marks the four TensorRT-LLM rows, whose prompt rate is the output rate × 10, as derived and the llama.cpp rows as measured", () => {
    const derived = data.throughput.filter((row) => promptRateBasis(row) === "derived");
    expect(derived.map((row) => row.hardwareId)).toEqual(["a100x4-70b", "a100x2", "a100x8", "h100x8"]);
    // 5,000 input / 500 output tokens: the published prompt rate is the output rate × 10 (392.62 × 10 = 3,926.2).
    for (const row of derived) expect(row.promptTokensPerSecond).toBeCloseTo(row.outputTokensPerSecond * 10, 6);
    expect(data.throughput.filter((row) => row.engine === "llama.cpp").every((row) => promptRateBasis(row) === "measured")).toBe(true);
    expect(derived.map(throughputBasisLabel)).toEqual(Array(4).fill("output measured, prompt derived"));
  });

  it("loads an older folder without the column and reads the basis from each row's source", () => {
    const copy = copyOfData({ "throughput.csv": withoutBasisColumn });
    try {
      const older = loadDataset(copy.dir);
      expect(older.throughput.every((row) => row.promptRateBasis === undefined)).toBe(true);
      expect(older.throughput.map(promptRateBasis)).toEqual(data.throughput.map(promptRateBasis));
    } finally {
      copy.dispose();
    }
  });

  it("rejects a basis other than measured or derived", () => {
    const copy = copyOfData({ "throughput.csv": (text) => text.replace(",905.38,measured,", ",905.38,estimated,") });
    try {
      expect(() => loadDataset(copy.dir)).toThrow(/prompt_rate_basis must be empty or one of measured, derived, got "estimated"/);
    } finally {
      copy.dispose();
    }
  });
});

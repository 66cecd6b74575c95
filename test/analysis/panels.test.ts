import { describe, expect, it } from "vitest";
import { breakEvenPanelSpec, capacityPanelSpec, tornadoPanelSpec } from "../../src/analysis/panels";
import { loadDataset } from "../../src/data";
import { DATA_DIR } from "../helpers/data-folder";

const data = loadDataset(DATA_DIR);

describe("the 59.3 break-even what-if panel", () => {
  const spec = breakEvenPanelSpec(data, { apiModelIds: ["claude-3-5-sonnet", "gpt-4o", "hermes-4-70b"] });

  it("offers the notebook's APIs and every configuration, each with its own cost inputs, and starts from the first itemised server's", () => {
    expect(spec.apis.map((api) => api.id)).toEqual(["claude-3-5-sonnet", "gpt-4o", "hermes-4-70b"]);
    expect(spec.hardware.map((server) => server.id)).toEqual(data.hardware.map((row) => row.hardwareId));
    expect(spec.hardware[0]).toMatchObject({
      capexUsd: 80_000,
      depreciationMonths: 36,
      powerKw: 1.6,
      electricityUsdPerKwh: 0.1,
      opsUsdPerMonth: 2000,
    });
    // A stated electricity bill is not priced by kW; a stated total keeps the part of it that is operations.
    expect(spec.hardware[1]).toMatchObject({ id: "rtx4090-server", powerKw: undefined, powerUsdPerMonth: 30, opsUsdPerMonth: 500 });
    expect(spec.hardware.find((server) => server.id === "a100x2")).toMatchObject({
      capexUsd: undefined,
      monthlyFixedUsd: 3169,
      opsUsdPerMonth: 2000,
    });
    expect(spec.defaults).toEqual({
      callsPerDay: 1000,
      inputTokensPerCall: 8000,
      outputTokensPerCall: 1500,
      apiId: "claude-3-5-sonnet",
      hardwareId: "a100x4-70b",
      electricityUsdPerKwh: 0.1,
      opsUsdPerMonth: 2000,
      // The own-server fields start at the first configuration's: its price, months written off and power bill.
      capexUsd: 80000,
      depreciationMonths: 36,
      powerUsdPerMonth: 115.2,
    });
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });
});

describe("the 59.7 capacity what-if panel", () => {
  const spec = capacityPanelSpec(data);

  it("starts from the case study: its server's measured throughput, 70%, its office-hours profile", () => {
    expect(spec.defaults).toEqual({
      weekdayCallsPerDay: 3000,
      serving: "single_stream",
      outputTokensPerSecond: 19.06,
      promptTokensPerSecond: 905.38,
      targetUtilisationPercent: 70,
      profileId: "office-hours",
    });
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });
});

describe("the 59.8 sensitivity what-if panel", () => {
  const spec = tornadoPanelSpec(data, { hardwareId: "a100x4-70b", apiModelId: "claude-3-5-sonnet", swing: 0.2 });

  it("offers every itemised server and every API", () => {
    expect(spec.hardware.map((server) => server.id)).toEqual(["a100x4-70b", "rtx4090-server", "rtx4090x2-saas"]);
    expect(spec.apis).toHaveLength(data.models.length);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });
});

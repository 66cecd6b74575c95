import { describe, expect, it } from "vitest";
import { byIdOrFirst, findHardware, findModel, findWorkload } from "../../src/analysis/lookup";
import { loadDataset } from "../../src/data";
import { ExitCode, InputError } from "../../src/errors";
import { DATA_DIR } from "../helpers/data-folder";

const data = loadDataset(DATA_DIR);

describe("rows by id", () => {
  it("finds a model, a hardware configuration and the default workload", () => {
    expect(findModel(data, "gpt-4o").modelName).toBe("GPT-4o");
    expect(findHardware(data, "a100x4-70b").gpuCount).toBe(4);
    expect(findWorkload(data)).toBe(data.workloads[0]);
  });

  it("answers an unknown id with an InputError (exit 2) that names the id and lists the known ones", () => {
    let error: unknown;
    try {
      findModel(data, "gpt-9");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).exitCode).toBe(ExitCode.badInput);
    expect((error as InputError).message).toMatch(/^unknown model_id "gpt-9"; known: .*claude-3-5-sonnet/);
    expect(() => findHardware(data, "tpu")).toThrow(/^unknown hardware_id "tpu"; known: .*a100x4-70b/);
    expect(() => findWorkload(data, "nightly")).toThrow(/^unknown workload_id "nightly"/);
  });

  it("says which file has no rows when a default row is asked of an empty table", () => {
    expect(() => byIdOrFirst([] as { id: string }[], undefined, (row) => row.id, "scenario_id", "case_study.csv")).toThrow(
      new InputError("case_study.csv has no rows"),
    );
    expect(byIdOrFirst([{ id: "a" }, { id: "b" }], undefined, (row) => row.id, "id", "x.csv")).toEqual({ id: "a" });
  });
});

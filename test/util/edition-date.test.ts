import { describe, expect, it } from "vitest";
import { editionDate } from "../../src/util/edition-date";

describe("editionDate", () => {
  it("reads a dated edition's folder name, by itself or at the end of a path, and nothing else", () => {
    expect(editionDate("2026-11")).toBe("2026-11");
    expect(editionDate("data/2026-11-30")).toBe("2026-11-30");
    expect(editionDate("data/2026-11/")).toBe("2026-11");
    expect(editionDate("data")).toBeUndefined();
    expect(editionDate("data/2026-11-cn")).toBeUndefined();
    expect(editionDate("data/x2026-11")).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { editionDate, editionRegion } from "../../src/util/edition-date";

describe("editionDate", () => {
  it("reads a dated edition's folder name, by itself or at the end of a path, and nothing else", () => {
    expect(editionDate("2026-11")).toBe("2026-11");
    expect(editionDate("data/2026-11-30")).toBe("2026-11-30");
    expect(editionDate("data/2026-11/")).toBe("2026-11");
    expect(editionDate("data")).toBeUndefined();
    expect(editionDate("data/x2026-11")).toBeUndefined();
    expect(editionDate("data/2026-11-china")).toBeUndefined();
  });

  it("reads a regional edition's date and its region, and no region on an edition for every reader", () => {
    expect(editionDate("data/2026-11-cn")).toBe("2026-11");
    expect(editionRegion("data/2026-11-cn")).toBe("cn");
    expect(editionDate("data/2026-11-30-cn")).toBe("2026-11-30");
    expect(editionRegion("data/2026-11-30-cn")).toBe("cn");
    expect(editionRegion("data/2026-11")).toBeUndefined();
    expect(editionRegion("data/2026-11-30")).toBeUndefined();
    expect(editionRegion("data")).toBeUndefined();
  });
});

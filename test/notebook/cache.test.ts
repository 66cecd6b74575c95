import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { cachedNotebook, cacheKey, hashDirectory, libraryFingerprint } from "../../src/notebook/cache";
import type { Notebook } from "../../src/notebook/nbformat";
import { scratchFolders } from "../helpers/notebooks";

const notebook = (source: string): Notebook => ({
  nbformat: 4,
  nbformat_minor: 5,
  metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
  cells: [{ id: "a", cell_type: "code", metadata: {}, source, outputs: [], execution_count: null }],
});

const inputs = { notebook: notebook("1 + 1"), parameters: { calls: 1 }, dataSha256: "d", library: "l" };

describe("the run cache", () => {
  const scratch = scratchFolders();

  it("keys a notebook by its cells, parameters, data and library, and by nothing else", () => {
    const key = cacheKey(inputs);
    expect(cacheKey({ ...inputs, notebook: notebook("1 + 1") })).toBe(key);
    expect(cacheKey({ ...inputs, notebook: notebook("1 + 2") })).not.toBe(key);
    expect(cacheKey({ ...inputs, parameters: { calls: 2 } })).not.toBe(key);
    expect(cacheKey({ ...inputs, dataSha256: "e" })).not.toBe(key);
    expect(cacheKey({ ...inputs, dataSha256: undefined })).not.toBe(key);
    expect(cacheKey({ ...inputs, library: "m" })).not.toBe(key);
  });

  it("reuses an executed notebook only when it ran cleanly with the same key", () => {
    const dir = scratch();
    const file = path.join(dir, "x.ipynb");
    const executed = { ...notebook("1 + 1"), metadata: { roilab: { cache_key: "k", status: "ok" } } };
    writeFileSync(file, JSON.stringify(executed));
    expect(cachedNotebook(file, "k")?.metadata.roilab).toEqual({ cache_key: "k", status: "ok" });
    expect(cachedNotebook(file, "other")).toBeUndefined();
    writeFileSync(file, JSON.stringify({ ...executed, metadata: { roilab: { cache_key: "k", status: "failed" } } }));
    expect(cachedNotebook(file, "k")).toBeUndefined();
    writeFileSync(file, "{ not json");
    expect(cachedNotebook(file, "k")).toBeUndefined();
    expect(cachedNotebook(path.join(dir, "missing.ipynb"), "k")).toBeUndefined();
  });

  it("fingerprints the compiled library and the lock file", () => {
    const dir = scratch();
    const before = libraryFingerprint(dir);
    writeFileSync(path.join(dir, "package-lock.json"), "{}");
    const withLock = libraryFingerprint(dir);
    expect(withLock).not.toBe(before);
    expect(hashDirectory(path.join(dir, "dist"))).toBe(hashDirectory(path.join(dir, "no-such-folder")));
  });
});

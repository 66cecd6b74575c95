import { cpSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { watchFolders } from "../../../src/report/preview/watch";
import { scratchFolders } from "../../helpers/notebooks";
import { until } from "../../helpers/processes";

describe("watching a preview's folders", () => {
  const scratch = scratchFolders("roilab-watch-");
  let close: (() => void) | undefined;
  afterEach(() => close?.());

  function watching(dir: string) {
    const seen: string[] = [];
    close = watchFolders([{ dir, recursive: false }], 20, (files) => seen.push(...files)).close;
    return seen;
  }

  it("reports a saved file", async () => {
    const data = path.join(scratch(), "data");
    mkdirSync(data);
    const seen = watching(data);
    writeFileSync(path.join(data, "models.csv"), "a\n");
    await until(() => seen.includes(path.join(data, "models.csv")));
  });

  it("keeps watching a folder that is moved away and copied back", async () => {
    const root = scratch();
    const data = path.join(root, "data");
    mkdirSync(data);
    writeFileSync(path.join(data, "models.csv"), "a\n");
    const seen = watching(data);
    renameSync(data, path.join(root, "data-old"));
    cpSync(path.join(root, "data-old"), data, { recursive: true });
    await until(() => seen.includes(path.join(data, "models.csv")));
    seen.length = 0;
    // A save after the replacement reaches the watch too.
    writeFileSync(path.join(data, "models.csv"), "b\n");
    await until(() => seen.includes(path.join(data, "models.csv")));
    expect(seen.every((file) => file.startsWith(data + path.sep))).toBe(true);
  });
});

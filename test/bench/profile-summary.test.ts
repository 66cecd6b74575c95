import { describe, expect, it } from "vitest";
import { packageOf, summarise } from "../../src/bench/profile-summary";

describe("the CPU profile summary", () => {
  it("names a script's package: scoped, nested, Node's own, roilab's, or V8's", () => {
    expect(packageOf("file:///p/node_modules/@tslab/typescript-for-tslab/lib/typescript.js")).toBe("@tslab/typescript-for-tslab");
    expect(packageOf("file:///p/node_modules/danfojs-node/node_modules/mathjs/lib/index.js")).toBe("mathjs");
    expect(packageOf("node:internal/modules/cjs/loader")).toBe("node (built-in)");
    expect(packageOf("file:///p/dist/model/cost.js")).toBe("roilab dist/model");
    expect(packageOf("")).toBe("(V8: garbage collection, idle, native)");
  });

  it("charges each sample's time to the sampled function and leaves idle time out", () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
    const profile = {
      nodes: [
        { id: 1, callFrame: frame("parse", "file:///p/node_modules/typescript/lib/typescript.js") },
        { id: 2, callFrame: frame("std", "file:///p/node_modules/mathjs/lib/index.js") },
        { id: 3, callFrame: frame("(idle)", "") },
      ],
      samples: [1, 1, 2, 3],
      timeDeltas: [1000, 3000, 500, 9000],
    };
    const summary = summarise([profile]);
    expect(summary.totalMs).toBe(4.5);
    expect(summary.byPackage).toEqual([
      ["typescript", 4],
      ["mathjs", 0.5],
    ]);
    expect(summary.byFunction[0]?.[0]).toMatch(/^parse {2}typescript:typescript\.js:1$/);
  });
});

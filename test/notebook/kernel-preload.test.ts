import { afterEach, describe, expect, it } from "vitest";
import * as zmq from "zeromq";
import * as path from "node:path";
import { deferRequires, queuePublisherSends, restrictTypeRoots } from "../../src/notebook/kernel-preload";
import { kernelTypePackages } from "../../src/notebook/kernel-types";

/** A Publisher class of its own, so the patch under test does not touch the zeromq module other tests use. */
class TestPublisher extends zmq.Publisher {}

describe("the kernel preload", () => {
  const sockets: { close(): void }[] = [];
  afterEach(() =>
    sockets.splice(0).forEach((socket) => {
      socket.close();
    }),
  );

  async function connectedPair(publisherClass: typeof zmq.Publisher) {
    const publisher = new publisherClass({ linger: 0 });
    const subscriber = new zmq.Subscriber({ linger: 0, receiveTimeout: 100 });
    sockets.push(publisher, subscriber);
    await publisher.bind("tcp://127.0.0.1:*");
    subscriber.connect(publisher.lastEndpoint as string);
    subscriber.subscribe();
    // A subscription takes a moment to reach the publisher (ZeroMQ's slow joiner); wait until a probe gets through.
    for (;;) {
      await publisher.send(["probe"]).catch(() => undefined);
      if (await subscriber.receive().catch(() => undefined)) break;
    }
    return { publisher, subscriber };
  }

  /** Everything that arrives until nothing has for the socket's receive timeout. */
  async function receiveAll(subscriber: zmq.Subscriber): Promise<string[]> {
    const received: string[] = [];
    for (;;) {
      const frames = await subscriber.receive().catch(() => undefined);
      if (!frames) return received.filter((text) => text !== "probe");
      received.push(String(frames[0]));
    }
  }

  /** What tslab does for every line a cell prints: a send it never waits for. */
  function printLines(publisher: zmq.Publisher, count: number): number {
    let refused = 0;
    for (let line = 0; line < count; line++) {
      try {
        publisher.send([`line ${line}`]).catch(() => (refused += 1));
      } catch {
        refused += 1;
      }
    }
    return refused;
  }

  it("delivers every message, in order, once sends are queued", async () => {
    queuePublisherSends(TestPublisher);
    const { publisher, subscriber } = await connectedPair(TestPublisher);
    expect(printLines(publisher, 2000)).toBe(0);
    expect(await receiveAll(subscriber)).toEqual(Array.from({ length: 2000 }, (_, line) => `line ${line}`));
  });
});

describe("the kernel preload's lighter start", () => {
  it("shows TypeScript only @types/node in a node_modules/@types folder, and every other folder whole", () => {
    const listed: Record<string, string[]> = {
      "/p/node_modules/@types": ["chai", "d3", "node", "webgl2"],
      "/p/node_modules/danfojs-node": ["dist", "types"],
      "/p/src/@types": ["local"],
    };
    const sys = { getDirectories: (folder: string) => listed[folder] ?? [] };
    restrictTypeRoots(sys, kernelTypePackages(undefined) ?? []);
    expect(sys.getDirectories("/p/node_modules/@types")).toEqual(["node"]);
    expect(sys.getDirectories("/p/node_modules/danfojs-node")).toEqual(["dist", "types"]);
    expect(sys.getDirectories("/p/src/@types")).toEqual(["local"]);
  });

  it("reads ROILAB_KERNEL_TYPES as all of them, a list, or the default", () => {
    expect(kernelTypePackages("all")).toBeUndefined();
    expect(kernelTypePackages("node, d3")).toEqual(["node", "d3"]);
    expect(kernelTypePackages("")).toEqual(["node"]);
  });

  it("loads a deferred module at its first use from inside the package, and at once from anywhere else", () => {
    const loads: string[] = [];
    const loader = {
      _load: (request: string, _parent: unknown, _isMain: boolean) => {
        loads.push(request);
        return { std: (values: number[]) => values.length, request };
      },
    };
    deferRequires(loader, "danfojs-node", ["mathjs"]);
    const inside = { filename: path.join("/p", "node_modules", "danfojs-node", "dist", "frame.js") };
    const deferred = loader._load("mathjs", inside, false) as { std(values: number[]): number };
    expect(loads).toEqual([]);
    expect(deferred.std([1, 2, 3])).toBe(3);
    expect(loads).toEqual(["mathjs"]);
    loader._load("mathjs", { filename: "/p/dist/index.js" }, false);
    loader._load("xlsx", inside, false);
    expect(loads).toEqual(["mathjs", "mathjs", "xlsx"]);
  });
});

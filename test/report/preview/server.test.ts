/** The preview's server alone, on a folder of plain files: no request can end it, and it answers only to its own name. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { request } from "node:http";
import * as path from "node:path";
import { startPreviewServer, type PreviewServer } from "../../../src/report/preview/server";
import { tempFolder } from "../../helpers/notebooks";

const folder = tempFolder("roilab-preview-server-");
let server: PreviewServer;
let port = 0;

/** A raw GET: the path is sent as written, unlike fetch, which would normalise it. */
function get(pathAsSent: string, host = `127.0.0.1:${port}`): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const sent = request({ host: "127.0.0.1", port, path: pathAsSent, headers: { host } }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    sent.on("error", reject);
    sent.end();
  });
}

beforeAll(async () => {
  writeFileSync(path.join(folder.dir, "index.html"), "<html><body>index</body></html>");
  writeFileSync(path.join(folder.dir, "100%-coverage.png"), "png");
  server = await startPreviewServer(folder.dir, 0);
  port = Number(new URL(server.url).port);
});

afterAll(async () => {
  await server.close();
  folder.dispose();
});

describe("the preview server", () => {
  it("answers a malformed escape with 400 and keeps serving", async () => {
    expect((await get("/%")).status).toBe(400);
    expect((await get("/100%25-coverage%.png")).status).toBe(400);
    expect((await get("/%E0%A4%A")).status).toBe(400);
    expect((await get("/")).body).toContain("index");
  });

  it("serves a file whose name holds an escaped percent sign", async () => {
    expect(await get("/100%25-coverage.png")).toEqual({ status: 200, body: "png" });
  });

  it("answers only to 127.0.0.1 and localhost on its own port", async () => {
    expect((await get("/", `localhost:${port}`)).status).toBe(200);
    expect((await get("/", `LOCALHOST:${port}`)).status).toBe(200);
    for (const host of [
      "attacker.example",
      `attacker.example:${port}`,
      `127.0.0.1:${port + 1}`,
      "127.0.0.1",
      `127.0.0.1.attacker.example:${port}`,
    ]) {
      const answer = await get("/", host);
      expect(answer.status).toBe(421);
      expect(answer.body).not.toContain("index");
    }
  });

  it("knows which pages are open from their event streams, each once, until they close", async () => {
    const listen = (page: string) =>
      new Promise<ReturnType<typeof request>>((resolve) => {
        const sent = request(
          { host: "127.0.0.1", port, path: `/__roilab/events?page=${encodeURIComponent(page)}`, headers: { host: `127.0.0.1:${port}` } },
          () => resolve(sent),
        );
        sent.end();
      });
    const streams = [await listen("/59.1-cost-model.html"), await listen("/a%20b.html"), await listen("/59.1-cost-model.html")];
    expect(server.openPages().sort()).toEqual(["/59.1-cost-model.html", "/a b.html"]);
    streams.forEach((stream) => {
      stream.destroy();
    });
    for (let waited = 0; server.openPages().length && waited < 5000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.openPages()).toEqual([]);
  });

  it("refuses a request with no Host", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const sent = request({ host: "127.0.0.1", port, path: "/", setHost: false }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      sent.on("error", reject);
      sent.end();
    });
    expect([400, 421]).toContain(status);
  });
});

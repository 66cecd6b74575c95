/**
 * Serves a report folder on the loopback interface only, adds the live script to each HTML page, and pushes
 * the preview's events to open pages as server-sent events.
 */
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import * as path from "node:path";
import { EVENTS_PATH, LIVE_SCRIPT, LIVE_SCRIPT_PATH } from "./live-script";

/** Never 0.0.0.0: a preview shows unpublished work and must not be reachable from the network. */
const PREVIEW_HOST = "127.0.0.1";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".ipynb": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

export interface PreviewServer {
  /** The address pages are served at, e.g. `http://127.0.0.1:4000/`. */
  url: string;
  /** Tells every open page to reload. */
  reload(): void;
  /** Shows these problems over every open page (none: removes the overlay); pages opened later get them too. */
  problems(messages: readonly string[]): void;
  /** The paths of the pages open now (`/59.1-cost-model.html`), each once. */
  openPages(): string[];
  close(): Promise<void>;
}

/** Whether a request's `Host` names this preview: the loopback address or `localhost`, with the preview's port. */
function allowedHost(host: string | undefined, port: number | undefined): boolean {
  if (host === undefined || port === undefined) return false;
  return [`${PREVIEW_HOST}:${port}`, `localhost:${port}`].includes(host.toLowerCase());
}

/** The decoded path of a request (`/100%25.png` is `/100%.png`), or undefined for an address that does not decode. */
function requestPath(requestUrl: string | undefined): string | undefined {
  try {
    return decodeURIComponent(new URL(requestUrl ?? "/", "http://preview").pathname);
  } catch {
    return undefined;
  }
}

/** The page an event stream is for: its `page` parameter (the live script sends its page's path), decoded; `/` without one. */
function pagePath(requestUrl: string | undefined): string {
  try {
    return decodeURIComponent(new URL(requestUrl ?? "/", "http://preview").searchParams.get("page") ?? "/");
  } catch {
    return "/";
  }
}

function refuse(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
  response.end(`${message}\n`);
}

export async function startPreviewServer(root: string, port: number): Promise<PreviewServer> {
  /** Each open page's event stream, with the page's path. */
  const clients = new Map<ServerResponse, string>();
  let current: readonly string[] = [];
  const send = (response: ServerResponse, event: string, data: unknown) =>
    response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    if (!allowedHost(request.headers.host, listeningPort())) {
      // A page on another site whose name was re-pointed at 127.0.0.1 (DNS rebinding) sends its own name.
      refuse(response, 421, "roilab preview answers only to 127.0.0.1 and localhost");
      return;
    }
    const relative = requestPath(request.url);
    if (relative === undefined) {
      refuse(response, 400, "roilab preview: malformed address");
      return;
    }
    if (relative === EVENTS_PATH) {
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
      clients.set(response, pagePath(request.url));
      send(response, "problems", current);
      request.on("close", () => clients.delete(response));
      return;
    }
    if (relative === LIVE_SCRIPT_PATH) {
      response.writeHead(200, { "content-type": CONTENT_TYPES[".js"], "cache-control": "no-store" });
      response.end(LIVE_SCRIPT);
      return;
    }
    const file = path.resolve(root, `.${relative === "/" ? "/index.html" : relative}`);
    if (!file.startsWith(path.resolve(root) + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      // A page not published yet (the first build runs or failed) still listens, so it reloads or shows why.
      response.writeHead(404, { "content-type": CONTENT_TYPES[".html"], "cache-control": "no-store" });
      response.end(
        `<!doctype html><meta charset="utf-8"><title>roilab preview</title><p>roilab preview: no page here yet; it loads as soon as it is published.</p><script src="${LIVE_SCRIPT_PATH}"></script>\n`,
      );
      return;
    }
    const type = CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream";
    if (path.extname(file) === ".html") {
      const html = readFileSync(file, "utf8");
      const tag = `<script src="${LIVE_SCRIPT_PATH}"></script>`;
      response.writeHead(200, { "content-type": type, "cache-control": "no-store" });
      response.end(html.includes("</body>") ? html.replace(/<\/body>(?![\s\S]*<\/body>)/, `${tag}\n</body>`) : html + tag);
      return;
    }
    response.writeHead(200, { "content-type": type, "cache-control": "no-store" });
    // A file removed between the check and the read (a page being republished) ends this answer, not the preview.
    createReadStream(file)
      .on("error", () => response.destroy())
      .pipe(response);
  };

  const server: Server = createServer((request, response) => {
    try {
      handle(request, response);
    } catch {
      // No request may end the preview: a file that went while it was read is one failed answer.
      if (!response.headersSent) refuse(response, 500, "roilab preview: could not read the page");
      else response.destroy();
    }
  });
  const listeningPort = () => (server.address() as { port: number } | null)?.port;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, PREVIEW_HOST, () => resolve());
  });
  const address = server.address() as { port: number };
  return {
    url: `http://${PREVIEW_HOST}:${address.port}/`,
    reload: () =>
      clients.forEach((_, client) => {
        send(client, "reload", null);
      }),
    problems(messages) {
      current = [...messages];
      clients.forEach((_, client) => {
        send(client, "problems", current);
      });
    },
    openPages: () => [...new Set(clients.values())],
    close: () =>
      new Promise((resolve) => {
        clients.forEach((_, client) => {
          client.end();
        });
        server.close(() => resolve());
      }),
  };
}

import { watch } from "node:fs";
import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  ErrorCode,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  McpError,
  ReadResourceRequestSchema,
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";
import type { WorkerEvent } from "../core/events.js";
import { StateDir } from "../core/state-dir.js";
import { Timeouts } from "../core/timeouts.js";
import type { WorkerHandle } from "../worker/handle.js";
import type { CsdLibrary } from "./library.js";

const WORKERS_URI = "csd://workers";
const EVENTS_URI = /^csd:\/\/workers\/([^/]+)\/events$/;
const eventsUri = (name: string) => `${WORKERS_URI}/${encodeURIComponent(name)}/events`;
/** How many of a worker's newest events reading its events resource returns. */
const EVENTS_READ = 500;

/**
 * The worker list, and each worker's events (JSON lines) with subscriptions: a subscriber is told as each
 * event lands (the library follows the events file; nothing asks tmux).
 */
export function serveResources(server: Server, library: CsdLibrary): void {
  const openWorker = (uri: string): WorkerHandle => {
    const match = EVENTS_URI.exec(uri);
    if (!match) throw new McpError(ErrorCode.InvalidParams, `no such resource: ${uri}`);
    try {
      return library.openWorker(decodeURIComponent(match[1] as string), { env: library.env });
    } catch (error) {
      throw new McpError(ErrorCode.InvalidParams, library.errorReport(error).message);
    }
  };

  server.setRequestHandler(ListResourcesRequestSchema, async () => {
    const workers = await library.listWorkers({ env: library.env });
    return {
      resources: [
        {
          uri: WORKERS_URI,
          name: "workers",
          title: "csd workers",
          description:
            "Every worker: name, status, session id, cwd, usage (as the list tool); subscribe to hear when one changes.",
          mimeType: "application/json",
        },
        ...workers.map((w) => ({
          uri: eventsUri(w.name),
          name: `${w.name} events`,
          description: `The events of worker ${w.name}, JSON lines, oldest first; subscribe to hear of new ones.`,
          mimeType: "application/x-ndjson",
        })),
      ],
    };
  });

  server.setRequestHandler(ListResourceTemplatesRequestSchema, async () => ({
    resourceTemplates: [
      {
        uriTemplate: `${WORKERS_URI}/{name}/events`,
        name: "worker events",
        description: `A worker's events (its newest ${EVENTS_READ}), JSON lines, oldest first; subscribe to hear of new ones.`,
        mimeType: "application/x-ndjson",
      },
    ],
  }));

  server.setRequestHandler(ReadResourceRequestSchema, async ({ params: { uri } }) => {
    if (uri === WORKERS_URI) {
      const workers = await library.listWorkers({ env: library.env });
      return { contents: [{ uri, mimeType: "application/json", text: JSON.stringify(workers, null, 2) }] };
    }
    const events: WorkerEvent[] = [];
    for await (const event of openWorker(uri).events({ last: EVENTS_READ })) events.push(event);
    const text = events.map((event) => `${JSON.stringify(event)}\n`).join("");
    return { contents: [{ uri, mimeType: "application/x-ndjson", text }] };
  });

  const subscriptions = new Map<string, AbortController>();
  server.setRequestHandler(SubscribeRequestSchema, async ({ params: { uri } }) => {
    if (subscriptions.has(uri)) return {};
    if (uri === WORKERS_URI) {
      subscriptions.set(
        uri,
        watchWorkers(library, () => void server.sendResourceUpdated({ uri }).catch(() => undefined)),
      );
      return {};
    }
    const worker = openWorker(uri);
    const controller = new AbortController();
    subscriptions.set(uri, controller);
    void (async () => {
      for await (const _ of worker.events({ last: 0, follow: true, signal: controller.signal }))
        await server.sendResourceUpdated({ uri }).catch(() => undefined);
    })()
      .catch(() => undefined)
      .finally(() => {
        if (subscriptions.get(uri) === controller) subscriptions.delete(uri);
      });
    return {};
  });
  server.setRequestHandler(UnsubscribeRequestSchema, async ({ params: { uri } }) => {
    subscriptions.get(uri)?.abort();
    subscriptions.delete(uri);
    return {};
  });
  const closed = server.onclose;
  server.onclose = () => {
    for (const controller of subscriptions.values()) controller.abort();
    subscriptions.clear();
    closed?.();
  };
}

/**
 * Calls `changed` when a worker of the state dir may have changed: its meta (launched, stopped) or its
 * events (its status) were written. fs.watch on those directories, as `csd top` does; nothing polls.
 */
function watchWorkers(library: CsdLibrary, changed: () => void): AbortController {
  const state = StateDir.fromEnv(library.env).ensure();
  const controller = new AbortController();
  let pending: NodeJS.Timeout | undefined;
  const soon = () => {
    pending ??= setTimeout(() => {
      pending = undefined;
      changed();
    }, Timeouts.mcpListSettleMs);
  };
  for (const dir of [state.metaDir, state.eventsDir]) {
    watch(dir, { persistent: false, signal: controller.signal }, soon).on("error", () => undefined);
  }
  controller.signal.addEventListener("abort", () => clearTimeout(pending));
  return controller;
}

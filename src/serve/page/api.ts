/** The server's JSON API, as the page calls it: GETs with the session cookie, POSTs with the token header too. */
import type { FeedMessage } from "../fleet-feed.js";
import { at } from "./root.js";

let token: Promise<string> | undefined;

/** The token for state-changing requests: asked of the server once (same origin only: CORS is never allowed). */
function sessionToken(): Promise<string> {
  token ??= getJson<{ token: string }>("/api/session").then((s) => s.token);
  return token;
}

export class ApiError extends Error {}

async function answer<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
  if (!response.ok) throw new ApiError(body.error?.message ?? `HTTP ${response.status}`);
  return body as T;
}

export async function getJson<T>(path: string): Promise<T> {
  return answer<T>(await fetch(at(path), { credentials: "same-origin" }));
}

export async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(at(path), {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", "X-CSD-Token": await sessionToken() },
    body: JSON.stringify(body),
  });
  return answer<T>(response);
}

/** Every message of the server's event stream (the browser reconnects by itself when it drops). */
export function listen(onMessage: (message: FeedMessage) => void, onState: (live: boolean) => void): void {
  const source = new EventSource(at("/api/stream"));
  const take = (event: MessageEvent) => onMessage(JSON.parse(String(event.data)) as FeedMessage);
  source.addEventListener("fleet", take);
  source.addEventListener("event", take);
  source.addEventListener("transcript", take);
  source.addEventListener("open", () => onState(true));
  source.addEventListener("error", () => onState(false));
}

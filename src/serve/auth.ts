import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** The cookie a page keeps once it was opened with the token. */
export const SESSION_COOKIE = "csd_session";
/** The header every state-changing request carries: a cross-site form or image can never set it. */
export const TOKEN_HEADER = "x-csd-token";

export type Admission =
  /** The request carries the session cookie or the token in the header. */
  | { kind: "ok" }
  /** A page opened with `?token=`: set the cookie and send the browser on without the token in its URL. */
  | { kind: "open"; cookie: string; location: string }
  | { kind: "refused" };

/**
 * Who may use the server: whoever has the token printed at start (in the URL's query once, then in the
 * X-CSD-Token header), or the session cookie a page got for it. The token is fresh for each run.
 */
export class Admissions {
  readonly token = randomBytes(24).toString("base64url");
  private readonly sessions = new Set<string>();

  constructor(private readonly secureCookie: boolean) {}

  admit(request: IncomingMessage, url: URL): Admission {
    const header = request.headers[TOKEN_HEADER];
    if (typeof header === "string" && this.isToken(header)) return { kind: "ok" };
    const session = cookieOf(request, SESSION_COOKIE);
    if (session !== undefined && this.sessions.has(session)) return { kind: "ok" };
    const query = url.searchParams.get("token");
    if (query !== null && this.isToken(query) && request.method === "GET") {
      const id = randomBytes(24).toString("base64url");
      this.sessions.add(id);
      const rest = new URLSearchParams(url.searchParams);
      rest.delete("token");
      const search = rest.size > 0 ? `?${rest}` : "";
      return {
        kind: "open",
        cookie: `${SESSION_COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/${this.secureCookie ? "; Secure" : ""}`,
        // Relative: behind a proxy that serves csd under a path, the browser's URL has more in front.
        location: `${url.pathname.slice(url.pathname.lastIndexOf("/") + 1) || "./"}${search}`,
      };
    }
    return { kind: "refused" };
  }

  /** Whether a state-changing request carries the token in its header (a cookie alone is not enough). */
  carriesToken(request: IncomingMessage): boolean {
    const header = request.headers[TOKEN_HEADER];
    return typeof header === "string" && this.isToken(header);
  }

  private isToken(candidate: string): boolean {
    const a = Buffer.from(candidate);
    const b = Buffer.from(this.token);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}

function cookieOf(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}

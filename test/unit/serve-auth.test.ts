import assert from "node:assert/strict";
import type { IncomingMessage } from "node:http";
import { describe, it } from "node:test";
import { Admissions } from "../../src/serve/auth.js";

function request(method: string, headers: Record<string, string> = {}): IncomingMessage {
  return { method, headers } as unknown as IncomingMessage;
}
const at = (path: string) => new URL(path, "http://127.0.0.1:1");

describe("csd serve's admissions", () => {
  it("a page opened with the token gets a session cookie and goes on without the token in its URL", () => {
    const admissions = new Admissions(false);
    const opened = admissions.admit(request("GET"), at(`/w/api?token=${admissions.token}&x=1`));
    assert.equal(opened.kind, "open");
    if (opened.kind !== "open") return;
    // Relative, so that it also holds behind a proxy serving csd under a path of its own.
    assert.equal(opened.location, "api?x=1");
    assert.equal(new URL(opened.location, "https://proxy.test/csd/w/api?token=t&x=1").pathname, "/csd/w/api");
    const atRoot = admissions.admit(request("GET"), at(`/?token=${admissions.token}`));
    assert.equal(atRoot.kind === "open" && atRoot.location, "./");
    assert.match(opened.cookie, /^csd_session=[\w-]+; HttpOnly; SameSite=Strict; Path=\/$/);
    const session = opened.cookie.split(";")[0] as string;
    assert.equal(
      admissions.admit(request("GET", { cookie: `other=1; ${session}` }), at("/api/fleet")).kind,
      "ok",
    );
  });

  it("refuses no token, a wrong one, a made-up session, and a token in the URL of a POST", () => {
    const admissions = new Admissions(true);
    const wrong = `${admissions.token.slice(0, -1)}${admissions.token.endsWith("a") ? "b" : "a"}`;
    for (const [req, url] of [
      [request("GET"), at("/")],
      [request("GET"), at(`/?token=${wrong}`)],
      [request("GET"), at("/?token=short")],
      [request("GET", { cookie: "csd_session=made-up" }), at("/api/fleet")],
      [request("GET", { "x-csd-token": wrong }), at("/api/fleet")],
      [request("POST"), at(`/api/workers/a/send?token=${admissions.token}`)],
    ] as const)
      assert.equal(admissions.admit(req, url).kind, "refused", `${req.method} ${url.search}`);
  });

  it("takes the token in the header, and only the header carries it for state changes; TLS marks the cookie Secure", () => {
    const admissions = new Admissions(true);
    const header = { "x-csd-token": admissions.token };
    assert.equal(admissions.admit(request("POST", header), at("/api/workers/a/send")).kind, "ok");
    assert.equal(admissions.carriesToken(request("POST", header)), true);
    assert.equal(admissions.carriesToken(request("POST", { cookie: "csd_session=x" })), false);
    const opened = admissions.admit(request("GET"), at(`/?token=${admissions.token}`));
    assert.ok(opened.kind === "open" && opened.cookie.endsWith("; Secure"));
    assert.notEqual(new Admissions(false).token, admissions.token, "a fresh token each run");
  });
});

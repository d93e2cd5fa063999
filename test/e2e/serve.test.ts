import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, request as httpRequest } from "node:http";
import { get as httpsGet } from "node:https";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { Page } from "playwright-core";
import { PHONE, phone, type Served, serve, UI_WAIT_MS, usePhones } from "../helpers/serve-page.js";
import { REPO_ROOT, World as WorldClass } from "../helpers/world.js";

usePhones();

function card(page: Page, name: string, status?: string) {
  return page.locator(`li[data-worker="${name}"]${status ? `[data-status="${status}"]` : ""}`);
}

test("csd serve on a phone: the fleet live in two browsers, an approval, a prompt and its answer; markup stays text", async (t) => {
  const world = await WorldClass.create(t);
  const policy = join(world.root, "policy.json");
  writeFileSync(policy, JSON.stringify({ rules: [{ ask: "Bash(touch *)" }] }));
  const target = join(world.project, "approved-from-the-phone");
  await world.launch("asker", ["--policy", policy]);
  await world.launch("helper");
  const served = await serve(t, world);
  assert.match(served.url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);

  const one = await phone();
  const two = await phone();
  t.after(() => one.context.close());
  t.after(() => two.context.close());
  for (const { page } of [one, two]) {
    await page.goto(served.url);
    assert.equal(new URL(page.url()).search, "", "the token leaves the address bar");
    await card(page, "asker", "idle").waitFor({ timeout: UI_WAIT_MS });
    await card(page, "helper", "idle").waitFor({ timeout: UI_WAIT_MS });
  }
  const cookie = (await one.context.cookies()).find((c) => c.name === "csd_session");
  assert.equal(cookie?.httpOnly, true);
  assert.equal(cookie?.sameSite, "Strict");

  // A held call shows up in both browsers at once, live.
  world.model.script("touch it", [
    { tools: [{ name: "Bash", input: { command: `touch ${target}` } }] },
    { text: "touched it" },
  ]);
  assert.equal((await world.run("asker", ["send", "touch it"])).code, 0);
  for (const { page } of [one, two]) await card(page, "asker", "waiting").waitFor({ timeout: UI_WAIT_MS });

  // From the fleet to the held call's page: the whole command, then Approve.
  await card(one.page, "asker").locator("a.held-link").click();
  await one.page.waitForURL(/\/w\/asker#held-/);
  const held = one.page.locator("section.held");
  await held.waitFor({ timeout: UI_WAIT_MS });
  assert.equal(await held.locator("pre.input").textContent(), `touch ${target}`);
  await one.page.evaluate(() => window.scrollTo(0, 0));
  const screenshot = join(world.root, "serve.png");
  await one.page.screenshot({ path: screenshot, fullPage: false });
  const fleetShot = join(world.root, "serve-fleet.png");
  await two.page.screenshot({ path: fleetShot });
  if (process.env.CSD_UPDATE_SCREENSHOT) {
    copyFileSync(screenshot, join(REPO_ROOT, "docs", "serve.png"));
    copyFileSync(fleetShot, join(REPO_ROOT, "docs", "serve-fleet.png"));
  }
  await held.locator("button.approve").click();

  // The worker goes on: its answer on the worker's page, idle in the other browser's fleet.
  await one.page.locator(".current .text", { hasText: "touched it" }).waitFor({ timeout: UI_WAIT_MS });
  await one.page.locator('body[data-status="idle"]').waitFor({ timeout: UI_WAIT_MS });
  assert.equal(existsSync(target), true, "the approved call ran");
  await card(two.page, "asker", "idle").waitFor({ timeout: UI_WAIT_MS });
  await card(two.page, "asker").locator(".last-event", { hasText: "stop" }).waitFor({ timeout: UI_WAIT_MS });

  // A prompt from the phone, full of markup: the answer streams in as text, and nothing in it runs.
  const markup = `<img src=x onerror="window.__csdPwned='img'"><script>window.__csdPwned='script'</script> hello`;
  world.model.script("<img", [{ text: `answer: ${markup}`, chunkDelayMs: 30 }]);
  await one.page.goto(`${served.base}/w/helper`);
  await one.page.locator("textarea").fill(markup);
  await one.page.locator("form.send button").click();
  await one.page.locator(".current .prompt", { hasText: markup }).waitFor({ timeout: UI_WAIT_MS });
  await one.page.locator(".current .text", { hasText: `answer: ${markup}` }).waitFor({ timeout: UI_WAIT_MS });
  await card(two.page, "helper").locator(".last-event", { hasText: "stop" }).waitFor({ timeout: UI_WAIT_MS });
  assert.equal(
    await one.page.evaluate(() => (window as unknown as { __csdPwned?: string }).__csdPwned),
    undefined,
  );
  assert.equal(await one.page.locator("main img, main script").count(), 0, "markup became no element");
  const answer = await world.run("helper", ["read-turn"]);
  assert.ok(answer.stdout.includes(`answer: ${markup}`), "the worker got the prompt as typed");
  assert.ok((await one.page.locator(".current .text").first().textContent())?.includes("<script>"));

  // Both pages fit a phone: nothing wider than the screen.
  for (const page of [one.page, two.page]) {
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= PHONE.width, `${page.url()} is ${wide}px wide on a ${PHONE.width}px screen`);
  }
});

test("csd serve refuses every request without the token or its cookie, and state changes without the header", async (t) => {
  const world = await WorldClass.create(t);
  await world.launch("solo");
  const served = await serve(t, world);
  for (const path of ["/", "/w/solo", "/api/fleet", "/api/workers/solo", "/api/stream", "/assets/page.js"]) {
    const response = await fetch(`${served.base}${path}`);
    assert.equal(response.status, 401, path);
    await response.body?.cancel();
  }
  const wrong = await fetch(`${served.base}/api/fleet?token=${served.token.slice(1)}x`);
  assert.equal(wrong.status, 401);
  await wrong.body?.cancel();
  // A cross-site form would send the cookie but never the header: refused, and nothing typed.
  const opened = await fetch(served.url, { redirect: "manual" });
  assert.equal(opened.status, 303);
  const cookie = (opened.headers.get("set-cookie") ?? "").split(";")[0] as string;
  const form = await fetch(`${served.base}/api/workers/solo/send`, {
    method: "POST",
    headers: { cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: "prompt=hi",
  });
  assert.equal(form.status, 403);
  const withCookie = await fetch(`${served.base}/api/fleet`, { headers: { cookie } });
  assert.equal(withCookie.status, 200);
  assert.deepEqual(
    ((await withCookie.json()) as { workers: Array<{ name: string }> }).workers.map((w) => w.name),
    ["solo"],
  );
  const events = (await world.run("solo", ["read-events"])).stdout;
  assert.equal(events.includes("user_prompt_submit"), false, "no prompt reached the worker");
  const page = await fetch(`${served.base}/`, { headers: { cookie } });
  assert.match(page.headers.get("content-security-policy") ?? "", /script-src 'self'/);
  assert.equal((await page.text()).includes("<script>"), false, "no inline script");
});

test("a notification links to the held call's page; deny with a reason, answer, interrupt and stop from the page", async (t) => {
  const world = await WorldClass.create(t);
  const policy = join(world.root, "policy.json");
  writeFileSync(policy, JSON.stringify({ rules: [{ ask: "Bash(touch *)" }] }));
  const told = join(world.root, "told.json");
  const added = await world.csd(["notify", "add", `exec:cat > ${told}`, "--on", "waiting"]);
  assert.equal(added.code, 0, added.stderr);
  await world.launch("asker", ["--policy", policy]);
  const served = await serve(t, world, ["--public-url", "https://phone.example.test:8443/"]);
  assert.match(served.url, /^https:\/\/phone\.example\.test:8443\/\?token=/);
  const local = await localBase(served);

  world.model.script("touch it", [
    { tools: [{ name: "Bash", input: { command: `touch ${join(world.project, "never")}` } }] },
    { text: "the tool said: $TOOL_RESULT" },
  ]);
  assert.equal((await world.run("asker", ["send", "touch it"])).code, 0);
  const notification = await until("the waiting notification", () => {
    try {
      return JSON.parse(readFileSync(told, "utf8")) as { id: string; url?: string };
    } catch {
      return undefined;
    }
  });
  assert.equal(notification.url, `https://phone.example.test:8443/w/asker#held-${notification.id}`);

  // The link, on this server: straight to the held call.
  const { context, page } = await phone();
  t.after(() => context.close());
  await page.goto(`${local}/?token=${served.token}`);
  await page.goto(`${local}${new URL(notification.url).pathname}${new URL(notification.url).hash}`);
  const held = page.locator(`section#held-${notification.id}`);
  await held.waitFor({ timeout: UI_WAIT_MS });
  await held.locator("input.reason").fill("not from a phone");
  await held.locator("button.deny").click();
  await page.locator(".current .text", { hasText: "not from a phone" }).waitFor({ timeout: UI_WAIT_MS });
  assert.equal(existsSync(join(world.project, "never")), false, "the denied call did not run");

  // A question: one tap on a choice answers it.
  world.model.script("ask me", [
    {
      tools: [
        {
          name: "AskUserQuestion",
          input: {
            questions: [
              {
                question: "Which database?",
                header: "Database",
                multiSelect: false,
                options: [
                  { label: "Postgres", description: "relational" },
                  { label: "Redis", description: "key-value" },
                ],
              },
            ],
          },
        },
      ],
    },
    { text: "answer was: $TOOL_RESULT" },
  ]);
  await page.locator("textarea").fill("ask me");
  await page.locator("form.send button").click();
  await page
    .locator("section.held p.question", { hasText: "Which database?" })
    .waitFor({ timeout: UI_WAIT_MS });
  await page.locator('section.held button[data-choice="Redis"]').click();
  await page.locator(".current .text", { hasText: "answer was:" }).waitFor({ timeout: UI_WAIT_MS });
  assert.match((await page.locator(".current .text").last().textContent()) ?? "", /Redis/);

  // Two questions, one of them multi-select: choices toggle, and Answer sends both once each has one.
  world.model.script("two questions now", [
    {
      tools: [
        {
          name: "AskUserQuestion",
          input: {
            questions: [
              {
                question: "Which caches?",
                header: "Caches",
                multiSelect: true,
                options: [
                  { label: "Memory", description: "fast" },
                  { label: "Disk", description: "big" },
                  { label: "None", description: "simple" },
                ],
              },
              {
                question: "Which region?",
                header: "Region",
                multiSelect: false,
                options: [
                  { label: "North", description: "cold" },
                  { label: "South", description: "warm" },
                ],
              },
            ],
          },
        },
      ],
    },
    { text: "answers were: $TOOL_RESULT" },
  ]);
  await page.locator("textarea").fill("two questions now");
  await page.locator("form.send button").click();
  const twice = page.locator("section.held", { hasText: "Which caches?" });
  await twice.waitFor({ timeout: UI_WAIT_MS });
  const answer = twice.getByRole("button", { name: "Answer" });
  for (const choice of ["Memory", "Disk", "None", "None", "South"])
    await twice.locator(`button[data-choice="${choice}"]`).click();
  assert.equal(await twice.locator('button[data-choice="None"]').getAttribute("aria-pressed"), "false");
  assert.equal(await twice.locator('button[data-choice="Disk"]').getAttribute("aria-pressed"), "true");
  await answer.click();
  const both = page.locator(".current .text", { hasText: "answers were:" });
  await both.waitFor({ timeout: UI_WAIT_MS });
  const said = (await both.last().textContent()) ?? "";
  assert.match(said, /Memory, Disk/);
  assert.match(said, /South/);
  await page
    .locator(".earlier .earlier-turn summary", { hasText: "touch it" })
    .waitFor({ timeout: UI_WAIT_MS });

  // A turn that would never end after its tool call: the call's result shows as the transcript gets it (no
  // event comes after it); then Interrupt, and the worker is idle again.
  world.model.script("look then think forever", [
    { tools: [{ name: "Bash", input: { command: "sleep 2; echo streamed-$((6 * 7))" } }] },
    { hang: true },
  ]);
  await page.locator("textarea").fill("look then think forever");
  await page.locator("form.send button").click();
  await page.locator(".current .running").waitFor({ timeout: UI_WAIT_MS }); // the call runs (sleep 2)
  await page.locator(".current pre.result", { hasText: "streamed-42" }).waitFor({ timeout: UI_WAIT_MS });
  await page.locator('body[data-status="working"]').waitFor({ timeout: UI_WAIT_MS });
  await page.getByRole("button", { name: "Interrupt" }).click();
  await page.locator('body[data-status="idle"]').waitFor({ timeout: UI_WAIT_MS });
  assert.equal((await world.run("asker", ["status"])).stdout.trim(), "idle");

  // Stop (after the page asks): the worker is gone from the fleet.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Stop" }).click();
  await page.locator(".message", { hasText: "stopped" }).waitFor({ timeout: UI_WAIT_MS });
  await page.goto(`${local}/`);
  await page.locator("li.empty").waitFor({ timeout: UI_WAIT_MS });

  // serve ends: its public URL is no longer recorded, so notifications stop linking to it.
  const ended = new Promise((resolve) => served.process.once("exit", resolve));
  served.process.kill("SIGINT");
  await ended;
  assert.equal(existsSync(join(world.stateDir, "serve.json")), false);
});

/** The address serve listens on, from its stderr line (the printed URL is the public one). */
async function localBase(served: Served): Promise<string> {
  return until("serve's stderr line", () => /on (http:\/\/127\.0\.0\.1:\d+)/.exec(served.stderr())?.[1]);
}

/** Polls `look` until it returns something (bounded by `tries`, never asserted on time). */
async function until<T>(what: string, look: () => T | undefined, tries = 300): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const found = look();
    if (found !== undefined) return found;
    await sleep(100);
  }
  throw new Error(`gave up waiting for ${what}`);
}

test("--listen on another address than loopback: plain HTTP said plainly, or HTTPS with --cert and --key", async (t) => {
  const world = await WorldClass.create(t);
  const plain = await serve(t, world, ["--listen", "0.0.0.0"]);
  await until("the warning", () => (/plain HTTP/.test(plain.stderr()) ? true : undefined));
  assert.match(plain.stderr(), /unencrypted/);
  const port = new URL(plain.url).port;
  const refused = await fetch(`http://127.0.0.1:${port}/api/fleet`);
  assert.equal(refused.status, 401);
  await refused.body?.cancel();

  const key = join(world.root, "key.pem");
  const cert = join(world.root, "cert.pem");
  const made = spawnSync("openssl", [
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    key,
    "-out",
    cert,
    "-days",
    "1",
    "-subj",
    "/CN=127.0.0.1",
  ]);
  assert.equal(made.status, 0, String(made.stderr));
  const tls = await serve(t, world, ["--listen", "0.0.0.0", "--cert", cert, "--key", key]);
  assert.match(tls.url, /^https:\/\//);
  const opened = await new Promise<{ status: number; cookie: string }>((resolve, reject) => {
    const url = new URL(tls.url);
    const request = httpsGet(
      { host: "127.0.0.1", port: url.port, path: `/${url.search}`, rejectUnauthorized: false },
      (response) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0, cookie: String(response.headers["set-cookie"] ?? "") });
      },
    );
    request.on("error", reject);
  });
  assert.equal(opened.status, 303);
  assert.match(opened.cookie, /; Secure/);
  assert.equal(/plain HTTP/.test(tls.stderr()), false);

  const bad = await world.csd(["serve", "--cert", cert]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--cert and --key go together/);
});

/** A reverse proxy on loopback that serves `target` under `/csd/`, as nginx's `location /csd/` would. */
async function pathProxy(t: { after: (fn: () => unknown) => void }, target: string): Promise<string> {
  const upstream = new URL(target);
  const server = createServer((request, response) => {
    const path = request.url ?? "/";
    if (!path.startsWith("/csd/")) {
      response.writeHead(404).end("not under /csd/\n");
      return;
    }
    const forwarded = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: request.method,
        path: path.slice("/csd".length),
        headers: { ...request.headers, host: upstream.host },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    forwarded.on("error", () => response.destroy());
    request.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  t.after(() => {
    server.closeAllConnections();
    server.close();
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/csd`;
}

test("csd serve behind a proxy that serves it under a path of its own (--public-url https://host/csd/)", async (t) => {
  const world = await WorldClass.create(t);
  await world.launch("deep");
  const served = await serve(t, world, ["--public-url", "http://proxy.example.test/csd/"]);
  assert.match(
    served.url,
    /^http:\/\/proxy\.example\.test\/csd\/\?token=/,
    "it prints where people reach it",
  );
  // Where it listens, as its stderr says.
  let listening: RegExpExecArray | null = null;
  for (let i = 0; i < 100 && !listening; i++) {
    listening = / on (http:\/\/127\.0\.0\.1:\d+)/.exec(served.stderr());
    if (!listening) await sleep(100);
  }
  assert.ok(listening, served.stderr());
  const proxied = await pathProxy(t, listening[1] as string);
  const { context, page } = await phone();
  t.after(() => context.close());
  await page.goto(`${proxied}/?token=${served.token}`);
  assert.equal(page.url(), `${proxied}/`, "the token leaves the address bar, the page stays under /csd/");
  await card(page, "deep", "idle").waitFor({ timeout: UI_WAIT_MS });
  await page.locator('body[data-live="yes"]').waitFor({ timeout: UI_WAIT_MS });
  await card(page, "deep").locator("a.name").click();
  await page.waitForURL(`${proxied}/w/deep`);
  // The worker's page under the prefix: a prompt sent from it, its answer streamed through the proxy.
  await page.locator("textarea").fill("hello from under a path");
  await page.locator("form.send button").click();
  await page
    .locator(".current .text", { hasText: "ECHO:hello from under a path" })
    .waitFor({ timeout: UI_WAIT_MS });
  await page.locator("a.back").click();
  await page.waitForURL(`${proxied}/`);
  await card(page, "deep").locator(".last-event", { hasText: "stop" }).waitFor({ timeout: UI_WAIT_MS });
});

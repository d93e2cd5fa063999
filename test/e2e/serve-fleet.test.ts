/**
 * csd serve's fleet as a person sees it when things are not plain: a worker on another host (a real sshd on
 * loopback) whose held call is approved from the phone, a worker stopped by its plan's usage limit, and one
 * whose last turn failed.
 */
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { directive, limitThen } from "../helpers/limits.js";
import { phone, serve, UI_WAIT_MS, usePhones } from "../helpers/serve-page.js";
import { SshdHost } from "../helpers/sshd.js";
import { World } from "../helpers/world.js";

usePhones();

test("the fleet page shows a remote worker and approves its held call, a limited worker and a failed turn", async (t) => {
  // Plan mode: the offline model's usage limit reads as a plan's (see test/helpers/limits.ts).
  const world = await World.create(t, { plan: true });
  const host = await SshdHost.start(t, world);
  if (!host) return;
  Object.assign(world.env, host.env);
  const policy = join(world.root, "policy.json");
  writeFileSync(policy, JSON.stringify({ rules: [{ ask: "Bash(touch *)" }] }));
  const launched = await world.csd([
    "launch",
    "far",
    host.project,
    "--host",
    host.spec,
    "--policy",
    policy,
    ...host.envFlags(),
  ]);
  assert.equal(launched.code, 0, launched.stderr);
  await world.launch("capped");
  await world.launch("broken");
  const served = await serve(t, world);
  const { context, page } = await phone();
  t.after(() => context.close());
  await page.goto(served.url);
  const card = (name: string, status: string) =>
    page.locator(`li[data-worker="${name}"][data-status="${status}"]`);
  await card("far", "idle").waitFor({ timeout: UI_WAIT_MS });
  assert.match(
    (await card("far", "idle").locator(".host").textContent()) ?? "",
    /@csd-test-remote@127\.0\.0\.1/,
  );

  // The remote worker's held call shows on the fleet and is approved on its page.
  const target = join(host.project, "approved-over-ssh");
  world.model.script("touch far", [
    // The host's project path has spaces and quotes in it: the command names the file from its cwd.
    { tools: [{ name: "Bash", input: { command: "touch approved-over-ssh" } }] },
    { text: "touched far away" },
  ]);
  assert.equal((await world.run("far", ["send", "touch far"])).code, 0);
  const waiting = card("far", "waiting");
  await waiting.waitFor({ timeout: UI_WAIT_MS });
  await waiting.locator("a.held-link").click();
  const held = page.locator("section.held");
  await held.waitFor({ timeout: UI_WAIT_MS });
  assert.equal(await held.locator("pre.input").textContent(), "touch approved-over-ssh");
  await held.locator("button.approve").click();
  await page.locator(".current .text", { hasText: "touched far away" }).waitFor({ timeout: UI_WAIT_MS });
  assert.equal(host.asRemoteUser(["test", "-e", target]).status, 0, "the approved call ran on the host");

  // A turn the API failed; then a plan's usage limit resetting far in the future (the fake model's limit
  // holds for the whole account, as a plan's does: it comes last).
  world.model.script("break it", [
    { error: { status: 400, type: "invalid_request_error", message: "scripted failure" } },
  ]);
  assert.equal((await world.run("broken", ["send", "break it"])).code, 0);
  await page.goto(`${served.base}/`);
  const broken = card("broken", "idle").locator(".doing", { hasText: "last turn failed" });
  await broken.waitFor({ timeout: UI_WAIT_MS });
  assert.match((await broken.textContent()) ?? "", /scripted failure|invalid_request/);
  assert.equal(
    (await world.run("capped", ["send", `go on ${directive(limitThen(3_600_000, "after the reset"))}`])).code,
    0,
  );
  const capped = card("capped", "limited");
  await capped.waitFor({ timeout: UI_WAIT_MS });
  assert.match((await capped.locator(".doing").textContent()) ?? "", /^usage limit: resets /);
});

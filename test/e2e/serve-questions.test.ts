/**
 * A question a worker of another CLI asks, answered from csd serve's page on a phone: Gemini CLI's ask_user
 * with a yes/no question and one without options, which takes any text typed on the page.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { withGemini, worldsInPrivateDir } from "../helpers/gemini-world.js";
import { phone, serve, UI_WAIT_MS, usePhones } from "../helpers/serve-page.js";
import { World } from "../helpers/world.js";

// Gemini CLI ignores its settings under a directory others may write to (see harness-pending.test.ts).
test.after(worldsInPrivateDir());
usePhones();

test("a Gemini CLI question without options is answered with text typed on the page", async (t) => {
  const world = await World.create(t);
  const gemini = await withGemini(world, (fn) => t.after(fn));
  await world.launch("gem", ["--harness", "gemini"]);
  const served = await serve(t, world);
  gemini.script("name it", [
    {
      tools: [
        {
          name: "ask_user",
          input: {
            questions: [
              { question: "Shall I go on?", header: "Go on", type: "yesno" },
              { question: "What is the service called?", header: "Name", type: "text" },
            ],
          },
        },
      ],
    },
    { text: "answer was: $TOOL_RESULT" },
  ]);
  assert.equal((await world.run("gem", ["send", "name it"])).code, 0);

  const { context, page } = await phone();
  t.after(() => context.close());
  await page.goto(served.url);
  await page.goto(`${served.base}/w/gem`);
  const held = page.locator("section.held", { hasText: "What is the service called?" });
  await held.waitFor({ timeout: UI_WAIT_MS });
  const answer = held.getByRole("button", { name: "Answer" });
  await held.locator('button[data-choice="No"]').click();
  assert.equal(await answer.isDisabled(), true, "the text question has no answer yet");
  await held.getByRole("textbox", { name: "What is the service called?" }).fill("the ledger, v2");
  await answer.click();

  const done = page.locator(".current .text", { hasText: "answer was:" });
  await done.waitFor({ timeout: UI_WAIT_MS });
  assert.match(
    (await done.last().textContent()) ?? "",
    /"Shall I go on\?" = "No"; "What is the service called\?" = "the ledger, v2"/,
  );
});

import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { type TestContext, test } from "node:test";
import {
  CsdError,
  ExitCode,
  launch,
  listWorkers,
  openWorker,
  prune,
  resume,
  type WorkerEvent,
  type WorkerHandle,
} from "../../src/index.js";
import { until } from "../helpers/recovery.js";
import { masterConnections, SshdHost } from "../helpers/sshd.js";
import { World } from "../helpers/world.js";

/**
 * The library's one handle: the same test body drives a worker on this machine and one on another host
 * (a real sshd on loopback, a second local user), through `launch` and `openWorker` from src/index.ts.
 */

interface Where {
  world: World;
  /** The library options of every call (the world's env, and for a host its ssh config). */
  env: NodeJS.ProcessEnv;
  launch(name: string, policy: string): Promise<WorkerHandle>;
  host?: string;
}

async function driveTheSameWay(where: Where): Promise<void> {
  const { world, env } = where;
  const policy = join(world.root, "handle-policy.json");
  writeFileSync(policy, JSON.stringify({ rules: [{ ask: "Bash(touch *)" }] }));
  const worker = await where.launch("handy", policy);
  assert.equal(worker.name, "handy");
  assert.equal(worker.host, where.host);
  const info = await worker.info();
  assert.equal(info.host, where.host);
  assert.equal(info.shimPath, world.shim("handy"), "the shim is this machine's, wherever the worker runs");

  // converse, with the turn's events as they land.
  world.model.script("hello handle", [
    { tools: [{ name: "Bash", input: { command: "echo through the handle" } }] },
    { text: "said: $TOOL_RESULT" },
  ]);
  const seen: WorkerEvent[] = [];
  const said = await worker.converse("hello handle", {
    timeoutMs: 120_000,
    onEvent: (event) => seen.push(event),
  });
  assert.equal(said.end.kind, "stopped", JSON.stringify(said.end));
  assert.equal(said.end.kind === "stopped" && said.end.text, "said: through the handle");
  assert.ok(
    seen.some((e) => e.event === "pre_tool_use" && e.tool_name === "Bash"),
    seen.map((e) => e.event).join(" "),
  );
  assert.equal((await worker.status()).status, "idle");
  const turn = await worker.readTurn();
  assert.equal(turn?.prompt, "hello handle");
  assert.ok(turn?.items.some((item) => item.kind === "tool_call" && item.name === "Bash"));
  const last = [];
  for await (const event of worker.events({ last: 1, type: "stop" })) last.push(event);
  assert.equal(last.length, 1);

  // A call the policy holds: pending, approve, and the turn goes on.
  world.model.script("make approved", [
    { tools: [{ name: "Bash", input: { command: "touch approved" } }] },
    { text: "made it" },
  ]);
  const held = await worker.converse("make approved", { timeoutMs: 120_000 });
  assert.equal(held.end.kind, "waiting", JSON.stringify(held.end));
  const [request, ...more] = await worker.pending();
  assert.equal(more.length, 0);
  assert.equal(request?.rule, "Bash(touch *)");
  await worker.approve(request?.id as string);
  const done = await worker.waitForTurn({ timeoutMs: 120_000 });
  assert.equal(done.kind === "stopped" && done.text, "made it", JSON.stringify(done));

  // A held call denied with a reason: it never runs, and the model hears why.
  world.model.script("make denied", [
    { tools: [{ name: "Bash", input: { command: "touch denied" } }] },
    { text: "told: $TOOL_RESULT" },
  ]);
  assert.equal((await worker.converse("make denied", { timeoutMs: 120_000 })).end.kind, "waiting");
  const [refusal] = await worker.pending();
  await worker.deny(refusal?.id as string, "not on a Friday");
  const denied = await worker.waitForTurn({ timeoutMs: 120_000 });
  assert.match(denied.kind === "stopped" ? denied.text : JSON.stringify(denied), /not on a Friday/);

  // What top shows of it: its turns and the running tool call, read on from where the last look stood.
  const looked = await worker.activity();
  assert.equal(looked.activity.turns, 3, JSON.stringify(looked));
  assert.equal(looked.activity.tool, undefined, "no tool call runs between turns");

  // A question to the user, answered through the handle.
  const questions = [
    {
      question: "Which colour?",
      header: "Colour",
      multiSelect: false,
      options: [
        { label: "Red", description: "warm" },
        { label: "Blue", description: "cool" },
      ],
    },
  ];
  world.model.script("ask the handle", [
    { tools: [{ name: "AskUserQuestion", input: { questions } }] },
    { text: "picked: $TOOL_RESULT" },
  ]);
  assert.equal((await worker.converse("ask the handle", { timeoutMs: 120_000 })).end.kind, "waiting");
  const [question] = await worker.pending();
  assert.equal(question?.kind, "question");
  await worker.answer(question?.id as string, ["2"]);
  const answered = await worker.waitForTurn({ timeoutMs: 120_000 });
  assert.match(answered.kind === "stopped" ? answered.text : JSON.stringify(answered), /Blue/);
  const lookedAgain = await worker.activity(looked);
  assert.ok(lookedAgain.offset > looked.offset, "the second look reads on from the first");
  assert.equal(lookedAgain.activity.turns, 4, JSON.stringify(lookedAgain));
  assert.equal(lookedAgain.activity.last?.event, "stop", JSON.stringify(lookedAgain.activity.last));
  assert.match(lookedAgain.activity.last?.message ?? "", /Blue/);

  // Hand-off: the command a person runs here to reach the pane (over ssh for a host's worker).
  const handoff = await worker.handoff();
  assert.match(
    handoff,
    where.host ? /^ssh -t .*attach-session -t/ : /^tmux -S .* attach-session -t '?=handy'?$/,
  );
  // diff: the worker's cwd is no git repository, which both sides say alike.
  await assert.rejects(worker.diff("stat"), (error: unknown) => {
    assert.ok(error instanceof CsdError, String(error));
    assert.equal(error.exitCode, ExitCode.usage, error.message);
    return true;
  });

  // Errors come back as CsdError with their exit code.
  await assert.rejects(worker.approve("no-such-request"), (error: unknown) => {
    assert.ok(error instanceof CsdError, String(error));
    assert.equal(error.exitCode, ExitCode.usage);
    assert.match(error.message, /no pending request no-such-request/);
    return true;
  });

  // Usage and budget.
  const usage = await worker.usage();
  assert.ok(usage.life.messages > 0, JSON.stringify(usage.life));
  assert.equal((await worker.budget())?.maxUsd, 50);
  assert.equal((await worker.setBudget({ maxUsd: 40 })).maxUsd, 40);
  assert.equal((await worker.budget())?.maxUsd, 40);
  assert.equal(await worker.budgetExhaustion(), undefined);

  // The same worker opened again by name; listed with its host.
  const again = openWorker("handy", { env });
  assert.equal(again.host, where.host);
  assert.equal(await again.sessionId(), await worker.sessionId());
  const listed = (await listWorkers({ env })).find((w) => w.name === "handy");
  assert.equal(listed?.status, "idle");
  assert.equal(listed?.host, where.host);

  // stop ends it; the name is then unknown (exit 3), here and there alike.
  const stopped = await worker.stop();
  assert.ok(stopped.actions.length > 0, JSON.stringify(stopped));
  assert.throws(
    () => openWorker("handy", { env }),
    (error: unknown) => error instanceof CsdError && error.exitCode === ExitCode.unknownWorker,
  );
}

test("the handle drives a local worker", async (t: TestContext) => {
  const world = await World.create(t);
  const env = world.env;
  await driveTheSameWay({
    world,
    env,
    launch: (name, policy) => launch(name, world.project, { env, policy, budget: { maxUsd: 50 } }),
  });
});

test("the handle drives a worker on another host the same way, and a name is one worker across both", async (t: TestContext) => {
  const world = await World.create(t);
  const host = await SshdHost.start(t, world);
  if (!host) return;
  const env = { ...world.env, ...host.env };
  await driveTheSameWay({
    world,
    env,
    host: host.spec,
    launch: (name, policy) =>
      launch(name, host.project, {
        env,
        host: host.spec,
        remoteEnv: host.remoteEnv(),
        policy,
        budget: { maxUsd: 50 },
      }),
  });

  // list, top, resume and prune reach the host: a worker whose tmux there went away.
  const remote = { env, host: host.spec, remoteEnv: host.remoteEnv() };
  const lost = await launch("lost", host.project, remote);
  const top = await world.csd(["top", "--json"], { env });
  assert.equal(top.code, 0, top.stderr);
  const row = (
    JSON.parse(top.stdout) as { workers: Array<{ name: string; status: string; handoff: string }> }
  ).workers[0];
  assert.equal(row?.name, "lost");
  assert.equal(row?.status, "idle");
  assert.match(row?.handoff ?? "", /^ssh -t .*attach-session/);
  const killTmux = () => assert.equal(host.asRemoteUser(["tmux", "kill-session", "-t", "=lost"]).status, 0);
  killTmux();
  assert.equal((await lost.status()).status, "gone");
  const resumed = await resume("lost", remote);
  assert.equal(resumed.host, host.spec);
  world.model.script("after resume", [{ text: "back again" }]);
  const back = await resumed.converse("after resume", { timeoutMs: 120_000 });
  assert.equal(back.end.kind === "stopped" && back.end.text, "back again", JSON.stringify(back.end));
  // top counts a remote worker's turns and says how its last one ended, as for a local one.
  const topAfter = await world.csd(["top", "--json"], { env });
  const rowAfter = (
    JSON.parse(topAfter.stdout) as { workers: Array<{ name: string; turns: number; doing: string }> }
  ).workers.find((w) => w.name === "lost");
  assert.equal(rowAfter?.turns, 1, topAfter.stdout);
  assert.equal(rowAfter?.doing, "done: back again", topAfter.stdout);
  killTmux();
  assert.deepEqual(
    (await listWorkers({ env, all: true })).map((w) => [w.name, w.status, w.host]),
    [["lost", "gone", host.spec]],
  );
  const pruned = await prune({ env });
  assert.deepEqual(
    pruned.map((p) => [p.name, p.host]),
    [["lost", host.spec]],
  );
  assert.ok(
    pruned[0]?.files.some((file) => file.startsWith(host.remoteStateDir)),
    JSON.stringify(pruned),
  );
  assert.throws(() => openWorker("lost", { env }), CsdError);
  // It was the host's last worker here: its master connection went with it, as after a stop.
  await until(
    "the host's master is gone with the pruned worker",
    () => masterConnections(world).length === 0,
  );
  assert.notEqual(
    host.asRemoteUser(["test", "-e", join(host.remoteStateDir, "meta", "lost.json")]).status,
    0,
  );

  // A name on a host is refused here by the library itself, and the other way round.
  const far = await launch("taken", host.project, { env, host: host.spec, remoteEnv: host.remoteEnv() });
  await assert.rejects(launch("taken", world.project, { env }), (error: unknown) => {
    assert.ok(error instanceof CsdError);
    assert.equal(error.exitCode, ExitCode.busy);
    assert.match(error.message, /runs on csd-test-remote@127\.0\.0\.1/);
    return true;
  });
  await far.stop();
  await launch("here", world.project, { env });
  await assert.rejects(
    launch("here", host.project, { env, host: host.spec, remoteEnv: host.remoteEnv() }),
    (error: unknown) => error instanceof CsdError && error.exitCode === ExitCode.busy,
  );
});

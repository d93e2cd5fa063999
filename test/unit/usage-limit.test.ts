import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseResetTime, usageLimitOf } from "../../src/claude/usage-limit.js";

const at = (iso: string) => Date.parse(iso);

describe("a usage limit as Claude Code reports it", () => {
  it("reads the reset minute of a StopFailure in the zone it names", () => {
    const failure = {
      event: "stop_failure",
      ts: "2026-12-04T18:40:06.143Z",
      error: "rate_limit",
      last_assistant_message: "You've hit your 5-hour limit · resets 6:40pm (UTC)",
    };
    assert.deepEqual(usageLimitOf(failure), {
      resetsAt: "2026-12-04T18:40:00.000Z",
      message: "You've hit your 5-hour limit · resets 6:40pm (UTC)",
    });
    assert.equal(usageLimitOf({ ...failure, error: "overloaded" }), undefined);
    assert.equal(usageLimitOf({ ...failure, last_assistant_message: "Rate limited" }), undefined);
  });

  it("takes the next such time, a date when given, and other zones", () => {
    const seen = at("2026-12-04T23:50:00Z");
    assert.equal(parseResetTime("resets 1am (UTC)", seen), at("2026-12-05T01:00:00Z"));
    assert.equal(parseResetTime("resets 11:50pm (UTC)", seen), at("2026-12-04T23:50:00Z"));
    assert.equal(parseResetTime("resets 6pm (Europe/Paris)", seen), at("2026-12-05T17:00:00Z"));
    assert.equal(parseResetTime("resets 12pm (America/New_York)", seen), at("2026-12-05T17:00:00Z"));
    assert.equal(parseResetTime("resets Dec 9, 6pm (UTC)", seen), at("2026-12-09T18:00:00Z"));
    assert.equal(parseResetTime("resets Jan 2, 9:30am (UTC)", seen), at("2027-01-02T09:30:00Z"));
    assert.equal(parseResetTime("resets Jan 2, 2028, 9am (UTC)", seen), at("2028-01-02T09:00:00Z"));
    assert.equal(parseResetTime("no time here", seen), undefined);
  });
});

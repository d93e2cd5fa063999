import type { WorkerEvent } from "../core/events.js";

/**
 * A plan's usage limit as Claude Code reports it on StopFailure (2.1.331): `error: "rate_limit"` and a
 * last_assistant_message like "You've hit your 5-hour limit · resets 6:40pm (UTC)" ("… resets Dec 5, 6pm
 * (Europe/Paris)" when the reset is over a day away). The reset is shown to the minute in Claude Code's
 * time zone; the exact second (the 429's anthropic-ratelimit-unified-reset header) is not recorded anywhere
 * csd can read.
 */
export interface UsageLimit {
  /** The minute Claude Code shows the limit resets at (ISO). */
  resetsAt: string;
  /** Claude Code's own words ("You've hit your 5-hour limit · resets 6:40pm (UTC)"). */
  message: string;
}

/** The reset is shown to the minute: it comes at the latest this long after the minute shown. */
export const RESET_PRECISION_MS = 60_000;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const RESETS =
  /\bresets (?:([A-Z][a-z]{2}) (\d{1,2}),(?: (\d{4}),)? )?(\d{1,2})(?::(\d{2}))?(am|pm)(?: \(([^)]+)\))?/;

/** The usage limit a stop_failure event reports, or undefined for any other failure (or event). */
export function usageLimitOf(event: WorkerEvent): UsageLimit | undefined {
  if (event.event !== "stop_failure" || event.error !== "rate_limit") return undefined;
  const message = typeof event.last_assistant_message === "string" ? event.last_assistant_message : "";
  const at = parseResetTime(message, Date.parse(event.ts));
  return at === undefined ? undefined : { resetsAt: new Date(at).toISOString(), message };
}

/**
 * The instant of "resets 6:40pm (UTC)" in `message`, seen at `seenAt` (epoch ms): the first such minute
 * not before the minute seen (a reset without a date is within a day). Undefined when there is none.
 */
export function parseResetTime(message: string, seenAt: number): number | undefined {
  const m = RESETS.exec(message);
  if (!m) return undefined;
  const [, month, day, year, hour12, minute, ampm, zone] = m;
  const timeZone = zone && isTimeZone(zone) ? zone : undefined;
  const hour = (Number(hour12) % 12) + (ampm === "pm" ? 12 : 0);
  const min = minute ? Number(minute) : 0;
  const seen = zonedParts(seenAt, timeZone);
  if (month && day) {
    const monthIndex = MONTHS.indexOf(month);
    if (monthIndex < 0) return undefined;
    let y = year ? Number(year) : seen.year;
    let at = zonedInstant({ year: y, month: monthIndex, day: Number(day), hour, minute: min }, timeZone);
    if (!year && at < seenAt - RESET_PRECISION_MS) {
      y += 1; // "Jan 2, 9am" seen on Dec 30
      at = zonedInstant({ year: y, month: monthIndex, day: Number(day), hour, minute: min }, timeZone);
    }
    return at;
  }
  let at = zonedInstant({ ...seen, hour, minute: min }, timeZone);
  if (at < seenAt - RESET_PRECISION_MS) {
    const tomorrow = zonedParts(seenAt + 24 * 3600_000, timeZone);
    at = zonedInstant({ ...tomorrow, hour, minute: min }, timeZone);
  }
  return at;
}

interface WallClock {
  year: number;
  /** 0-based. */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The wall clock at `at` in `timeZone` (undefined: this process's zone). */
function zonedParts(at: number, timeZone: string | undefined): WallClock {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(new Date(at));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: part("year"),
    month: part("month") - 1,
    day: part("day"),
    hour: part("hour"),
    minute: part("minute"),
  };
}

/** The instant a wall clock in `timeZone` shows (DST gaps resolve to a neighbouring minute). */
function zonedInstant(clock: WallClock, timeZone: string | undefined): number {
  const wanted = Date.UTC(clock.year, clock.month, clock.day, clock.hour, clock.minute);
  let guess = wanted;
  for (let i = 0; i < 3; i++) {
    const shown = zonedParts(guess, timeZone);
    const offset = Date.UTC(shown.year, shown.month, shown.day, shown.hour, shown.minute) - guess;
    const next = wanted - offset;
    if (next === guess) break;
    guess = next;
  }
  return guess;
}

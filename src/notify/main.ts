// The notifier's entry (bundled into the worker plugin's hooks/csd-notify.cjs by scripts/bundle.mjs), started
// detached by the hook, the gate or csd for an event some target wants:
//   csd-notify.cjs <notify triggers dir> <worker> <event> <ts>
// Nobody waits for it and its output goes nowhere: failures are logged in the state dir.
import { StateDir } from "../core/state-dir.js";
import { notifyEvent } from "./notify.js";

const [triggersDir, worker, eventName, ts] = process.argv.slice(2);
if (triggersDir && worker && eventName && ts) {
  notifyEvent(StateDir.ofNotifyTriggersDir(triggersDir), worker, eventName, ts).catch(() => undefined);
}

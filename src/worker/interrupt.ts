import type { StatusReport } from "../core/status.js";
import { currentStatus } from "./current-status.js";
import type { LocalWorker } from "./local.js";

/** What `interrupt` did: whether a turn was running (and got Esc), and the status it saw first. */
export interface InterruptReport {
  interrupted: boolean;
  status: StatusReport["status"];
}

/**
 * Stops the running turn as a person does, with Esc in the worker's pane; the worker stays for the next
 * prompt. A worker not working is left alone (Esc there would clear what a person is typing). The end of
 * the turn is recorded as every Esc is (a Stop never comes: see current-status.ts).
 */
export async function interruptTurn(worker: LocalWorker): Promise<InterruptReport> {
  const { status } = await currentStatus(worker);
  if (status !== "working") return { interrupted: false, status };
  await worker.tmux.sendKeys(worker.name, "Escape");
  return { interrupted: true, status };
}

/** Every wait csd does, named in one place. */
export const Timeouts = {
  /** Safety-net poll of the events file beside fs.watch. */
  eventPollMs: 250,
  /** How often launch looks at the screen for a dialog while waiting for SessionStart. */
  screenPollMs: 250,
  /** How often a long wait checks that claude is still alive. */
  livenessPollMs: 500,
  /** Every how many liveness polls a wait also asks tmux whether the session still exists. */
  tmuxCheckEveryTicks: 4,
  /** From tmux start to the worker's SessionStart event. */
  launchMs: 30_000,
  /** How long `--sandbox`'s trial run of bubblewrap (`bwrap … true`, ~10 ms) may take. */
  sandboxProbeMs: 10_000,
  /** How long the first send after a session start waits for the TUI to draw its input box. */
  inputBoxMs: 15_000,
  /** How long an update of Claude Code's .claude.json waits for the lock a running claude holds on it. */
  claudeConfigLockMs: 10_000,
  claudeConfigLockPollMs: 20,
  /** How long one tmux command may take before csd gives up on the tmux server. */
  tmuxCommandMs: 10_000,
  /** How long to let a tmux server that was exiting finish before asking it again (see tmux.ts). */
  tmuxServerExitMs: 100,
  /** How long `stop` waits for a killed claude to be gone. */
  processGoneMs: 3_000,
  /** How long `stop` waits for session_end after /exit. */
  stopGraceMs: 10_000,
  /** After a prompt is typed: how long to wait for its user_prompt_submit before pressing Enter again. */
  submitConfirmMs: 1_500,
  /**
   * The same for the first prompt of a harness whose session starts with it (Codex, opencode: they set the
   * session up, run their SessionStart hooks and only then take the prompt; seconds on a loaded machine).
   */
  firstPromptConfirmMs: 8_000,
  /** After Enter on a slash command: how long before csd looks whether a menu took the Enter instead. */
  slashMenuMs: 700,
  /** How many times Enter is retried before send gives up. */
  submitRetries: 3,
  /** `csd mcp`: how long after a change of the workers' files the list's subscribers are told (a burst: once). */
  mcpListSettleMs: 100,
  /** How often a queued send looks whether its turn has come. */
  queuePollMs: 100,
  /** Default `wait-for-turn` and `converse` timeouts, in seconds (the spec's defaults). */
  waitForTurnDefaultS: 60,
  converseDefaultS: 120,
  /**
   * How long after a turn's final reply in the transcript its Stop event may still be on its way (the hook
   * takes ~30 ms): past that, a missing Stop is taken as lost.
   */
  unrecordedStopGraceMs: 3_000,
  /** resume: a prompt this recent may not be in a transcript yet (Claude Code writes it a moment later). */
  transcriptPendingMs: 10_000,
  /**
   * How long read-turn waits for the transcript to hold a turn that Stop already reported (it lags ~0.15 s,
   * over a second on a loaded machine: a full test run at load 7 read a turn without its reply at 1 s).
   */
  transcriptCatchUpMs: 3_000,
  transcriptRetryMs: 15,
  /** How long a Stop without its text (Claude Code 2.1.0 – 2.1.4x) waits for the transcript to hold it. */
  finalTextCatchUpMs: 3_000,
  /** How long approve/deny/answer wait for the gate to confirm it took the decision. */
  decisionTakenMs: 5_000,
  /** How long send waits for the TUI to draw a long typed prompt before checking it, and how often it looks. */
  inputEchoMs: 5_000,
  inputEchoPollMs: 30,
  /** How long one typed chunk may take to show on screen before typing goes on by the clock. */
  chunkEchoMs: 1_000,
  /** How long the input box may be missing before send presses Escape to close whatever covers it. */
  menuCloseAfterMs: 1_000,
  /** How long send waits for the input box of a running session to be empty and ready. */
  inputReadyMs: 5_000,
  /** After Escape, how long before a key is safe from being read as Alt+key. */
  escapeSettleMs: 200,
  /** SSH (remote hosts): how long ssh may take to connect, and how often an idle link is probed (3 misses end it). */
  sshConnectS: 10,
  sshServerAliveS: 5,
  /** How long a host's master connection stays up after its last command. */
  sshControlPersistS: 600,
  /** How long a command waits for the master another command is starting. */
  sshMasterWaitMs: 15_000,
  /** Pause between typed chunks so the TUI does not merge them into one paste. */
  typeChunkPauseMs: 5,
  /**
   * How long a budget check waits for the transcript to hold the message of the call it checks (Claude Code
   * writes it about when PreToolUse starts), and how often it looks.
   */
  budgetCatchUpMs: 1_000,
  budgetRetryMs: 10,
  /**
   * After a usage limit's reset: how long Claude Code may take to continue the turn by itself (it waits a
   * random 30–90 s, then acts on its next 30 s tick: 30–120 s, 2.1.331) before csd takes it as not continuing (launch --on-limit continue then does).
   */
  limitContinueGraceMs: 180_000,
  /** How long csd looks for Claude Code's usage-limit dialog or note after the StopFailure. */
  limitScreenMs: 5_000,
  /** launch --retry: the pause before csd continues a failed turn, doubled at each attempt. */
  retryBackoffMs: 2_000,
  /** How long one notification target may take (a command, an HTTP POST, notify-send) before it counts as failed. */
  notifyDeliveryMs: 10_000,
  /**
   * csd serve: how often the server looks at every worker's status once for all its pages (what no event
   * says: a tmux session that died, a limit's reset), while a page is open.
   */
  serveStatusTickMs: 2_000,
  /** csd serve: events in a burst make one fleet refresh, this long after the first. */
  serveSettleMs: 50,
  /** csd serve: a comment line on each event stream this often, so proxies keep it open. */
  serveHeartbeatMs: 15_000,
  /** csd serve's page: a worker's events in a burst make one reload of its page's data. */
  servePageSettleMs: 30,
  /** csd serve's page: how often times like "5 s ago" are redrawn. */
  servePageClockMs: 5_000,
  /** How long `<harness> --version` may take at launch (pi, codex, …) before the version is left unknown. */
  harnessVersionMs: 10_000,
} as const;

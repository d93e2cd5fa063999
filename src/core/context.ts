import { StateDir } from "./state-dir.js";

/** What every library call needs from its surroundings; tests pass their own. */
export interface CsdOptions {
  /** State dir; default `$CSD_STATE_DIR`, else `~/.local/state/csd` (see defaultStateDir). */
  stateDir?: string;
  /** The caller's environment (what a launched worker inherits); default process.env. */
  env?: NodeJS.ProcessEnv;
}

export interface Context {
  state: StateDir;
  env: NodeJS.ProcessEnv;
}

export function contextFrom(options: CsdOptions = {}): Context {
  const env = options.env ?? process.env;
  return { state: options.stateDir ? new StateDir(options.stateDir) : StateDir.fromEnv(env), env };
}

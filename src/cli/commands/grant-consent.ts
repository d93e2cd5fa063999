import { grantConsent } from "../../claude/consent.js";
import { noMorePositionals, parseArgs } from "../args.js";
import { err, type Io } from "../io.js";

export async function run(args: string[], io: Io): Promise<number> {
  const { positionals } = parseArgs("grant-consent", args, {});
  noMorePositionals("grant-consent", positionals, 0);
  const { path, changed } = grantConsent(io.env);
  err(io, changed ? `csd: consent recorded in ${path}` : `csd: consent already recorded in ${path}`);
  return 0;
}

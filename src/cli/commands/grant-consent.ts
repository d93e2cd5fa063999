import { grantConsent } from "../../claude/consent.js";
import { noMorePositionals, parseArgs } from "../args.js";
import { err, type Io } from "../io.js";

export async function run(args: string[], io: Io): Promise<number> {
  const { positionals } = parseArgs("grant-consent", args, {});
  noMorePositionals("grant-consent", positionals, 0);
  const { paths, changed } = grantConsent(io.env);
  err(
    io,
    changed.length > 0
      ? `csd: consent recorded in ${changed.join(" and ")}`
      : `csd: consent already recorded in ${paths.join(" and ")}`,
  );
  return 0;
}

import { grantConsent } from "../../claude/consent.js";
import { noMorePositionals, type ParsedArgs } from "../args.js";
import { err, type Io } from "../io.js";

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const { positionals } = args;
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

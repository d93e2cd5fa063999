/** A separate process that marks directories trusted in a CLAUDE_CONFIG_DIR: argv: config dir, directories…. */
import { preTrustDirectory } from "../../src/claude/trust.js";

const [configDir, ...dirs] = process.argv.slice(2);
for (const dir of dirs) preTrustDirectory(dir, { CLAUDE_CONFIG_DIR: configDir });

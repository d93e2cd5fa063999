import { fileURLToPath } from "node:url";

/** The csd plugin directory shipped with this package (dist/src/claude → ../../../plugin). */
export function pluginDir(): string {
  return fileURLToPath(new URL("../../../plugin", import.meta.url));
}

/**
 * Where the server's root is as this browser reaches it: `/` when it talks to csd serve itself, `/csd/` behind
 * a proxy that serves it under `/csd/` (`--public-url https://host/csd/`). The page's own address tells: the
 * fleet is the root, a worker's page `w/<name>` below it.
 */
const ROOT = ((path: string) => {
  const worker = /^(.*\/)w\/[^/]+$/.exec(path);
  if (worker) return worker[1] as string;
  return path.endsWith("/") ? path : `${path}/`;
})(location.pathname);

/** A path from the server's root (`/api/fleet`, `/w/name`) as this browser reaches it. */
export function at(path: string): string {
  return ROOT + path.replace(/^\//, "");
}

/** The worker whose page this is, or undefined on the fleet page. */
export function workerOfPage(): string | undefined {
  const match = /\/w\/([^/]+)$/.exec(location.pathname);
  return match ? decodeURIComponent(match[1] as string) : undefined;
}

/** The page's script: the fleet at `/`, a worker at `/w/<name>`, both kept live by the server's event stream. */
import { Timeouts } from "../../core/timeouts.js";
import { listen } from "./api.js";
import { FleetPage } from "./fleet.js";
import { workerOfPage } from "./root.js";
import { WorkerPage } from "./worker.js";

function start(): void {
  const root = document.getElementById("app") as HTMLElement;
  const worker = workerOfPage();
  const page = worker !== undefined ? new WorkerPage(root, worker) : new FleetPage(root);
  listen(
    (message) => page.take(message),
    (live) => {
      document.body.dataset.live = live ? "yes" : "no";
    },
  );
  if (page instanceof FleetPage) setInterval(() => page.tick(), Timeouts.servePageClockMs);
}

start();

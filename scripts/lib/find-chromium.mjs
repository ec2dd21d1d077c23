// The browser the end-to-end suite drives: CHROMIUM_PATH, Debian's chromium, or a Playwright
// browser already on the machine. When none is there and this runs as root on Debian, Debian's
// `chromium` is installed (never a download from Playwright's CDN, which this network lacks).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";
const INSTALL_COMMAND = "apt-get install -y chromium";

function playwrightBrowser() {
  try {
    const location = chromium.executablePath();
    return location && existsSync(location) ? location : null;
  } catch {
    return null;
  }
}

/** Resolves to the browser's path, or `{ missing: message }` with the command to run. */
export function findChromium({ env = process.env, log = console.log } = {}) {
  if (env.CHROMIUM_PATH) {
    if (existsSync(env.CHROMIUM_PATH)) return { path: env.CHROMIUM_PATH };
    return { missing: `CHROMIUM_PATH=${env.CHROMIUM_PATH} does not exist. Point it at a Chromium binary, or unset it and run: ${INSTALL_COMMAND}` };
  }
  if (existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM };
  const installed = playwrightBrowser();
  if (installed) return { path: installed };
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && existsSync("/etc/debian_version")) {
    log(`No Chromium found: installing Debian's chromium (${INSTALL_COMMAND}).`);
    const quiet = ["ignore", "ignore", "inherit"];
    const update = spawnSync("apt-get", ["update", "-qq"], { stdio: quiet });
    const install = update.status === 0
      ? spawnSync("apt-get", ["install", "-y", "-qq", "-o", "Dpkg::Use-Pty=0", "chromium"], { stdio: quiet, env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } })
      : update;
    if (install.status === 0 && existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM };
    return { missing: `Installing Debian's chromium failed. Run as root: apt-get update && ${INSTALL_COMMAND}` };
  }
  return { missing: `No Chromium found for the end-to-end suite. Run as root: sudo ${INSTALL_COMMAND} (or set CHROMIUM_PATH).` };
}

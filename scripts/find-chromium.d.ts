/**
 * `CHROMIUM_PATH`, else a Chromium or Chrome on PATH, else (as root on Debian)
 * `apt-get install -y chromium`; else it throws with the exact command to run.
 */
export function findChromium(): string;

// Finds a Chromium for the end-to-end tests and benchmarks, installing Debian's when it can.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

function onPath(name) {
	const result = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
	const path = result.stdout.trim();
	return result.status === 0 && path ? path : null;
}

/**
 * `CHROMIUM_PATH`, else a Chromium or Chrome on PATH, else (as root on Debian)
 * `apt-get install -y chromium`; else it stops with the exact command to run.
 */
export function findChromium() {
	const fromEnv = process.env.CHROMIUM_PATH;
	if (fromEnv) {
		if (existsSync(fromEnv)) return fromEnv;
		throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.`);
	}
	for (const name of NAMES) {
		const path = onPath(name);
		if (path) return path;
	}
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (isRoot && existsSync('/etc/debian_version') && onPath('apt-get')) {
		console.log('Installing Chromium from Debian (apt-get install -y chromium)…');
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
		execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
		const path = onPath('chromium');
		if (path) return path;
	}
	throw new Error(
		'No Chromium found. Install one and try again:\n' +
			'  sudo apt-get install -y chromium\n' +
			'or point CHROMIUM_PATH at a Chromium or Chrome binary.'
	);
}

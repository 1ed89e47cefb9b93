// The offline edition: the whole site in one HTML file, for classrooms without a reliable
// network. `OFFLINE=1 vite build` (npm run build:offline) writes it with the adapter below; the
// hosted build copies it into its own output, so that the home page can offer it for download.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where `npm run build:offline` writes the file. */
export const OFFLINE_DIR = 'build-offline';
/** The file's name, here and in the hosted site (`<base>/session-lab-offline.html`). */
export const OFFLINE_FILE_NAME = 'session-lab-offline.html';
/** The path of the offline edition, relative to the project. */
export const OFFLINE_FILE = join(OFFLINE_DIR, OFFLINE_FILE_NAME);

/** Files and folders the offline file is built from: when one is newer, it is rebuilt. */
const SOURCES = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];

/**
 * Makes the one page self-contained: the icon becomes a data URL, and the links to the web app
 * manifest (an installable site needs a server) and to anything else outside the file go.
 * @param {string} html the prerendered page, with scripts and styles already inline
 * @param {string} favicon the SVG icon's text
 */
export function selfContained(html, favicon) {
	const icon = `data:image/svg+xml,${encodeURIComponent(favicon)}`;
	return html
		.replace(/<link rel="icon" href="[^"]*"/, `<link rel="icon" href="${icon}"`)
		.replace(/\s*<link rel="manifest"[^>]*>/, '');
}

/**
 * The adapter of the offline build. SvelteKit's hash router prerenders only the root page, and
 * the inline bundle strategy puts every script and style into it, so that page is the site.
 * @returns {import('@sveltejs/kit').Adapter}
 */
export function offlineAdapter() {
	return {
		name: 'session-lab-offline',
		async adapt(builder) {
			const pages = builder.getBuildDirectory('offline-pages');
			builder.rimraf(pages);
			builder.writePrerendered(pages);
			const html = readFileSync(join(pages, 'index.html'), 'utf8');
			const favicon = readFileSync('static/favicon.svg', 'utf8');
			mkdirSync(OFFLINE_DIR, { recursive: true });
			writeFileSync(OFFLINE_FILE, selfContained(html, favicon));
			builder.log(`Wrote the offline edition to "${OFFLINE_FILE}"`);
		}
	};
}

/**
 * The newest modification time under `path`, in milliseconds.
 * @param {string} path
 */
function newest(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let latest = stat.mtimeMs;
	for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
	return latest;
}

/** Whether the offline file is missing or older than one of its sources. */
export function offlineFileStale() {
	if (!existsSync(OFFLINE_FILE)) return true;
	const built = statSync(OFFLINE_FILE).mtimeMs;
	return SOURCES.some((source) => newest(source) > built);
}

/**
 * Builds the offline file when it is missing or stale; throws when the build fails. Its output
 * (the one-file build warns about its size and about `import.meta`) shows only on failure.
 * @param {(message: string) => void} log
 */
export function ensureOfflineFile(log = console.log) {
	if (!offlineFileStale()) return;
	log(`Building the offline edition (${OFFLINE_FILE}) first…`);
	const result = spawnSync('npm', ['run', 'build:offline', '--silent'], {
		encoding: 'utf8',
		// OFFLINE=1 already for its `svelte-kit sync`, which then leaves the hosted build's files be.
		env: { ...process.env, OFFLINE: '1' }
	});
	if (result.status !== 0) {
		process.stdout.write(result.stdout ?? '');
		process.stderr.write(result.stderr ?? '');
		throw new Error('The offline edition did not build (npm run build:offline).');
	}
}

/**
 * Wraps the hosted site's adapter: after it has written the site, the offline edition is copied
 * in beside the home page (built first when missing or stale), so the download link works on
 * any static host.
 * @param {import('@sveltejs/kit').Adapter} adapter
 * @param {string} pages the folder the adapter writes the pages to
 * @returns {import('@sveltejs/kit').Adapter}
 */
export function withOfflineEdition(adapter, pages) {
	return {
		...adapter,
		async adapt(builder) {
			await adapter.adapt(builder);
			ensureOfflineFile((message) => builder.log(message));
			builder.copy(OFFLINE_FILE, join(pages, OFFLINE_FILE_NAME));
			builder.log(`Added the offline edition as "${join(pages, OFFLINE_FILE_NAME)}"`);
		}
	};
}

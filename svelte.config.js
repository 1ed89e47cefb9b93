import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { withFolderPages } from './scripts/folder-pages.js';
import { offlineAdapter, withOfflineEdition } from './scripts/offline-edition.js';

/**
 * `OFFLINE=1` (`npm run build:offline`) builds the offline edition: the whole site in one HTML
 * file that runs from `file://` (see scripts/offline-edition.js). Otherwise this is the hosted
 * site, which carries that file for download.
 */
const offline = process.env.OFFLINE === '1';

/** The site can live under a sub-path (for example GitHub Pages): BASE_PATH=/session-lab. */
const base = offline ? '' : (process.env.BASE_PATH ?? '');
const pages = process.env.BUILD_DIR ?? 'build';

/** The Content Security Policy of the hosted site: everything from its own origin. */
const directives = {
	'default-src': ['self'],
	'script-src': ['self'],
	'style-src': ['self', 'unsafe-inline'],
	'img-src': ['self', 'data:', 'blob:'],
	'connect-src': ['self'],
	'worker-src': ['self'],
	'manifest-src': ['self'],
	'object-src': ['none'],
	'base-uri': ['self'],
	'form-action': ['self']
};

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: offline
		? {
				adapter: offlineAdapter(),
				// A separate output folder, so that this build can run while (or inside) a hosted
				// build without touching its files.
				outDir: '.svelte-kit/offline',
				alias: { $edition: 'src/lib/edition/offline' },
				// Everything (scripts, styles) goes inline into the one page...
				output: { bundleStrategy: 'inline' },
				// ...and the route lives in the fragment (`#/lessons/cookies`), since a file has no
				// server to answer other paths. SvelteKit then renders every page in the browser.
				router: { type: 'hash' },
				paths: { base: '', relative: false },
				prerender: { handleHttpError: 'fail' },
				csp: {
					mode: 'hash',
					// The same policy, with SvelteKit adding the hash of the inlined bundle to
					// script-src. Under file:// Chromium gives the page an opaque origin, so 'self'
					// matches nothing the page needs: it loads no other file and fetches nothing
					// (the simulated server answers in the page). No service worker, no manifest.
					directives: {
						...directives,
						'connect-src': ['none'],
						'worker-src': ['none'],
						'manifest-src': ['none']
					}
				}
			}
		: {
				adapter: withOfflineEdition(
					withFolderPages(
						adapter({ pages, assets: pages, fallback: '404.html', strict: true }),
						pages
					),
					pages
				),
				alias: { $edition: 'src/lib/edition/hosted' },
				paths: { base, relative: false },
				prerender: { handleHttpError: 'fail' },
				csp: { mode: 'hash', directives }
			}
};

export default config;

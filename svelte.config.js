import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { writeFolderPages } from './scripts/folder-pages.js';

/** The site can live under a sub-path (for example GitHub Pages): BASE_PATH=/session-lab. */
const base = process.env.BASE_PATH ?? '';

const pages = process.env.BUILD_DIR ?? 'build';

/**
 * adapter-static, then every page once more as a folder index (`lessons.html` and
 * `lessons/index.html`), so that hosts of either kind serve it (README, "Publishing").
 * @returns {import('@sveltejs/kit').Adapter}
 */
function staticSite() {
	const site = adapter({ pages, assets: pages, fallback: '404.html', strict: true });
	return {
		...site,
		async adapt(builder) {
			await site.adapt(builder);
			writeFolderPages(pages);
		}
	};
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: staticSite(),
		paths: { base, relative: false },
		prerender: { handleHttpError: 'fail' },
		csp: {
			mode: 'hash',
			directives: {
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
			}
		}
	}
};

export default config;

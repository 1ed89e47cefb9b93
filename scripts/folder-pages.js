// Writes each prerendered page `x.html` a second time as `x/index.html`, so that the site works
// both on hosts that serve `/x` from `x.html` (GitHub Pages, Netlify, Cloudflare Pages) and on
// hosts that serve only `x/index.html` for a folder URL `/x/` (nginx, Apache or S3 as they come).
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Pages that stay where they are: indexes already are, and 404.html is the hosts' fallback. */
const KEEP = new Set(['index.html', '404.html']);
/** SvelteKit's scripts and styles: no pages in there. */
const ASSETS = '_app';

/**
 * Copies every `x.html` under `dir` (recursively) to `x/index.html`.
 * @param {string} dir the built site
 * @returns {number} how many pages were copied
 */
export function writeFolderPages(dir) {
	let copied = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) {
			if (entry.name !== ASSETS) copied += writeFolderPages(path);
		} else if (entry.name.endsWith('.html') && !KEEP.has(entry.name)) {
			const folder = join(dir, entry.name.slice(0, -'.html'.length));
			mkdirSync(folder, { recursive: true });
			copyFileSync(path, join(folder, 'index.html'));
			copied++;
		}
	}
	return copied;
}

/**
 * Wraps the site's adapter: after it has written the site, every page is written once more as a
 * folder index (README, "Publishing").
 * @param {import('@sveltejs/kit').Adapter} adapter
 * @param {string} pages the folder the adapter writes the pages to
 * @returns {import('@sveltejs/kit').Adapter}
 */
export function withFolderPages(adapter, pages) {
	return {
		...adapter,
		async adapt(builder) {
			await adapter.adapt(builder);
			const copied = writeFolderPages(pages);
			builder.log(`Wrote ${copied} pages again as folder indexes (x/index.html)`);
		}
	};
}

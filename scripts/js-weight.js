// Measures the JavaScript a page loads on a cold start: every script response until the network
// is idle, each body gzipped at level 9, summed. Shared by `npm run bench` and the budget test.
import { gzipSync } from 'node:zlib';

/** The JavaScript budget of the home page, gzipped: 160 KB. */
export const JS_BUDGET_BYTES = 160 * 1024;

/**
 * Loads `url` in `page` (a fresh Playwright page) and sums the gzip size of its JavaScript.
 * @returns the total and each file, largest first
 */
export async function measureJsWeight(page, url) {
	const pending = [];
	page.on('response', (response) => {
		const type = response.headers()['content-type'] ?? '';
		const isScript =
			response.request().resourceType() === 'script' ||
			/javascript|ecmascript/.test(type) ||
			/\.m?js(\?|$)/.test(response.url());
		if (!isScript || response.status() !== 200) return;
		pending.push(
			response
				.body()
				.then((body) => ({
					url: response.url(),
					raw: body.length,
					gzip: gzipSync(body, { level: 9 }).length
				}))
				.catch(() => null)
		);
	});
	await page.goto(url, { waitUntil: 'networkidle' });
	const files = (await Promise.all(pending)).filter(Boolean);
	const unique = new Map(files.map((file) => [file.url, file]));
	const list = [...unique.values()].sort((a, b) => b.gzip - a.gzip);
	return { total: list.reduce((sum, file) => sum + file.gzip, 0), files: list };
}

import { expect, test } from '@playwright/test';
import { JS_BUDGET_BYTES, measureJsWeight } from '../../scripts/js-weight.js';

test('the home page loads at most 160 KB of gzipped JavaScript on a cold start', async ({
	page
}) => {
	const { total, files } = await measureJsWeight(page, './');
	console.log(
		`JavaScript loaded by /: ${(total / 1024).toFixed(1)} KB gzip in ${files.length} files ` +
			`(budget ${JS_BUDGET_BYTES / 1024} KB)`
	);
	for (const file of files.slice(0, 5))
		console.log(`  ${(file.gzip / 1024).toFixed(1)} KB  ${new URL(file.url).pathname}`);
	expect(total).toBeLessThanOrEqual(JS_BUDGET_BYTES);
});

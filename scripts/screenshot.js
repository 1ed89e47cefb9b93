#!/usr/bin/env node
// Takes screenshots of the built site for the README and for reviewing layouts by eye.
// Usage: node scripts/screenshot.js <url> <out.png> [width] [height] [script]
import { chromium } from '@playwright/test';
import { findChromium } from './find-chromium.js';

const [url, out, width = '1280', height = '720', actions = ''] = process.argv.slice(2);
const browser = await chromium.launch({
	executablePath: findChromium(),
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync'
	]
});
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
await page.goto(url);
await page.waitForTimeout(1500);
if (actions) {
	const run = new Function('page', `return (async () => { ${actions} })()`);
	await run(page);
	await page.waitForTimeout(800);
}
await page.screenshot({ path: out, fullPage: process.env.FULL === '1' });
await browser.close();
console.log(`Saved ${out}`);

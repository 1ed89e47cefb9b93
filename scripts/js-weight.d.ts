import type { Page } from '@playwright/test';

/** The JavaScript budget of the home page, gzipped: 160 KB. */
export const JS_BUDGET_BYTES: number;

/** One JavaScript file a page loaded. */
export interface JsFile {
	url: string;
	raw: number;
	gzip: number;
}

/** Loads `url` and sums the gzip size of the JavaScript it loads until the network is idle. */
export function measureJsWeight(
	page: Page,
	url: string
): Promise<{ total: number; files: JsFile[] }>;

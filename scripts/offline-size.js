#!/usr/bin/env node
// The offline edition's size: its bytes, and gzipped at level 9 as scripts/js-weight.js measures
// JavaScript. `npm run bench` prints it as a row; `node scripts/offline-size.js [file]` alone.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { OFFLINE_FILE } from './offline-edition.js';

/**
 * The size of one file, as it is and gzipped at level 9.
 * @param {string} path
 * @returns {{ bytes: number, gzip: number }}
 */
export function measureOfflineFile(path = OFFLINE_FILE) {
	const body = readFileSync(path);
	return { bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
}

/**
 * A size for the table: "775,477 bytes (757.3 KB); 262.4 KB gzip".
 * @param {{ bytes: number, gzip: number }} size
 */
export function describeSize({ bytes, gzip }) {
	const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
	return `${bytes.toLocaleString('en')} bytes (${kb(bytes)}); ${kb(gzip)} gzip`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const path = process.argv[2] ?? OFFLINE_FILE;
	console.log(`${path}: ${describeSize(measureOfflineFile(path))}`);
}

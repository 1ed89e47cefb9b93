#!/usr/bin/env node
// Runs every suite (unit, component, property, end to end against the built site under two base
// paths) and ends with one line that adds them all up: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium } from './find-chromium.js';

const totals = { passed: 0, failed: 0, skipped: 0 };

function run(command, args, env = {}) {
	console.log(`\n$ ${command} ${args.join(' ')}`);
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	return result.status ?? 1;
}

function readJson(path) {
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch {
		return null;
	}
}

mkdirSync('test-results', { recursive: true });
let chromium;
try {
	chromium = findChromium();
} catch (error) {
	console.error(error.message);
	process.exit(1);
}
process.env.CHROMIUM_PATH = chromium;

// 1. Unit, component and property tests.
rmSync('test-results/unit.json', { force: true });
const unitStatus = run('npx', [
	'vitest',
	'run',
	'--reporter=default',
	'--reporter=json',
	'--outputFile.json=test-results/unit.json'
]);
const unit = readJson('test-results/unit.json');
if (unit) {
	totals.passed += unit.numPassedTests;
	totals.failed += unit.numFailedTests;
	totals.skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
} else if (unitStatus !== 0) totals.failed += 1;

// 2. The offline edition: the hosted builds copy it in, and tests/e2e/offline.spec.ts opens it.
if (run('npm', ['run', 'build:offline', '--silent']) !== 0) totals.failed += 1;

// 3. End to end in Chromium: Playwright builds the site twice (at the root and under a
// sub-path) and serves each build itself (see playwright.config.ts).
if (existsSync('tests/e2e')) {
	rmSync('test-results/e2e.json', { force: true });
	const e2eStatus = run('npx', ['playwright', 'test']);
	const e2e = readJson('test-results/e2e.json');
	if (e2e?.stats) {
		totals.passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
		if (e2e.stats.flaky)
			console.log(`\nEnd to end: ${e2e.stats.flaky} test(s) passed only on retry.`);
		totals.failed += e2e.stats.unexpected;
		totals.skipped += e2e.stats.skipped;
	} else if (e2eStatus !== 0) totals.failed += 1;
}

console.log('');
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);

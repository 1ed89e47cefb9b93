import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

/** Benchmarks run through Vitest so they import the site's own modules; they are not tests. */
export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['bench/**/*.run.ts'],
		environment: 'node',
		testTimeout: 900_000,
		reporters: ['default'],
		fileParallelism: false
	}
});

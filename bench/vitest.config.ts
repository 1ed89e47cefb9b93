import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../vite.config';

/** Benchmarks run through Vitest so they import the site's own modules; they are not tests. */
export default mergeConfig(
	base,
	defineConfig({
		test: {
			include: ['bench/**/*.run.ts'],
			testTimeout: 900_000,
			reporters: ['default'],
			fileParallelism: false
		}
	})
);

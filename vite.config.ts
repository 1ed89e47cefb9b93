import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

/** Component tests: Svelte components rendered with @testing-library/svelte. */
const componentTests = 'src/**/*.svelte.test.ts';

export default defineConfig({
	plugins: [sveltekit(), svelteTesting()],
	test: {
		setupFiles: ['./vitest-setup.ts'],
		testTimeout: 20000,
		projects: [
			{
				extends: true,
				test: {
					name: 'node',
					include: ['src/**/*.test.ts'],
					exclude: [componentTests],
					environment: 'node'
				}
			},
			{
				extends: true,
				test: { name: 'jsdom', include: [componentTests], environment: 'jsdom' }
			}
		]
	}
});

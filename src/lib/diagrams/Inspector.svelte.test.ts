import '@testing-library/jest-dom/vitest';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import Inspector from './Inspector.svelte';
import { fixtureScene } from '$lib/testing/layout-fixtures';

describe('Inspector', () => {
	it('shows the newest exchange as raw HTTP by default', () => {
		render(Inspector, { scene: fixtureScene() });
		const section = screen.getByRole('region', { name: 'Inspector' });
		expect(section).toHaveTextContent('POST /logout HTTP/1.1');
		expect(screen.getByLabelText('Raw response')).toHaveTextContent('HTTP/1.1 302 Found');
		expect(screen.getByLabelText('Raw response').textContent).toContain(
			'Set-Cookie: sid=; Path=/; Max-Age=0'
		);
		expect(section).toHaveTextContent('session destroyed');
	});

	it('follows the selection and shows belief, truth and the mismatch', async () => {
		const view = render(Inspector, { scene: fixtureScene() });
		await view.rerender({ scene: fixtureScene(), selected: 'x3' });
		const request = screen.getByLabelText('Raw request').textContent ?? '';
		expect(request).toContain('GET /api/code HTTP/1.1');
		expect(request).toContain('Cookie: sid=AAAA1111');
		const section = screen.getByRole('region', { name: 'Inspector' });
		expect(section).toHaveTextContent('hijack');
		expect(section).toHaveTextContent("Mallory presents Alice's session S1.");
		expect(section).toHaveTextContent('198.51.100.7');
		expect(section).toHaveTextContent('alice');
	});

	it('copies a curl command', async () => {
		const writeText = vi.fn(() => Promise.resolve());
		Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
		render(Inspector, { scene: fixtureScene(), selected: 'x2' });
		await fireEvent.click(screen.getByRole('button', { name: 'Copy as curl' }));
		expect(writeText).toHaveBeenCalledWith(
			"curl -i 'http://myapp.example/api/code' -H 'User-Agent: Mozilla/5.0 (fixture)' -H 'Content-Type: application/x-www-form-urlencoded' -H 'Cookie: sid=AAAA1111' --data-raw 'code=abc'"
		);
		expect(await screen.findByRole('status')).toHaveTextContent('Copied');
	});
});

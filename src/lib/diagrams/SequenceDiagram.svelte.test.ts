import '@testing-library/jest-dom/vitest';
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import SequenceDiagram from './SequenceDiagram.svelte';
import { fakeWorldState } from '$lib/testing/fake-state.svelte';
import { makeExchange } from '$lib/testing/layout-fixtures';

describe('SequenceDiagram', () => {
	it('draws a named, focusable diagram with one arrow group per exchange', () => {
		const { state } = fakeWorldState();
		render(SequenceDiagram, { state, height: 4000 });
		const svg = screen.getByRole('group', { name: /Sequence diagram/ });
		expect(svg).toHaveAttribute('tabindex', '0');
		expect(svg).toHaveAttribute('data-arrow-keys');
		expect(within(svg).getAllByText('POST /api/code').length).toBeGreaterThan(0);
		expect(within(svg).getAllByText('200 OK').length).toBeGreaterThan(0);
		expect(within(svg).getByText('hijack')).toBeInTheDocument();
		expect(within(svg).getByText('sid deleted')).toBeInTheDocument();
		expect(within(svg).getByText("on Alice's laptop")).toBeInTheDocument();
	});

	it('selects an exchange on click and moves with the arrow keys', async () => {
		const { state } = fakeWorldState();
		render(SequenceDiagram, { state, height: 4000 });
		await fireEvent.click(screen.getByRole('button', { name: /Exchange x2:/ }));
		expect(state.selected).toBe('x2');
		const svg = screen.getByRole('group', { name: /Sequence diagram/ });
		await fireEvent.keyDown(svg, { key: 'ArrowDown' });
		expect(state.selected).toBe('x3');
		await fireEvent.keyDown(svg, { key: 'ArrowUp' });
		await fireEvent.keyDown(svg, { key: 'ArrowLeft' });
		expect(state.selected).toBe('x1');
		await tick();
		expect(screen.getByRole('button', { name: /Exchange x1:/ })).toHaveClass('selected');
	});

	it('re-reads the world when the version changes', async () => {
		const fake = fakeWorldState();
		render(SequenceDiagram, { state: fake.state, height: 4000 });
		fake.push(
			makeExchange({
				id: 'x7',
				seq: 9,
				at: 300,
				browserId: 'b2',
				method: 'DELETE',
				url: 'https://myapp.example/api/code'
			})
		);
		await tick();
		expect(
			screen.getByRole('button', { name: /Exchange x7: DELETE \/api\/code/ })
		).toBeInTheDocument();
	});

	it('draws only the rows in view', () => {
		const { state } = fakeWorldState();
		render(SequenceDiagram, { state, height: 300 });
		const rows = screen.getAllByRole('button', { name: /^Exchange x/ });
		expect(rows.length).toBeLessThan(6);
		// follows the newest: the last exchange is drawn
		expect(screen.getByRole('button', { name: /Exchange x6:/ })).toBeInTheDocument();
	});

	it('offers the exchanges as a table', async () => {
		const { state } = fakeWorldState();
		render(SequenceDiagram, { state });
		const details = screen.getByText('Show as table').closest('details');
		expect(details).not.toBeNull();
		details!.open = true;
		await fireEvent(details!, new Event('toggle'));
		await tick();
		expect(screen.getByRole('table')).toBeInTheDocument();
		expect(screen.getAllByRole('row').length).toBe(7);
	});
});

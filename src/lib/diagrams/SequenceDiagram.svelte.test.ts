import '@testing-library/jest-dom/vitest';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import SequenceDiagram from './SequenceDiagram.svelte';
import {
	fixtureEvents,
	fixtureLabeler,
	fixtureScene,
	makeExchange
} from '$lib/testing/layout-fixtures';

const plain = (height = 4000) => ({ scene: fixtureScene(), labelOf: fixtureLabeler, height });

describe('SequenceDiagram', () => {
	it('draws a named, focusable diagram with one arrow group per exchange', () => {
		render(SequenceDiagram, plain());
		const svg = screen.getByRole('group', { name: /Sequence diagram/ });
		expect(svg).toHaveAttribute('tabindex', '0');
		expect(svg).toHaveAttribute('data-arrow-keys');
		expect(within(svg).getAllByText('POST /api/code').length).toBeGreaterThan(0);
		expect(within(svg).getAllByText('200 OK').length).toBeGreaterThan(0);
		expect(within(svg).getByText('hijack')).toBeInTheDocument();
		expect(within(svg).getByText('sid deleted')).toBeInTheDocument();
		expect(within(svg).getByText("on Alice's laptop")).toBeInTheDocument();
	});

	it('names every party by its lifeline', () => {
		render(SequenceDiagram, plain());
		for (const name of ['Firefox', 'Mallory', 'Home Wi-Fi', 'Server'])
			expect(screen.getAllByRole('group', { name: `Lifeline: ${name}` }).length).toBeGreaterThan(0);
	});

	it('reports a click and moves the selection with the arrow keys', async () => {
		const onselect = vi.fn();
		const view = render(SequenceDiagram, { ...plain(), onselect });
		await fireEvent.click(screen.getByRole('button', { name: /Exchange x2:/ }));
		expect(onselect).toHaveBeenLastCalledWith('x2');
		await view.rerender({ ...plain(), onselect, selected: 'x2' });
		const svg = screen.getByRole('group', { name: /Sequence diagram/ });
		await fireEvent.keyDown(svg, { key: 'ArrowDown' });
		expect(onselect).toHaveBeenLastCalledWith('x3');
		await fireEvent.keyDown(svg, { key: 'ArrowUp' });
		expect(onselect).toHaveBeenLastCalledWith('x1');
		expect(screen.getByRole('button', { name: /Exchange x2:/ })).toHaveClass('selected');
	});

	it('draws a new scene when the world changes', async () => {
		const view = render(SequenceDiagram, plain());
		const more = makeExchange({
			id: 'x7',
			seq: 9,
			at: 300,
			browserId: 'b2',
			method: 'DELETE',
			url: 'https://myapp.example/api/code'
		});
		await view.rerender({ ...plain(), scene: fixtureScene([...fixtureEvents(), more]) });
		expect(
			screen.getByRole('button', { name: /Exchange x7: DELETE \/api\/code/ })
		).toBeInTheDocument();
	});

	it('draws only the rows in view', () => {
		render(SequenceDiagram, plain(300));
		const rows = screen.getAllByRole('button', { name: /^Exchange x/ });
		expect(rows.length).toBeLessThan(6);
		// follows the newest: the last exchange is drawn
		expect(screen.getByRole('button', { name: /Exchange x6:/ })).toBeInTheDocument();
	});

	it('offers the exchanges as a table', async () => {
		render(SequenceDiagram, plain(560));
		const details = screen.getByText('Show as table').closest('details');
		expect(details).not.toBeNull();
		details!.open = true;
		await fireEvent(details!, new Event('toggle'));
		expect(await screen.findByRole('table')).toBeInTheDocument();
		expect(screen.getAllByRole('row').length).toBe(7);
	});
});

// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { accountPage } from '$lib/webapp/pages';
import SimPage from './SimPage.svelte';
import ConsentBanner from './ConsentBanner.svelte';
import { pageFacts } from './page-facts';

const noop = () => {};

describe('SimPage', () => {
	it('draws the account page with a heading naming whose account it is, and no markup', async () => {
		const onLogout = vi.fn();
		const facts = pageFacts(
			'http://myapp.example/account',
			'account',
			accountPage('Alice', 'alice')
		);
		render(SimPage, { facts, onLogout, onHome: noop });
		expect(screen.getByRole('heading', { name: "Alice's account" })).toBeInTheDocument();
		expect(screen.getByText(/Logged in as/)).toHaveTextContent('Logged in as Alice (alice).');
		expect(document.body).not.toHaveTextContent('<!DOCTYPE');
		await fireEvent.click(screen.getByRole('button', { name: 'Log out' }));
		expect(onLogout).toHaveBeenCalledOnce();
	});

	it('shows markup in a name as text, never as HTML', () => {
		const facts = pageFacts(
			'http://myapp.example/account',
			'account',
			accountPage('<img src=x onerror=alert(1)>', 'eve')
		);
		render(SimPage, { facts, onLogout: noop, onHome: noop });
		expect(
			screen.getByRole('heading', { name: "<img src=x onerror=alert(1)>'s account" })
		).toBeInTheDocument();
		expect(document.querySelector('img')).toBeNull();
	});

	it('draws the visit counter as a large number', () => {
		render(SimPage, {
			facts: pageFacts('http://myapp.example/counter', 'other', '{"visits":3}'),
			onLogout: noop,
			onHome: noop
		});
		expect(screen.getByRole('heading', { name: 'Visit counter' })).toBeInTheDocument();
		expect(screen.getByText('3')).toHaveClass('number');
		expect(screen.getByText('3').parentElement).toHaveTextContent('3 visits');
	});

	it('says what the consent choice was', () => {
		render(SimPage, {
			facts: pageFacts('http://myapp.example/consent', 'other', '{"consent":"rejected"}'),
			onLogout: noop,
			onHome: noop
		});
		expect(screen.getByText(/you rejected the extra cookies/)).toBeInTheDocument();
	});
});

describe('ConsentBanner', () => {
	it.each([
		['Accept', 'accept'],
		['Reject', 'reject']
	])('sends %s', async (name, choice) => {
		const onChoose = vi.fn();
		render(ConsentBanner, { onChoose });
		expect(screen.getByRole('region', { name: 'Cookies on this site' })).toBeInTheDocument();
		await fireEvent.click(screen.getByRole('button', { name }));
		expect(onChoose).toHaveBeenCalledWith(choice);
	});
});

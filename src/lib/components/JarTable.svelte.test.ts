// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import type { JarCookie } from '$lib/engine/cookie-types';
import JarTable from './JarTable.svelte';

const SESSION: JarCookie = {
	name: 'dancer.session',
	value: 'abc',
	domain: 'myapp.example',
	hostOnly: true,
	path: '/',
	secure: false,
	httpOnly: true,
	sameSite: 'unset',
	expires: null,
	created: 0,
	order: 0
};

function renderJar() {
	const onEdit = vi.fn();
	render(JarTable, {
		owner: 'Firefox on Alice’s laptop',
		cookies: [SESSION],
		now: 0,
		labelFor: () => null,
		onDelete: () => undefined,
		onCopy: () => undefined,
		onEdit
	});
	return onEdit;
}

async function typeValue(value: string) {
	await fireEvent.click(screen.getByRole('button', { name: 'Edit cookie dancer.session' }));
	const box = screen.getByRole('textbox', { name: 'New value of dancer.session' });
	await fireEvent.input(box, { target: { value } });
	await fireEvent.click(screen.getByRole('button', { name: 'Save cookie dancer.session' }));
	return box;
}

describe('editing a cookie in the jar table', () => {
	it.each([
		['a second cookie', 'x; admin=1', /cannot hold ";"/],
		['a bell character', 'a\u0007b', /control character/],
		['a unit separator', 'a\u001fb', /control character/],
		['a lone surrogate', '\uD800', /lone surrogate/],
		['4096 bytes after the name', 'v'.repeat(4096), /over 4096 bytes/]
	])('refuses %s with a clear message and keeps the draft', async (_, value, message) => {
		const onEdit = renderJar();
		const box = await typeValue(value);
		expect(screen.getByRole('alert')).toHaveTextContent(message);
		expect(box).toHaveValue(value);
		expect(box).toHaveAttribute('aria-invalid', 'true');
		expect(onEdit).not.toHaveBeenCalled();
	});

	it('saves a value browsers accept, tab and non-ASCII included', async () => {
		const onEdit = renderJar();
		await typeValue('new\tvalue é');
		expect(screen.queryByRole('alert')).toBeNull();
		expect(onEdit).toHaveBeenCalledWith(SESSION, 'new\tvalue é');
		expect(screen.queryByRole('textbox', { name: 'New value of dancer.session' })).toBeNull();
	});
});

/** Helpers for the web application's tests: a seeded generator, a fixed clock, requests. */
import { headerValue, headerValues, type HeaderList, type SimRequest } from '$lib/engine/http';
import type { WebAppDeps } from '$lib/webapp/types';

/** 2024-01-01T00:00:00Z, the tests' starting time. */
export const T0 = Date.UTC(2024, 0, 1);

/** Deps with a tiny LCG and a clock the test moves by hand. */
export interface TestDeps extends WebAppDeps {
	advance(milliseconds: number): void;
	set(time: number): void;
}

/** A seeded generator (Numerical Recipes LCG) and a clock starting at {@link T0}. */
export function testDeps(seed = 1, start = T0): TestDeps {
	let state = seed >>> 0;
	let time = start;
	const next = () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state;
	};
	return {
		now: () => time,
		advance: (ms) => {
			time += ms;
		},
		set: (t) => {
			time = t;
		},
		random: {
			bytes: (count) => Uint8Array.from({ length: count }, () => next() >>> 24),
			int: (bound) => Math.floor((next() / 4294967296) * bound)
		}
	};
}

/** Options of {@link request}. */
export interface RequestOptions {
	cookie?: string;
	body?: string;
	contentType?: string;
	ip?: string;
	scheme?: 'http' | 'https';
	host?: string;
	headers?: HeaderList;
}

/** A request to `myapp.example` (or `host`) over http (or `scheme`). */
export function request(method: string, path: string, options: RequestOptions = {}): SimRequest {
	const headers: HeaderList = [['Host', options.host ?? 'myapp.example']];
	if (options.cookie !== undefined) headers.push(['Cookie', options.cookie]);
	if (options.contentType !== undefined) headers.push(['Content-Type', options.contentType]);
	headers.push(...(options.headers ?? []));
	return {
		method,
		url: `${options.scheme ?? 'http'}://${options.host ?? 'myapp.example'}${path}`,
		headers,
		body: options.body ?? '',
		clientIp: options.ip ?? '203.0.113.7'
	};
}

/** A form POST. */
export function post(path: string, body: string, options: RequestOptions = {}): SimRequest {
	return request('POST', path, {
		contentType: 'application/x-www-form-urlencoded',
		...options,
		body
	});
}

/** All `Set-Cookie` values of a response. */
export function setCookies(headers: HeaderList): string[] {
	return headerValues(headers, 'set-cookie');
}

/** The value a response sets for cookie `name`, or `null`. */
export function cookieSet(headers: HeaderList, name: string): string | null {
	for (const line of setCookies(headers)) {
		const pair = line.split(';')[0];
		const equals = pair.indexOf('=');
		if (pair.slice(0, equals) === name) return pair.slice(equals + 1);
	}
	return null;
}

/** The `Content-Type` of a response. */
export function contentType(headers: HeaderList): string | null {
	return headerValue(headers, 'content-type');
}

/**
 * A minimal cookie-keeping client for tests: remembers name=value pairs from `Set-Cookie`
 * (Max-Age=0 deletes), ignoring paths, domains and expiry.
 */
export class TestClient {
	jar = new Map<string, string>();

	constructor(
		readonly ip = '203.0.113.7',
		readonly scheme: 'http' | 'https' = 'http'
	) {}

	/** The `Cookie` header value, or undefined when the jar is empty. */
	cookieHeader(): string | undefined {
		if (this.jar.size === 0) return undefined;
		return [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
	}

	/** Request options carrying this client's cookies and address. */
	options(extra: RequestOptions = {}): RequestOptions {
		return { cookie: this.cookieHeader(), ip: this.ip, scheme: this.scheme, ...extra };
	}

	/** Stores the cookies a response sets. */
	receive(headers: HeaderList): void {
		for (const line of setCookies(headers)) {
			const [pair, ...attributes] = line.split(';').map((part) => part.trim());
			const equals = pair.indexOf('=');
			const name = pair.slice(0, equals);
			if (attributes.includes('Max-Age=0')) this.jar.delete(name);
			else this.jar.set(name, pair.slice(equals + 1));
		}
	}
}

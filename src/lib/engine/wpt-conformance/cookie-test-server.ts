/**
 * A stand-in for WPT's cookie resources (`cookie.py?set=`, `redirectWithCORSHeaders.py`), used
 * only by the conformance test: it answers with exactly the `Set-Cookie` headers a row names.
 * It is not part of the built site: the site's worlds run the simulated web application.
 */
import {
	headerValue,
	reasonPhrase,
	type HeaderList,
	type ServerReply,
	type SimRequest
} from '../http';
import type { ServerHost } from '../server-host';

/** The path that redirects, as WPT's `redirectWithCORSHeaders.py` does. */
export const REDIRECT_PATH = '/cookies/resources/redirectWithCORSHeaders.py';

/** The query that names which of the row's responses to send: `?set=<index>`. */
export const SET_PARAMETER = 'set';

/**
 * Answers every host and path. `?set=<n>` adds the row's n-th list of `Set-Cookie` headers, each
 * a header of its own, as the server sent them; {@link REDIRECT_PATH} answers
 * `?status=…&location=…` with that redirect. The body echoes the request's `Cookie` header.
 */
export class CookieTestServer implements ServerHost {
	/** @param responses the `Set-Cookie` lists a row's steps send, by index */
	constructor(private readonly responses: readonly (readonly string[])[]) {}

	async handle(request: SimRequest): Promise<ServerReply> {
		const url = new URL(request.url);
		const headers: HeaderList = [['Content-Type', 'text/html; charset=utf-8']];
		const index = url.searchParams.get(SET_PARAMETER);
		if (index !== null) {
			const list = this.responses[Number(index)];
			if (!list) return reply(400, headers, `No response ${index} in this row`);
			for (const value of list) headers.push(['Set-Cookie', value]);
		}
		const location = url.searchParams.get('location');
		if (url.pathname === REDIRECT_PATH && location) {
			const status = Number(url.searchParams.get('status') ?? '307');
			headers.push(['Location', location]);
			return reply(status, headers, '');
		}
		return reply(200, headers, headerValue(request.headers, 'cookie') ?? '');
	}

	restart(): string[] {
		return [];
	}
	expire(): string[] {
		return [];
	}
	nextWakeup(): number | null {
		return null;
	}
	configure(): void {}
	snapshot(): unknown {
		return null;
	}
}

function reply(status: number, headers: HeaderList, body: string): ServerReply {
	return {
		response: { status, statusText: reasonPhrase(status), headers, body },
		trace: { sessionId: null, user: null, decision: 'none' }
	};
}

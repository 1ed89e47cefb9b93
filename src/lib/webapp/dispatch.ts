/** Request checks and routing: from a path and a method to a route's handler. */
import type { HeaderList, SimRequest } from '../engine/http';
import { jsonError, text, type RouteResponse } from './responses';
import type { Route, RouteContext } from './route-types';

/** Request methods are tokens (RFC 9110 §9.1, §5.6.2). */
export const METHOD = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,32}$/;

/** Whether a value has the shape of a {@link SimRequest} (callers may pass anything at run time). */
export function isWellFormed(request: unknown): request is SimRequest {
	if (typeof request !== 'object' || request === null) return false;
	const r = request as Record<string, unknown>;
	return (
		typeof r.method === 'string' &&
		typeof r.url === 'string' &&
		typeof r.body === 'string' &&
		typeof r.clientIp === 'string' &&
		Array.isArray(r.headers) &&
		r.headers.every(
			(pair: unknown) =>
				Array.isArray(pair) &&
				pair.length === 2 &&
				typeof pair[0] === 'string' &&
				typeof pair[1] === 'string'
		)
	);
}

/** Whether errors on this path are JSON (the API) or text (pages). */
function isApi(path: string): boolean {
	return path.startsWith('/api/') || path === '/counter' || path === '/consent';
}

/**
 * Finds the route and method. Unknown path: 404. Known path, other method: 405 with `Allow`
 * (RFC 9110 §15.5.6). HEAD runs GET without the body (§9.3.2); OPTIONS lists the methods (§9.3.7).
 * Methods are case-sensitive (§9.1).
 */
export async function dispatch(routes: Route[], context: RouteContext): Promise<RouteResponse> {
	const path = context.url.pathname;
	const route = routes.find((candidate) => candidate.path === path);
	if (!route) {
		return isApi(path) ? jsonError(404, 'Not found') : text(404, 'Not found\n');
	}
	const methods = Object.keys(route.methods);
	if (methods.includes('GET')) methods.push('HEAD');
	methods.push('OPTIONS');
	const allow: HeaderList = [['Allow', methods.join(', ')]];
	const method = context.request.method;
	if (method === 'OPTIONS') return { status: 204, contentType: null, body: '', headers: allow };
	const own = Object.hasOwn(route.methods, method) ? route.methods[method] : undefined;
	const handler = own ?? (method === 'HEAD' ? route.methods.GET : undefined);
	if (!handler) {
		const message = `Method ${method} is not allowed here`;
		return isApi(path) ? jsonError(405, message, allow) : text(405, `${message}\n`, allow);
	}
	const result = await handler(context);
	return { ...result, headers: [...result.headers] };
}

/** Spreading requests over several app servers, with optional sticky sessions. */
import { buildPlainCookie } from './cookies';

/** Name of the load balancer's pinning cookie. */
export const LB_COOKIE = 'lb';

/** The name of app server `index` (0-based): `app1`, `app2`, … */
export function serverName(index: number): string {
	return `app${index + 1}`;
}

/** Which app server takes a request, and what the load balancer adds to the response. */
export interface BalancerChoice {
	serverName: string;
	/** Whether the round-robin counter was used (so the caller advances it). */
	usedRoundRobin: boolean;
	/** A `Set-Cookie` pinning the client, when sticky sessions are on and it was not pinned yet. */
	setCookie: string | null;
}

/**
 * Chooses the app server. With one server there is no load balancer. Otherwise requests go
 * round-robin by a deterministic counter, unless `sticky` and the request carries a valid
 * `lb=appK` cookie, which pins it to server K.
 */
export function chooseServer(
	servers: number,
	sticky: boolean,
	lbCookie: string | null,
	counter: number
): BalancerChoice {
	if (servers <= 1) return { serverName: serverName(0), usedRoundRobin: false, setCookie: null };
	if (sticky && lbCookie !== null) {
		const match = /^app([1-9][0-9]?)$/.exec(lbCookie);
		if (match && Number(match[1]) <= servers)
			return { serverName: lbCookie, usedRoundRobin: false, setCookie: null };
	}
	const name = serverName(counter % servers);
	return {
		serverName: name,
		usedRoundRobin: true,
		setCookie: sticky ? buildPlainCookie(LB_COOKIE, name) : null
	};
}

/**
 * The server's check of where a state-changing request comes from: the Origin header that
 * browsers send with every POST (RFC 6454 §7, Fetch "append a request Origin header"). A
 * request whose Origin names another origin is refused before any session is looked up or
 * created, so a forged form can neither use the visitor's session nor plant its own (OWASP
 * Cross-Site Request Forgery Prevention Cheat Sheet, "Verifying Origin With Standard Headers").
 */
import { headerValue, type SimRequest } from '../engine/http';

/** Methods that never change anything on this server (RFC 9110 §9.2.1). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

/**
 * Why the request is refused, or `null` when it may go on. A request without Origin passes:
 * browsers always send it with a cross-site POST, and a client that leaves it out (curl) is not
 * a visitor's browser that a page on another site could drive.
 * @param origin the application's own origin, for example `http://myapp.example`
 */
export function foreignOriginProblem(request: SimRequest, origin: string): string | null {
	if (SAFE_METHODS.has(request.method)) return null;
	const sent = headerValue(request.headers, 'origin');
	if (sent === null || sent === origin) return null;
	return `Refused: a ${request.method} from ${sent}, not from ${origin}`;
}

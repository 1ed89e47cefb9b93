/** The `User-Agent` each simulated browser sends, which depends on the device it runs on. */
import { USER_AGENTS, type BrowserKind } from './browser-kinds';
import type { DeviceKind } from './model';

/**
 * On a phone: Chrome and Firefox on Android, Safari on an iPhone. Chrome's string is the reduced
 * one it sends today, which names Android but no model ("K").
 */
const PHONE_AGENTS: Record<BrowserKind, string> = {
	Firefox: 'Mozilla/5.0 (Android 14; Mobile; rv:140.0) Gecko/140.0 Firefox/140.0',
	Chrome: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 Chrome/140.0 Mobile Safari/537.36',
	Safari:
		'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile Safari/604.1',
	'Private window': 'Mozilla/5.0 (Android 14; Mobile; rv:140.0) Gecko/140.0 Firefox/140.0',
	curl: 'curl/8.14.1'
};

/**
 * The `User-Agent` a browser of `kind` sends from a device of `device` kind: on a computer the
 * desktop strings of {@link USER_AGENTS} (Linux, Safari on a Mac).
 */
export function userAgentFor(kind: BrowserKind, device: DeviceKind): string {
	return device === 'phone' ? PHONE_AGENTS[kind] : USER_AGENTS[kind];
}

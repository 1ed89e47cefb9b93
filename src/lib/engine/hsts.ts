import { parseUrl } from './parsed-url';

/**
 * The hosts each browser has learnt to reach only over https, from `Strict-Transport-Security`
 * (RFC 6797 §8.1). Includes no preload list: a browser learns a host on its first https visit.
 */
export class HstsList {
	#hosts = new Map<string, Set<string>>();

	/** Remembers that `browserId` reaches `host` over https only. */
	remember(browserId: string, host: string): void {
		let hosts = this.#hosts.get(browserId);
		if (!hosts) this.#hosts.set(browserId, (hosts = new Set()));
		hosts.add(host);
	}

	/** Replaces what a browser knows, as a snapshot holds it. */
	restore(browserId: string, hosts: readonly string[]): void {
		if (hosts.length) this.#hosts.set(browserId, new Set(hosts));
	}

	/** Forgets a removed browser. */
	forget(browserId: string): void {
		this.#hosts.delete(browserId);
	}

	/** Hosts a browser will only reach over https. */
	hosts(browserId: string): string[] {
		return [...(this.#hosts.get(browserId) ?? [])];
	}

	/** The URL the browser really requests: a known host goes to https (RFC 6797 §8.3). */
	upgrade(browserId: string, url: string): string {
		const parsed = parseUrl(url);
		if (parsed.protocol === 'http:' && this.#hosts.get(browserId)?.has(parsed.hostname)) {
			const upgraded = new URL(url);
			upgraded.protocol = 'https:';
			return upgraded.href;
		}
		return url;
	}
}

/**
 * The partitioned part of one browser's cookie store: one jar per top-level site
 * (draft-cutler-httpbis-partitioned-cookies §2.2, the "partition key"). Firefox's Total Cookie
 * Protection puts every third-party cookie here; CHIPS puts `Partitioned` cookies here in every
 * browser that supports it. The browser's own jar keeps the unpartitioned cookies.
 */
import type { JarCookie } from './cookie-types';
import { BrowserJar, type JarOptions } from './jar';

/** A cookie with the top-level site whose partition holds it. */
export interface PartitionedCookie extends JarCookie {
	/** The partition key: the top-level site, for example `https://news.example`. */
	partition: string;
}

/** One jar per top-level site. */
export class PartitionedJars {
	readonly #jars = new Map<string, BrowserJar>();
	readonly #options: JarOptions;

	constructor(options: JarOptions = {}) {
		this.#options = options;
	}

	/** The jar of a top-level site, made on first use. */
	jar(site: string): BrowserJar {
		let jar = this.#jars.get(site);
		if (!jar) {
			jar = new BrowserJar(this.#options);
			this.#jars.set(site, jar);
		}
		return jar;
	}

	/** The jar of a top-level site, or `null` when nothing was ever stored under it. */
	existing(site: string): BrowserJar | null {
		return this.#jars.get(site) ?? null;
	}

	/** Every partition with its jar. */
	entries(): Array<[string, BrowserJar]> {
		return [...this.#jars];
	}

	/** Live cookies of every partition, by partition then storage order. */
	list(now: number): PartitionedCookie[] {
		return [...this.#jars]
			.sort(([a], [b]) => a.localeCompare(b))
			.flatMap(([partition, jar]) => jar.list(now).map((cookie) => ({ ...cookie, partition })));
	}

	/** Drops session cookies everywhere, as closing the browser does. */
	dropSessionCookies(): void {
		for (const jar of this.#jars.values()) jar.dropSessionCookies();
	}

	/** Deletes every partitioned cookie. */
	clear(): void {
		this.#jars.clear();
	}

	/** The earliest future expiry in any partition. */
	nextExpiry(now: number): number | null {
		let next: number | null = null;
		for (const jar of this.#jars.values()) {
			const expiry = jar.nextExpiry(now);
			if (expiry !== null && (next === null || expiry < next)) next = expiry;
		}
		return next;
	}

	/** All cookies, for snapshots. */
	serialize(): PartitionedCookie[] {
		return [...this.#jars].flatMap(([partition, jar]) =>
			jar.serialize().map((cookie) => ({ ...cookie, partition }))
		);
	}

	/** Rebuilds the partitions from {@link PartitionedJars.serialize}. */
	static restore(cookies: readonly PartitionedCookie[], options: JarOptions = {}): PartitionedJars {
		const jars = new PartitionedJars(options);
		for (const { partition, ...cookie } of cookies) jars.jar(partition).put(cookie);
		return jars;
	}
}

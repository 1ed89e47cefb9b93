import type { NetworkKind } from './model';
import type { SeededRandom } from './random';

/**
 * Public addresses come from the documentation ranges (RFC 5737) so that no real host is ever
 * named; mobile carriers hand out addresses from a carrier-grade NAT pool (RFC 6598 is for the
 * inside; the outside is again documentation space here).
 */
const PUBLIC_BLOCKS: Record<NetworkKind, string> = {
	home: '203.0.113.',
	office: '198.51.100.',
	cafe: '192.0.2.',
	mobile: '203.0.113.',
	internet: '198.51.100.'
};

/** Private prefixes per network kind (RFC 1918, and RFC 6598 for carrier-grade NAT). */
const PRIVATE_PREFIXES: Record<NetworkKind, string> = {
	home: '192.168.1.',
	office: '10.0.0.',
	cafe: '192.168.77.',
	mobile: '100.64.0.',
	internet: '0.0.0.'
};

/** A public IP for a new network: deterministic from the network number and the seed. */
export function publicIpFor(kind: NetworkKind, random: SeededRandom): string {
	return PUBLIC_BLOCKS[kind] + (2 + random.int(250));
}

/** The private prefix a network of this kind uses. */
export function privatePrefixFor(kind: NetworkKind): string {
	return PRIVATE_PREFIXES[kind];
}

/** The next free private address on a network, given the addresses already taken. */
export function nextPrivateIp(prefix: string, taken: ReadonlySet<string>): string {
	for (let host = 10; host < 255; host++) {
		const candidate = prefix + host;
		if (!taken.has(candidate)) return candidate;
	}
	return prefix + '254';
}

import type { NetworkKind } from './model';
import type { SeededRandom } from './random';

/**
 * A range of IPv4 addresses a network kind draws from: `size` addresses counted up from `first`.
 * Each kind has its own range and no two ranges overlap, so two networks of different kinds can
 * never be handed the same address.
 */
export interface AddressBlock {
	/** The lowest address of the range, as a 32-bit number. */
	first: number;
	/** How many addresses the range holds. */
	size: number;
	/** Where the range comes from, for messages: "RFC 5737 documentation space". */
	source: string;
}

/** `a.b.c.d` as a 32-bit number. */
export function ipToNumber(ip: string): number {
	return ip.split('.').reduce((sum, part) => sum * 256 + Number(part), 0);
}

/** A 32-bit number as `a.b.c.d`. */
export function numberToIp(value: number): string {
	return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

function block(first: string, size: number, source: string): AddressBlock {
	return { first: ipToNumber(first), size, source };
}

/**
 * Public addresses. The three documentation ranges of RFC 5737 §3 (192.0.2.0/24, 198.51.100.0/24,
 * 203.0.113.0/24) name no real host; 203.0.113.0/24 is split between homes and hosts straight on
 * the internet. A mobile carrier's outside address comes from the shared address space of
 * RFC 6598 §7 (100.64.0.0/10), which exists for carrier-grade NAT. Host numbers start at 2, as
 * `.0` and `.1` are usually the network and its router.
 */
const PUBLIC_BLOCKS: Record<NetworkKind, AddressBlock> = {
	home: block('203.0.113.2', 126, 'RFC 5737 documentation space'),
	office: block('198.51.100.2', 250, 'RFC 5737 documentation space'),
	cafe: block('192.0.2.2', 250, 'RFC 5737 documentation space'),
	mobile: block('100.64.0.2', 2 ** 22 - 4, 'RFC 6598 shared address space'),
	internet: block('203.0.113.130', 124, 'RFC 5737 documentation space')
};

/**
 * Private prefixes per network kind, all inside the private ranges of RFC 1918 §3 (10/8,
 * 172.16/12, 192.168/16). Every network is its own private world behind its NAT, so two networks
 * may use the same private addresses, as real homes do.
 */
const PRIVATE_PREFIXES: Record<NetworkKind, string> = {
	home: '192.168.1.',
	office: '10.0.0.',
	cafe: '192.168.77.',
	mobile: '172.20.10.',
	internet: '172.16.0.'
};

/** Private host numbers a network hands out: `.10` to `.254`. */
const FIRST_PRIVATE_HOST = 10;
const LAST_PRIVATE_HOST = 254;

/** The public range a network of this kind draws its address from. */
export function publicBlockFor(kind: NetworkKind): AddressBlock {
	return PUBLIC_BLOCKS[kind];
}

/** The range as people write it, such as `203.0.113.2–203.0.113.127`. */
export function describeBlock(range: AddressBlock): string {
	return `${numberToIp(range.first)}–${numberToIp(range.first + range.size - 1)}`;
}

/**
 * A public IP of this kind's block that is not in `taken`: a seeded draw, and when that address
 * is taken, the next free one after it (wrapping round), so the search always ends. One draw
 * per call, so the random stream moves the same way whatever is taken.
 * @returns the address, or `null` when every address of the block is taken
 */
export function publicIpFor(
	kind: NetworkKind,
	random: SeededRandom,
	taken: ReadonlySet<string>
): string | null {
	const range = PUBLIC_BLOCKS[kind];
	const start = random.int(range.size);
	const takenHere = [...taken].filter((ip) => inBlock(range, ip)).length;
	if (takenHere >= range.size) return null;
	for (let step = 0; step < range.size; step++) {
		const candidate = numberToIp(range.first + ((start + step) % range.size));
		if (!taken.has(candidate)) return candidate;
	}
	return null;
}

/** Whether `ip` lies in `range`. */
export function inBlock(range: AddressBlock, ip: string): boolean {
	const value = ipToNumber(ip);
	return value >= range.first && value < range.first + range.size;
}

/** The private prefix a network of this kind uses. */
export function privatePrefixFor(kind: NetworkKind): string {
	return PRIVATE_PREFIXES[kind];
}

/**
 * The next free private address on a network, given the addresses already taken.
 * @returns the address, or `null` when `.10` to `.254` are all taken
 */
export function nextPrivateIp(prefix: string, taken: ReadonlySet<string>): string | null {
	for (let host = FIRST_PRIVATE_HOST; host <= LAST_PRIVATE_HOST; host++) {
		const candidate = prefix + host;
		if (!taken.has(candidate)) return candidate;
	}
	return null;
}

/** How many devices one network holds: one private address each. */
export const PRIVATE_HOSTS_PER_NETWORK = LAST_PRIVATE_HOST - FIRST_PRIVATE_HOST + 1;

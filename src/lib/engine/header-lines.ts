/**
 * A response's header list as a browser's HTTP parser reads it off the wire. The simulated
 * server hands over values as strings, and a value may hold a line break that a real server
 * would have written onto the wire.
 */
import type { HeaderList } from './http';

/**
 * Re-reads `headers` line by line, as browsers do: a bare LF ends a header line (RFC 9112 §2.2
 * lets a recipient take a lone LF as a line terminator, and browsers do), with a CR before it
 * dropped. Each later line with a colon becomes a header field of its own; a line that starts
 * with a space or tab continues the one before (obsolete line folding, RFC 9112 §5.2, joined
 * with a space); any other line is dropped. Returns `headers` itself when no value has an LF.
 */
export function asReceived(headers: HeaderList): HeaderList {
	if (!headers.some(([, value]) => value.includes('\n'))) return headers;
	const received: HeaderList = [];
	for (const [name, value] of headers) {
		const [first, ...rest] = value.split('\n').map((line) => line.replace(/\r$/, ''));
		received.push([name, first]);
		for (const line of rest) {
			const last = received[received.length - 1];
			if (/^[ \t]/.test(line)) {
				last[1] = `${last[1]} ${line.trim()}`;
				continue;
			}
			const colon = line.indexOf(':');
			if (colon <= 0) continue;
			received.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
		}
	}
	return received;
}

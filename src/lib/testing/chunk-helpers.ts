/** Test helpers for chunked runs: a fake scheduler and a transport that counts. */
import type { ServerReply, SimRequest } from '$lib/engine/http';
import type { Transport } from '$lib/engine/transport';
import type { ChunkScheduler } from '$lib/state/chunks';

/** For tests: a clock that only moves when a step says so, and a yield that counts. */
export function fakeScheduler() {
	const state = { now: 0, yields: [] as number[] };
	const scheduler: ChunkScheduler = {
		now: () => state.now,
		yield: async () => void state.yields.push(state.now)
	};
	return { state, scheduler };
}

/** Counts the exchanges that went over it. */
export class CountingTransport implements Transport {
	readonly name = 'counting';
	count = 0;
	constructor(private readonly inner: Transport) {}
	exchange(worldId: string, exchangeId: string, request: SimRequest): Promise<ServerReply> {
		this.count++;
		return this.inner.exchange(worldId, exchangeId, request);
	}
}

import type { ServerReply, SimRequest } from './http';

/**
 * Carries one simulated request to the simulated server and brings back its reply. The site
 * uses the service worker; tests, benchmarks and browsers without service workers use MSW
 * in-process. Both run the same handlers and must give the same event log.
 */
export interface Transport {
	/** A short name for notices: `service worker` or `in-page`. */
	readonly name: string;
	/**
	 * @param worldId which world's server answers
	 * @param exchangeId the exchange's id in the world's log
	 */
	exchange(worldId: string, exchangeId: string, request: SimRequest): Promise<ServerReply>;
}

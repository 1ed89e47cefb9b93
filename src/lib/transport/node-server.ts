import { setupServer } from 'msw/node';
import { createHandlers } from './handlers';
import { ServerRegistry } from './server-registry';

/**
 * MSW's Node side, for tests that send real `fetch` calls to `__sim` paths in Node, exactly
 * as the service worker would receive them in the browser.
 */
export function createNodeServer(registry = new ServerRegistry()) {
	return { registry, server: setupServer(...createHandlers(registry)) };
}

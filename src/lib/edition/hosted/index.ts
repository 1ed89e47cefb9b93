/**
 * Facts about the hosted edition: the site served over http(s), one HTML page per route, with
 * the MSW service worker. `svelte.config.js` points the `$edition` alias here unless `OFFLINE=1`.
 */
import type { Edition } from '../edition';

/** The hosted site. */
export const edition: Edition = { offline: false };

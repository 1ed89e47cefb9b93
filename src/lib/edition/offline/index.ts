/**
 * Facts about the offline edition: one self-contained HTML file (`npm run build:offline`) with
 * the hash router, opened from a USB stick or a downloaded copy. `svelte.config.js` points the
 * `$edition` alias here when `OFFLINE=1`.
 */
import type { Edition } from '../edition';

/** The single-file edition. */
export const edition: Edition = { offline: true };

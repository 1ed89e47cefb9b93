/** What differs between the hosted site and the offline edition (one self-contained file). */
export interface Edition {
	/**
	 * True in the single-file edition: the route is the URL fragment (`#/lessons/cookies`), the
	 * page state follows it after a `?`, and every exchange is answered in the page.
	 */
	readonly offline: boolean;
}

/**
 * The offline edition's file name, beside the hosted site's home page. scripts/offline-edition.js
 * writes it under the same name (a test checks that they agree).
 */
export const OFFLINE_FILE_NAME = 'session-lab-offline.html';

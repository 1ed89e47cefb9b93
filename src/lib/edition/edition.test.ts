import { describe, expect, it } from 'vitest';
import { OFFLINE_FILE_NAME as written } from '../../../scripts/offline-edition.js';
import { OFFLINE_FILE_NAME } from './edition';

describe('the offline edition', () => {
	it('is linked under the name the build writes it to', () => {
		expect(OFFLINE_FILE_NAME).toBe(written);
	});
});

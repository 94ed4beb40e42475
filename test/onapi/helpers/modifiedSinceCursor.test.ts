import { nextIfModifiedSince } from '../../../nodes/OnApi/helpers/modifiedSinceCursor';

const LAST_MODIFIED = 'Mon, 04 Feb 2019 18:22:33 GMT';

describe('the next If-Modified-Since', () => {
	it('is one second earlier while the Last-Modified second may still change', () => {
		expect(nextIfModifiedSince(LAST_MODIFIED, LAST_MODIFIED)).toBe('Mon, 04 Feb 2019 18:22:32 GMT');
		expect(nextIfModifiedSince(LAST_MODIFIED, undefined)).toBe('Mon, 04 Feb 2019 18:22:32 GMT');
		expect(nextIfModifiedSince(LAST_MODIFIED, 'not a date')).toBe('Mon, 04 Feb 2019 18:22:32 GMT');
	});

	it('is the Last-Modified itself once the answer shows that second was over', () => {
		expect(nextIfModifiedSince(LAST_MODIFIED, 'Mon, 04 Feb 2019 18:22:34 GMT')).toBe(LAST_MODIFIED);
	});

	it('passes an unreadable Last-Modified through as the operator sent it', () => {
		expect(nextIfModifiedSince('yesterday', undefined)).toBe('yesterday');
	});
});

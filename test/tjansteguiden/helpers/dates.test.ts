import { addDays, toApiDate, toIsoTimestamp } from '../../../nodes/Tjansteguiden/helpers/dates';

describe('dates in Europe/Stockholm', () => {
	test('since: empty is today in Stockholm, also just after midnight UTC+1', () => {
		// 23:30 UTC on 31 Dec is already 1 January in Stockholm.
		expect(toApiDate('', new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
		expect(toApiDate('2026-11-27')).toBe('2026-11-27');
		expect(toApiDate('2026-06-30T23:30:00Z')).toBe('2026-07-01');
		expect(toApiDate('2026-06-30T23:30:00')).toBe('2026-06-30');
	});

	test('timestamps get the offset that was in force', () => {
		expect(toIsoTimestamp('2026-01-15 08:00:00')).toBe('2026-01-15T08:00:00+01:00');
		expect(toIsoTimestamp('2026-07-15 08:00:00')).toBe('2026-07-15T08:00:00+02:00');
		expect(toIsoTimestamp('2026-10-25 01:59:59')).toBe('2026-10-25T01:59:59+02:00');
		expect(toIsoTimestamp('2026-10-25 03:00:00')).toBe('2026-10-25T03:00:00+01:00');
		expect(toIsoTimestamp('asap')).toBe('asap');
		expect(toIsoTimestamp('2026-10-25')).toBe('2026-10-25');
	});

	test('calendar arithmetic ignores DST', () => {
		expect(addDays('2026-03-29', -1)).toBe('2026-03-28');
		expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
	});
});


import { describe, expect, it } from 'vitest';
import { describeCounts, describeDue, describeSpan } from '$lib/review/dueText';
import { DAY, HOUR, MIN } from './fixtures';

const z = (iso: string) => Date.parse(iso);

describe('due texts', () => {
	it('names spans as a learner says them', () => {
		expect(describeSpan(10 * MIN)).toBe('10 min');
		expect(describeSpan(5 * HOUR)).toBe('5 hours');
		expect(describeSpan(DAY)).toBe('1 day');
		expect(describeSpan(45 * DAY)).toBe('2 months');
		expect(describeSpan(400 * DAY)).toBe('1.1 years');
	});

	it('says when a card comes back on the learner’s clock, counting review days from 4 am', () => {
		const now = z('2026-01-16T07:30:00Z'); // Jan 15, 23:30 in Los Angeles
		expect(describeDue(now - 1, now, 'America/Los_Angeles')).toBe('now');
		expect(describeDue(now + 10 * MIN, now, 'America/Los_Angeles')).toBe('in 10 min (23:40)');
		expect(describeDue(z('2026-01-16T09:00:00Z'), now, 'America/Los_Angeles')).toBe('in 2 hours (01:00)');
		expect(describeDue(z('2026-01-17T04:00:00Z'), now, 'America/Los_Angeles')).toBe('tomorrow (Fri 16 Jan)');
		// Due at 01:00 on the 18th local: that belongs to the 17th's review day.
		expect(describeDue(z('2026-01-18T09:00:00Z'), now, '-08:00')).toBe('in 2 days (Sat 17 Jan)');
		expect(describeDue(z('2026-01-20T20:00:00Z'), now, '-08:00')).toBe('in 5 days (Tue 20 Jan)');
	});

	it('writes the badge', () => {
		expect(describeCounts({ now: 5, laterToday: 0, tomorrow: 12, total: 30, nextDue: null }, 'UTC')).toBe('5 due now, 12 tomorrow');
		expect(describeCounts({ now: 0, laterToday: 2, tomorrow: 0, total: 2, nextDue: 0 }, 'UTC')).toBe('Nothing due now, 2 later today');
		expect(describeCounts({ now: 0, laterToday: 0, tomorrow: 0, total: 2, nextDue: z('2026-03-07T12:00:00Z') }, 'UTC')).toBe('Nothing due now, next Sat 7 Mar');
	});
});

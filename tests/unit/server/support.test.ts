import { describe, expect, it } from 'vitest';
import { RateLimit, attemptLimitFromEnv } from '$lib/server/rateLimit';
import { formatInZone, zonedToUtc } from '$lib/server/zonedTime';
import { settingsFromForm } from '$lib/server/assignmentForm';
import { dbPath } from '$lib/server/db';

describe('rate limit', () => {
	it('allows `limit` per window per address, then refuses until the window moves on', () => {
		const limit = new RateLimit(2, 1000);
		expect([limit.take('a', 0), limit.take('a', 10), limit.take('a', 20), limit.take('b', 20)]).toEqual([true, true, false, true]);
		expect(limit.take('a', 1005)).toBe(true);
	});

	it('reads PASSAGE_RATE_LIMIT, with a default', () => {
		expect(attemptLimitFromEnv({ PASSAGE_RATE_LIMIT: '1000' })).toBe(1000);
		expect(attemptLimitFromEnv({ PASSAGE_RATE_LIMIT: 'lots' })).toBe(20);
	});
});

describe('database path', () => {
	it('uses PASSAGE_DB, else the data directory', () => {
		expect(dbPath({ PASSAGE_DB: '/x/y.db' })).toBe('/x/y.db');
		expect(dbPath({ PASSAGE_DATA_DIR: '/tmp/d' })).toBe('/tmp/d/passage.db');
		expect(dbPath({})).toBe('data/passage.db');
	});
});

describe('due dates in a time zone', () => {
	it('turns a wall-clock time into the right instant, across DST', () => {
		expect(zonedToUtc('2026-12-01T17:00', 'Europe/London')).toBe(Date.UTC(2026, 11, 1, 17, 0));
		expect(zonedToUtc('2026-07-01T17:00', 'Europe/London')).toBe(Date.UTC(2026, 6, 1, 16, 0));
		expect(zonedToUtc('2026-12-01T09:30', 'America/New_York')).toBe(Date.UTC(2026, 11, 1, 14, 30));
		expect(zonedToUtc('2026-12-01T09:30', 'Asia/Kolkata')).toBe(Date.UTC(2026, 11, 1, 4, 0));
		expect(zonedToUtc('2026-12-01', 'UTC')).toBeNull();
		expect(zonedToUtc('2026-12-01T09:30', 'Mars/Olympus')).toBeNull();
		expect(formatInZone(Date.UTC(2026, 11, 1, 17, 0), 'Europe/Paris')).toBe('Tue, 1 Dec 2026, 18:00 (Europe/Paris)');
	});
});

describe('the teacher form', () => {
	const form = (fields: [string, string][]) => {
		const f = new FormData();
		for (const [k, v] of fields) f.append(k, v);
		return f;
	};
	const good: [string, string][] = [
		['module', 'hassan-interview'],
		['title', ' Week 3 '],
		['topics', 'a'],
		['topics', 'b'],
		['types', 'mcq'],
		['exclude', 'x-1'],
		['count', '10'],
		['mode', 'test'],
		['attempts', '2'],
		['due', '2026-12-01T17:00'],
		['timeZone', 'Europe/London'],
		['showKeys', 'on']
	];

	it('reads a complete form', () => {
		const r = settingsFromForm(form(good));
		expect(r).toEqual({
			ok: true,
			value: {
				moduleId: 'hassan-interview',
				settings: {
					title: 'Week 3',
					topics: ['a', 'b'],
					types: ['mcq'],
					count: 10,
					excluded: ['x-1'],
					mode: 'test',
					attemptsAllowed: 2,
					dueAt: Date.UTC(2026, 11, 1, 17, 0),
					timeZone: 'Europe/London',
					showKeys: true,
					nameRequired: false
				}
			}
		});
	});

	it('reads no topic ticked as every topic (the hint on the form says so)', () => {
		const r = settingsFromForm(form(good.filter(([f]) => f !== 'topics')));
		expect(r).toMatchObject({ ok: true, value: { settings: { topics: [] } } });
	});

	it('names what is wrong', () => {
		const without = (k: string) => good.filter(([f]) => f !== k);
		expect(settingsFromForm(form(without('types')))).toEqual({ ok: false, message: 'Choose at least one item type.' });
		expect(settingsFromForm(form([...without('mode'), ['mode', 'exam']]))).toEqual({ ok: false, message: 'Choose practice or test mode.' });
		expect(settingsFromForm(form([...without('count'), ['count', 'ten']]))).toMatchObject({ ok: false, message: expect.stringMatching(/whole number/) });
		expect(settingsFromForm(form([...without('due'), ['due', 'tomorrow']]))).toMatchObject({ ok: false, message: expect.stringMatching(/due date/) });
		expect(settingsFromForm(form(without('title')))).toMatchObject({ ok: false, message: 'Give the assignment a title.' });
	});
});

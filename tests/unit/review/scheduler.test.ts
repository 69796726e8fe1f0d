import { describe, expect, it } from 'vitest';
import { clampRetention, createScheduler, Rating, RETENTION, State } from '$lib/review/scheduler';
import { DAY, MIN } from './fixtures';

const now = Date.parse('2026-03-02T17:00:00Z');
const scheduler = createScheduler({ fuzz: false });

describe('scheduler (ts-fsrs, fuzz off, fixed now)', () => {
	it('brings a missed item back the same day, ten minutes on', () => {
		const { card, log } = scheduler.next(null, Rating.Again, now);
		expect(card.due).toBe(now + 10 * MIN);
		expect(card.state).toBe(State.Learning);
		expect(log.rating).toBe(Rating.Again);
		expect(log.review).toBe(now);
	});

	it('brings a known item back after days', () => {
		const { card } = scheduler.next(null, Rating.Good, now);
		expect(card.state).toBe(State.Review);
		expect(card.due - now).toBeGreaterThanOrEqual(DAY);
		expect(card.scheduled_days).toBeGreaterThanOrEqual(1);
	});

	it('grows the interval each time the item is recalled on time', () => {
		let card = scheduler.next(null, Rating.Good, now).card;
		const intervals = [card.scheduled_days];
		for (let i = 0; i < 4; i++) {
			card = scheduler.next(card, Rating.Good, card.due).card;
			intervals.push(card.scheduled_days);
		}
		for (let i = 1; i < intervals.length; i++) expect(intervals[i]).toBeGreaterThan(intervals[i - 1]);
	});

	it('sends a forgotten review card to relearning and counts the lapse', () => {
		const learnt = scheduler.next(scheduler.next(null, Rating.Good, now).card, Rating.Good, now + 2 * DAY).card;
		const { card } = scheduler.next(learnt, Rating.Again, learnt.due);
		expect(card.state).toBe(State.Relearning);
		expect(card.lapses).toBe(1);
		expect(card.due).toBe(learnt.due + 10 * MIN);
	});

	it('shortens intervals when the learner asks for higher retention', () => {
		const strict = createScheduler({ fuzz: false, retention: 0.97 });
		const lax = createScheduler({ fuzz: false, retention: 0.8 });
		const a = strict.next(strict.next(null, Rating.Good, now).card, Rating.Good, now + 3 * DAY).card;
		const b = lax.next(lax.next(null, Rating.Good, now).card, Rating.Good, now + 3 * DAY).card;
		expect(a.scheduled_days).toBeLessThan(b.scheduled_days);
	});

	it('keeps retention within 0.80..0.97 and defaults to 0.9', () => {
		expect(createScheduler().retention).toBe(RETENTION.default);
		expect(clampRetention(0.5)).toBe(0.8);
		expect(clampRetention(0.99)).toBe(0.97);
		expect(clampRetention(Number.NaN)).toBe(0.9);
		expect(clampRetention('0.85')).toBe(0.9);
		expect(clampRetention(0.853)).toBe(0.85);
	});

	it('previews each rating in order: Again soonest, Easy latest', () => {
		const p = scheduler.preview(null, now);
		expect(p[Rating.Again]).toBeLessThan(p[Rating.Hard]);
		expect(p[Rating.Hard]).toBeLessThan(p[Rating.Good]);
		expect(p[Rating.Good]).toBeLessThan(p[Rating.Easy]);
	});

	it('keeps the four ratings apart after a miss and after a lapse, Easy at least a day beyond Good', () => {
		const missed = scheduler.next(null, Rating.Again, now).card;
		const learnt = scheduler.next(scheduler.next(null, Rating.Good, now).card, Rating.Good, now + 2 * DAY).card;
		const lapsed = scheduler.next(learnt, Rating.Again, learnt.due).card;
		for (const retention of [0.8, 0.9, 0.97]) {
			const s = createScheduler({ fuzz: false, retention });
			for (const card of [null, missed, lapsed]) {
				const at = card?.due ?? now;
				const p = s.preview(card, at);
				expect(p[Rating.Again]).toBeLessThan(p[Rating.Hard]);
				expect(p[Rating.Hard]).toBeLessThan(p[Rating.Good]);
				expect(p[Rating.Easy] - p[Rating.Good]).toBeGreaterThanOrEqual(DAY);
				// What the button promised is what rating does.
				expect(s.next(card, Rating.Easy, at).card.due).toBe(p[Rating.Easy]);
				expect(s.next(card, Rating.Good, at).card.due).toBe(p[Rating.Good]);
			}
		}
	});

	it('spreads long intervals when fuzz is on, the same way for the same inputs', () => {
		const fuzzy = createScheduler({ fuzz: true });
		let plain = scheduler.next(null, Rating.Good, now).card;
		let fuzzed = fuzzy.next(null, Rating.Good, now).card;
		for (let i = 0; i < 3; i++) {
			plain = scheduler.next(plain, Rating.Good, plain.due).card;
			fuzzed = fuzzy.next(fuzzed, Rating.Good, fuzzed.due).card;
		}
		const again = createScheduler({ fuzz: true });
		let replay = again.next(null, Rating.Good, now).card;
		for (let i = 0; i < 3; i++) replay = again.next(replay, Rating.Good, replay.due).card;
		expect(replay).toEqual(fuzzed);
		expect(Math.abs(fuzzed.scheduled_days - plain.scheduled_days)).toBeLessThanOrEqual(Math.ceil(plain.scheduled_days * 0.25));
	});
});

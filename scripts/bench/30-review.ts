import { performance } from 'node:perf_hooks';
import { emptyDeck, type Deck } from '../../src/lib/review/deck';
import { recordQuizResults } from '../../src/lib/review/record';
import { dueCounts } from '../../src/lib/review/due';
import { createScheduler, Rating } from '../../src/lib/review/scheduler';

const N = 10_000;
const DAY = 86_400_000;

/**
 * Scheduling 10,000 cards (each rated once more, as a long review session would) and counting
 * what is due in the learner's zone: the work behind a big deck's session and its badge.
 * Target: under 100 ms. Median of repeated runs; fuzz on, as learners have it.
 */
export async function run() {
	const start = Date.parse('2026-03-02T17:00:00Z');
	const scheduler = createScheduler();
	const results = Array.from({ length: N }, (_, i) => ({
		moduleId: 'bench',
		itemId: `item-${i}`,
		correct: i % 3 !== 0,
		answeredAt: start + i
	}));
	const deck: Deck = recordQuizResults(emptyDeck(), results, start + N, scheduler).deck;
	const cards = Object.values(deck.cards);
	const rated = new Array(N);
	const schedule: number[] = [];
	const count: number[] = [];
	for (let run = 0; run < 15; run++) {
		const now = start + 3 * DAY + run;
		let t = performance.now();
		for (let i = 0; i < N; i++) rated[i] = scheduler.next(cards[i].fsrs, i % 7 === 0 ? Rating.Again : Rating.Good, now);
		schedule.push(performance.now() - t);
		t = performance.now();
		const counts = dueCounts(deck, now, 'America/Los_Angeles');
		count.push(performance.now() - t);
		if (counts.total !== N) throw new Error('bench deck lost cards');
	}
	const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
	const s = median(schedule);
	const c = median(count);
	console.log(`schedule ${N} cards (ts-fsrs next, fuzz on): median ${s.toFixed(1)} ms`);
	console.log(`due counts over ${N} cards (America/Los_Angeles): median ${c.toFixed(2)} ms`);
	console.log(`total: ${(s + c).toFixed(1)} ms (target < 100 ms) ${s + c < 100 ? 'ok' : 'OVER'}`);
}

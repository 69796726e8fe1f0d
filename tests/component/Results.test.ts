import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import Results from '../../src/routes/m/[module]/quiz/Results.svelte';
import { currentItem, quizMachine } from '../../src/lib/quiz/quizMachine';
import { keyOf } from '../../src/lib/quiz/grade';
import { defaultSettings } from '../../src/lib/quiz/settings';
import { items } from '../fixtures/items';

/** A practice quiz where every question is skipped, finished, and (`retries` times) retried: skipped again, or answered right. */
function finished(retries: number, retryRight = false) {
	const settings = { ...defaultSettings(3), count: 2 };
	const actor = createActor(quizMachine, { input: { moduleId: 'm', items, settings, now: 0 } }).start();
	let now = 0;
	actor.send({ type: 'quiz.start', settings, now: (now += 1000) });
	for (let round = 0; round <= retries; round++) {
		if (round > 0) actor.send({ type: 'quiz.retry', now: (now += 1000) });
		while (actor.getSnapshot().hasTag('question')) {
			const q = currentItem(actor.getSnapshot().context)!;
			if (round > 0 && retryRight) {
				actor.send({ type: 'quiz.answer', response: keyOf(q), now: (now += 1000) });
				actor.send({ type: 'quiz.check', now: (now += 1000) });
				actor.send({ type: 'quiz.next', now: (now += 1000) });
			} else actor.send({ type: 'quiz.skip', now: (now += 2000) });
		}
		if (!actor.getSnapshot().hasTag('results')) actor.send({ type: 'quiz.finish', now: (now += 1000) });
	}
	return actor.getSnapshot();
}

describe('quiz results', () => {
	it('keeps a space before “· retry” in the summary line', () => {
		const current = finished(1);
		expect(current.hasTag('results')).toBe(true);
		render(Results, { session: { current }, moduleId: 'm', topicTitle: (id: string) => id });
		expect(screen.getByText(/fully right/).textContent).toMatch(/time \d+ s · retry 1$/);
	});

	it('says nothing about retries on the first round', () => {
		render(Results, { session: { current: finished(0) }, moduleId: 'm', topicTitle: (id: string) => id });
		expect(screen.getByText(/fully right/).textContent).not.toMatch(/retry/);
	});

	it('records a retry round as missed even when the retry went right: the first pass is what was recalled', async () => {
		localStorage.clear();
		const current = finished(1, true);
		expect(screen.queryByText(/Every answer was right/)).toBeNull();
		render(Results, { session: { current, send: () => {} }, moduleId: 'm', topicTitle: (id: string) => id });
		await fireEvent.click(screen.getByRole('button', { name: 'Review these later' }));
		expect(await screen.findByText('Added 2 questions to your review deck. You missed them: they come back in about ten minutes.')).toBeInTheDocument();
	});
});

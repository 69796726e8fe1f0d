import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import Results from '../../src/routes/m/[module]/quiz/Results.svelte';
import { quizMachine } from '../../src/lib/quiz/quizMachine';
import { defaultSettings } from '../../src/lib/quiz/settings';
import { items } from '../fixtures/items';

/** A practice quiz where every question is skipped, finished, and (`retries` times) retried. */
function finished(retries: number) {
	const settings = { ...defaultSettings(3), count: 2 };
	const actor = createActor(quizMachine, { input: { moduleId: 'm', items, settings, now: 0 } }).start();
	let now = 0;
	actor.send({ type: 'quiz.start', settings, now: (now += 1000) });
	for (let round = 0; round <= retries; round++) {
		if (round > 0) actor.send({ type: 'quiz.retry', now: (now += 1000) });
		while (actor.getSnapshot().hasTag('question')) actor.send({ type: 'quiz.skip', now: (now += 2000) });
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
});

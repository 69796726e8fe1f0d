import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { keyOf } from '../../../src/lib/quiz/grade';
import { currentItem, IDLE_CAP_MS, quizMachine, roundItems } from '../../../src/lib/quiz/quizMachine';
import { serialize } from '../../../src/lib/quiz/persist';
import { deserialize } from '../../../src/lib/quiz/restore';
import { answeredItems, scoreQuiz } from '../../../src/lib/quiz/score';
import { defaultSettings, type QuizSettings } from '../../../src/lib/quiz/settings';
import { items, wrongResponse } from '../../fixtures/items';

const T0 = Date.UTC(2026, 10, 28, 9, 0, 0);
const settings = (over: Partial<QuizSettings> = {}): QuizSettings => ({ ...defaultSettings(42), count: 12, ...over });

function begin(over: Partial<QuizSettings> = {}) {
	const actor = createActor(quizMachine, { input: { moduleId: 'hassan-interview', items, settings: settings(over), now: T0 } });
	actor.start();
	actor.send({ type: 'quiz.start', now: T0 });
	return actor;
}
type Actor = ReturnType<typeof begin>;
const item = (a: Actor) => currentItem(a.getSnapshot().context)!;


describe('quizMachine: start', () => {
	it('starts in the intro and picks the items with the settings at quiz.start', () => {
		const actor = createActor(quizMachine, { input: { moduleId: 'm', items, settings: settings({ count: 5 }), now: T0 } });
		actor.start();
		expect(actor.getSnapshot().hasTag('intro')).toBe(true);
		actor.send({ type: 'quiz.start', now: T0 });
		const { context } = actor.getSnapshot();
		expect(actor.getSnapshot().matches({ practice: 'answering' })).toBe(true);
		expect(context.ids).toHaveLength(5);
		expect(context.startedAt).toBe(T0);
	});

	it('takes settings with quiz.start (filters by topic and type) and starts a test', () => {
		const actor = createActor(quizMachine, { input: { moduleId: 'm', items, settings: settings(), now: T0 } });
		actor.start();
		actor.send({ type: 'quiz.start', now: T0, settings: settings({ mode: 'test', types: ['cloze'], topics: [] }) });
		const s = actor.getSnapshot();
		expect(s.matches({ test: 'answering' })).toBe(true);
		expect(roundItems(s.context).every((q) => q.type === 'cloze')).toBe(true);
		expect(s.context.ids).toHaveLength(3);
	});

	it('stays in the intro when the filters (or an empty bank) leave nothing to ask', () => {
		const actor = createActor(quizMachine, { input: { moduleId: 'm', items: [], settings: settings(), now: T0 } });
		actor.start();
		actor.send({ type: 'quiz.start', now: T0 });
		expect(actor.getSnapshot().value).toBe('intro');
	});

	it('orders items and options the same way for the same seed, differently for another', () => {
		const a = begin({ seed: 7 }).getSnapshot().context;
		const b = begin({ seed: 7 }).getSnapshot().context;
		const c = begin({ seed: 8 }).getSnapshot().context;
		expect(a.ids).toEqual(b.ids);
		expect(a.orders).toEqual(b.orders);
		expect(a.ids).not.toEqual(c.ids);
	});
});

describe('quizMachine: practice', () => {
	it('shows feedback straight after a correct check and moves on with quiz.next', () => {
		const actor = begin();
		const q = item(actor);
		actor.send({ type: 'quiz.answer', response: keyOf(q), now: T0 + 1000 });
		actor.send({ type: 'quiz.check', now: T0 + 2000 });
		const s = actor.getSnapshot();
		expect(s.hasTag('feedback')).toBe(true);
		expect(s.context.grades[q.id]).toEqual({ score: 1, correct: true });
		actor.send({ type: 'quiz.next', now: T0 + 3000 });
		expect(actor.getSnapshot().matches({ practice: 'answering' })).toBe(true);
		expect(actor.getSnapshot().context.index).toBe(1);
		expect(actor.getSnapshot().context.timeMs[q.id]).toBe(3000);
	});

	it('gives one more try after a wrong answer before showing the key', () => {
		const actor = begin();
		const q = item(actor);
		actor.send({ type: 'quiz.answer', response: wrongResponse(q), now: T0 + 1 });
		actor.send({ type: 'quiz.check', now: T0 + 2 });
		let s = actor.getSnapshot();
		expect(s.hasTag('feedback')).toBe(false);
		expect(s.hasTag('answering')).toBe(true);
		expect(s.context.tries[q.id]).toBe(1);
		expect(s.context.grades[q.id].correct).toBe(false);

		actor.send({ type: 'quiz.answer', response: wrongResponse(q), now: T0 + 3 });
		actor.send({ type: 'quiz.check', now: T0 + 4 });
		s = actor.getSnapshot();
		expect(s.hasTag('feedback')).toBe(true);
		expect(s.context.tries[q.id]).toBe(2);
	});

	it('counts the second try when it is right', () => {
		const actor = begin();
		const q = item(actor);
		actor.send({ type: 'quiz.answer', response: wrongResponse(q), now: T0 });
		actor.send({ type: 'quiz.check', now: T0 });
		actor.send({ type: 'quiz.answer', response: keyOf(q), now: T0 });
		actor.send({ type: 'quiz.check', now: T0 });
		expect(actor.getSnapshot().context.grades[q.id].correct).toBe(true);
		expect(actor.getSnapshot().hasTag('feedback')).toBe(true);
	});

	it('shows the key after the first wrong check when triesBeforeKey is 1', () => {
		const actor = begin({ triesBeforeKey: 1 });
		actor.send({ type: 'quiz.answer', response: wrongResponse(item(actor)), now: T0 });
		actor.send({ type: 'quiz.check', now: T0 });
		expect(actor.getSnapshot().hasTag('feedback')).toBe(true);
	});

	it('ignores a check with no answer', () => {
		const actor = begin();
		actor.send({ type: 'quiz.check', now: T0 });
		expect(actor.getSnapshot().context.tries).toEqual({});
		expect(actor.getSnapshot().hasTag('answering')).toBe(true);
	});

	it('skips an item unanswered, and skipping the last one ends the quiz', () => {
		const actor = begin({ count: 2 });
		actor.send({ type: 'quiz.skip', now: T0 });
		expect(actor.getSnapshot().context.index).toBe(1);
		actor.send({ type: 'quiz.skip', now: T0 });
		const s = actor.getSnapshot();
		expect(s.hasTag('results')).toBe(true);
		const score = scoreQuiz({ ...s.context, items: roundItems(s.context) });
		expect(score.answered).toBe(0);
		expect(score.score).toBe(0);
	});

	it('does not go back in practice', () => {
		const actor = begin();
		actor.send({ type: 'quiz.skip', now: T0 });
		actor.send({ type: 'quiz.back', now: T0 });
		expect(actor.getSnapshot().context.index).toBe(1);
	});

	it('runs a whole quiz to results, then retries only the missed ones', () => {
		const actor = begin({ count: 4 });
		const right: string[] = [];
		for (let i = 0; i < 4; i++) {
			const q = item(actor);
			const r = i % 2 === 0 ? keyOf(q) : wrongResponse(q);
			if (i % 2 === 0) right.push(q.id);
			actor.send({ type: 'quiz.answer', response: r, now: T0 + i * 10_000 });
			actor.send({ type: 'quiz.check', now: T0 + i * 10_000 + 1 });
			if (!actor.getSnapshot().hasTag('feedback')) actor.send({ type: 'quiz.check', now: T0 + i * 10_000 + 2 });
			actor.send({ type: 'quiz.next', now: T0 + i * 10_000 + 5000 });
		}
		let s = actor.getSnapshot();
		expect(s.hasTag('results')).toBe(true);
		expect(s.context.finishedAt).toBe(T0 + 35_000);
		const score = scoreQuiz({ ...s.context, items: roundItems(s.context) });
		expect(score.correct).toBe(2);
		expect(answeredItems('hassan-interview', score)).toHaveLength(4);

		const missed = s.context.ids.filter((id) => !right.includes(id));
		actor.send({ type: 'quiz.retry', now: T0 + 60_000 });
		s = actor.getSnapshot();
		expect(s.matches({ practice: 'answering' })).toBe(true);
		expect(s.context.ids).toEqual(missed);
		expect(s.context.round).toBe(1);
		expect(s.context.responses).toEqual({});
	});

	it('does not retry when nothing was missed', () => {
		const actor = begin({ count: 1 });
		actor.send({ type: 'quiz.answer', response: keyOf(item(actor)), now: T0 });
		actor.send({ type: 'quiz.check', now: T0 });
		actor.send({ type: 'quiz.next', now: T0 });
		actor.send({ type: 'quiz.retry', now: T0 });
		expect(actor.getSnapshot().hasTag('results')).toBe(true);
	});

	it('finishes early from any question, unchecked items scoring 0, and can restart', () => {
		const actor = begin();
		actor.send({ type: 'quiz.finish', now: T0 });
		expect(actor.getSnapshot().hasTag('results')).toBe(true);
		actor.send({ type: 'quiz.restart', now: T0 });
		expect(actor.getSnapshot().value).toBe('intro');
	});
});

describe('quizMachine: test mode', () => {
	it('gives no feedback, goes back and forth, and keeps changed answers', () => {
		const actor = begin({ mode: 'test', count: 3 });
		const first = item(actor);
		actor.send({ type: 'quiz.answer', response: wrongResponse(first), now: T0 });
		actor.send({ type: 'quiz.check', now: T0 });
		expect(actor.getSnapshot().hasTag('feedback')).toBe(false);
		actor.send({ type: 'quiz.next', now: T0 });
		actor.send({ type: 'quiz.next', now: T0 });
		expect(actor.getSnapshot().context.index).toBe(2);
		actor.send({ type: 'quiz.back', now: T0 });
		actor.send({ type: 'quiz.back', now: T0 });
		actor.send({ type: 'quiz.back', now: T0 });
		expect(actor.getSnapshot().context.index).toBe(0);
		actor.send({ type: 'quiz.answer', response: keyOf(first), now: T0 + 5 });
		expect(actor.getSnapshot().context.responses[first.id]).toEqual(keyOf(first));
		expect(actor.getSnapshot().context.answeredAt[first.id]).toBe(T0 + 5);
	});

	it('lists unanswered and flagged items before finishing, and can return to one', () => {
		const actor = begin({ mode: 'test', count: 3 });
		const ids = actor.getSnapshot().context.ids;
		actor.send({ type: 'quiz.answer', response: keyOf(item(actor)), now: T0 });
		actor.send({ type: 'quiz.flag', now: T0 });
		actor.send({ type: 'quiz.finish', now: T0 });
		let s = actor.getSnapshot();
		expect(s.hasTag('confirm')).toBe(true);
		expect(s.context.flagged).toEqual([ids[0]]);
		expect(ids.filter((id) => !s.context.responses[id])).toEqual([ids[1], ids[2]]);

		actor.send({ type: 'quiz.goto', index: 2, now: T0 });
		s = actor.getSnapshot();
		expect(s.matches({ test: 'answering' })).toBe(true);
		expect(s.context.index).toBe(2);
		actor.send({ type: 'quiz.flag', now: T0 });
		actor.send({ type: 'quiz.flag', now: T0 });
		expect(actor.getSnapshot().context.flagged).toEqual([ids[0]]);
		actor.send({ type: 'quiz.goto', index: 9, now: T0 });
		expect(actor.getSnapshot().context.index).toBe(2);
	});

	it('reaches the confirm screen after the last item; back returns to it', () => {
		const actor = begin({ mode: 'test', count: 2 });
		actor.send({ type: 'quiz.next', now: T0 });
		actor.send({ type: 'quiz.next', now: T0 });
		expect(actor.getSnapshot().hasTag('confirm')).toBe(true);
		actor.send({ type: 'quiz.back', now: T0 });
		expect(actor.getSnapshot().matches({ test: 'answering' })).toBe(true);
		expect(actor.getSnapshot().context.index).toBe(1);
	});

	it('grades everything when finished with unanswered items, partial credit included', () => {
		const actor = begin({ mode: 'test', count: 12 });
		const multiItem = roundItems(actor.getSnapshot().context).findIndex((q) => q.type === 'multi');
		actor.send({ type: 'quiz.goto', index: multiItem, now: T0 });
		const q = item(actor);
		if (q.type !== 'multi') throw new Error('fixture');
		actor.send({ type: 'quiz.answer', response: { type: 'multi', choices: [q.keys[0]] }, now: T0 });
		actor.send({ type: 'quiz.finish', now: T0 });
		actor.send({ type: 'quiz.finish', now: T0 + 1 });
		const s = actor.getSnapshot();
		expect(s.hasTag('results')).toBe(true);
		expect(Object.keys(s.context.grades)).toHaveLength(12);
		const score = scoreQuiz({ ...s.context, items: roundItems(s.context) });
		expect(score.answered).toBe(1);
		expect(score.correct).toBe(0);
		expect(score.score).toBeCloseTo(1 / q.keys.length);
	});

	it('retries the missed ones in test mode', () => {
		const actor = begin({ mode: 'test', count: 2 });
		actor.send({ type: 'quiz.answer', response: keyOf(item(actor)), now: T0 });
		actor.send({ type: 'quiz.finish', now: T0 });
		actor.send({ type: 'quiz.finish', now: T0 });
		const missed = actor.getSnapshot().context.ids[1];
		actor.send({ type: 'quiz.retry', now: T0 });
		expect(actor.getSnapshot().matches({ test: 'answering' })).toBe(true);
		expect(actor.getSnapshot().context.ids).toEqual([missed]);
	});
});

describe('quizMachine: time', () => {
	it('adds the time between events to the item on screen, capping idle gaps', () => {
		const actor = begin({ mode: 'test', count: 2 });
		const [a, b] = actor.getSnapshot().context.ids;
		actor.send({ type: 'quiz.next', now: T0 + 4000 });
		actor.send({ type: 'quiz.back', now: T0 + 4000 + 60 * 60_000 });
		const { timeMs } = actor.getSnapshot().context;
		expect(timeMs[a]).toBe(4000);
		expect(timeMs[b]).toBe(IDLE_CAP_MS);
	});
});

describe('quizMachine: restore', () => {
	it('resumes from a persisted snapshot where it left off', () => {
		const actor = begin({ mode: 'test', count: 5 });
		actor.send({ type: 'quiz.answer', response: keyOf(item(actor)), now: T0 + 1 });
		actor.send({ type: 'quiz.next', now: T0 + 2 });
		actor.send({ type: 'quiz.flag', now: T0 + 3 });
		const text = serialize(actor.getPersistedSnapshot(), 'tab-a', T0 + 3);
		expect(text).not.toContain('"pool"');

		const restored = deserialize(text, 'hassan-interview', items);
		if (!restored.ok) throw new Error(restored.reason);
		const again = createActor(quizMachine, {
			snapshot: restored.snapshot,
			input: { moduleId: 'hassan-interview', items, settings: settings(), now: T0 + 10 }
		});
		again.start();
		const s = again.getSnapshot();
		expect(s.matches({ test: 'answering' })).toBe(true);
		expect(s.context).toEqual(actor.getSnapshot().context);
		again.send({ type: 'quiz.back', now: T0 + 20 });
		expect(again.getSnapshot().context.index).toBe(0);
	});

	it('resumes practice feedback and results', () => {
		const actor = begin({ count: 1 });
		actor.send({ type: 'quiz.answer', response: keyOf(item(actor)), now: T0 });
		actor.send({ type: 'quiz.check', now: T0 });
		for (const expected of ['feedback', 'results']) {
			const restored = deserialize(serialize(actor.getPersistedSnapshot(), 't', T0), 'hassan-interview', items);
			if (!restored.ok) throw new Error(restored.reason);
			const again = createActor(quizMachine, { snapshot: restored.snapshot, input: { moduleId: 'hassan-interview', items, settings: settings(), now: T0 } });
			again.start();
			expect(again.getSnapshot().hasTag(expected)).toBe(true);
			actor.send({ type: 'quiz.next', now: T0 });
		}
	});
});

import { describe, expect, it } from 'vitest';
import { applyForm, decodeRecord, encodeRecord, MAX_COOKIE_CHARS, messages, readQuiz, stageOf, startQuiz, type Kept } from '../../../src/lib/server/quizForm';
import { keyOf } from '../../../src/lib/quiz/grade';
import { currentItem } from '../../../src/lib/quiz/quizMachine';
import { defaultSettings, type QuizSettings } from '../../../src/lib/quiz/settings';
import { FIELD } from '../../../src/lib/quiz/fields';
import type { Response } from '../../../src/lib/content/question';
import { items, wrongResponse } from '../../fixtures/items';

const quiz = { moduleId: 'hassan-interview', items };
const settings = (over: Partial<QuizSettings> = {}): QuizSettings => ({ ...defaultSettings(7), count: 4, ...over });

function started(over: Partial<QuizSettings> = {}, now = 1000): Kept {
	const kept = startQuiz(quiz, settings(over), now);
	if (!kept.ok) throw new Error('the fixture quiz did not start');
	return kept;
}

/** The cookie round trip every post makes: encode, then read back and validate. */
function roundTrip(kept: Kept): Kept {
	const back = readQuiz(encodeRecord(kept.record), quiz);
	if (!back.ok) throw new Error(`round trip failed: ${back.reason}`);
	return back;
}

/** The fields a question form posts for a response (as QuestionView names them). */
function fieldsFor(r: Response): [string, string][] {
	switch (r.type) {
		case 'mcq':
			return [[FIELD.choice, String(r.choice)]];
		case 'multi':
			return r.choices.map((c) => [FIELD.choices, String(c)]);
		case 'truefalse':
			return [[FIELD.value, String(r.value)]];
		case 'cloze':
			return [[FIELD.text, r.text]];
		case 'matching':
			return r.matches.map((m, i) => [FIELD.match + i, m === null ? '' : String(m)]);
	}
}

function post(kept: Kept, fields: [string, string][]): FormData {
	const form = new FormData();
	form.set('at', String(kept.savedAt));
	for (const [k, v] of fields) form.append(k, v);
	return form;
}


function step(kept: Kept, fields: [string, string][], now: number): Kept {
	const next = applyForm(roundTrip(kept), post(kept, fields), now);
	if (!next.ok) throw new Error(`post failed: ${next.reason}`);
	return next;
}

describe('the quiz without JavaScript (server-kept state)', () => {
	it('round-trips a started quiz through the cookie', () => {
		const kept = started();
		const back = roundTrip(kept);
		expect(back.record).toBe(kept.record);
		expect(stageOf(back.snapshot)).toBe('question');
		expect(back.snapshot.context.ids).toEqual(kept.snapshot.context.ids);
	});

	it('fits a 20-item quiz, answered throughout, in one cookie', () => {
		let kept = started({ count: 20, mode: 'test' });
		for (let i = 0; i < kept.snapshot.context.ids.length; i++) {
			const q = currentItem(kept.snapshot.context)!;
			kept = step(kept, [...fieldsFor(keyOf(q)), ['event', 'quiz.next']], 2000 + i * 1000);
		}
		expect(stageOf(kept.snapshot)).toBe('confirm');
		expect(encodeRecord(kept.record).length).toBeLessThan(MAX_COOKIE_CHARS);
	});

	it('grades a wrong check, allows the second try, then shows the key (practice)', () => {
		let kept = started({ mode: 'practice', triesBeforeKey: 2 });
		const q = currentItem(kept.snapshot.context)!;
		kept = step(kept, [...fieldsFor(wrongResponse(q)), ['event', 'quiz.check']], 2000);
		expect(kept.snapshot.hasTag('feedback')).toBe(false);
		expect(kept.snapshot.context.grades[q.id].correct).toBe(false);
		kept = step(kept, [...fieldsFor(keyOf(q)), ['event', 'quiz.check']], 3000);
		expect(kept.snapshot.hasTag('feedback')).toBe(true);
		expect(kept.snapshot.context.grades[q.id].correct).toBe(true);
		expect(kept.snapshot.context.tries[q.id]).toBe(2);
	});

	it('asks for an answer before checking, and changes nothing', () => {
		const kept = started({ mode: 'practice' });
		expect(applyForm(kept, post(kept, [['event', 'quiz.check']]), 2000)).toEqual({ ok: false, reason: 'choose' });
	});

	it('keeps a changed answer when going back in test mode, and grades it at the end', () => {
		let kept = started({ mode: 'test', count: 2 });
		const [first] = kept.snapshot.context.ids;
		const q1 = currentItem(kept.snapshot.context)!;
		kept = step(kept, [...fieldsFor(wrongResponse(q1)), ['event', 'quiz.next']], 2000);
		kept = step(kept, [['event', 'quiz.back']], 3000);
		expect(kept.snapshot.context.index).toBe(0);
		kept = step(kept, [...fieldsFor(keyOf(q1)), ['event', 'quiz.next']], 4000);
		kept = step(kept, [['event', 'quiz.next']], 5000);
		expect(stageOf(kept.snapshot)).toBe('confirm');
		kept = step(kept, [['goto', '1']], 6000);
		expect(kept.snapshot.context.index).toBe(1);
		kept = step(kept, [['event', 'quiz.finish']], 7000);
		kept = step(kept, [['event', 'quiz.finish']], 8000);
		expect(stageOf(kept.snapshot)).toBe('results');
		expect(kept.snapshot.context.grades[first].correct).toBe(true);
		kept = step(kept, [['event', 'quiz.retry']], 9000);
		expect(kept.snapshot.context.ids).toHaveLength(1);
	});

	it('ignores a post from an older page, so an answer never lands on another question', () => {
		const kept = started({ mode: 'test' });
		const next = step(kept, [['event', 'quiz.next']], 2000);
		const stale = applyForm(next, post(kept, [[FIELD.choice, '0'], ['event', 'quiz.next']]), 3000);
		expect(stale).toEqual({ ok: false, reason: 'stale' });
		expect(applyForm(next, post(next, [['event', 'quiz.nonsense']]), 3000)).toEqual({ ok: false, reason: 'stale' });
	});

	it('calls a tampered, truncated or foreign cookie corrupt or outdated (a fresh quiz, with a message)', () => {
		const kept = started();
		const value = encodeRecord(kept.record);
		expect(readQuiz(undefined, quiz)).toEqual({ ok: false, reason: 'none' });
		expect(readQuiz('not base64!', quiz)).toEqual({ ok: false, reason: 'corrupt' });
		expect(readQuiz(value.slice(0, value.length / 2), quiz)).toEqual({ ok: false, reason: 'corrupt' });
		expect(readQuiz(encodeRecord('{"version":1'), quiz)).toEqual({ ok: false, reason: 'corrupt' });

		const json = JSON.parse(kept.record);
		json.snapshot.context.index = 99;
		expect(readQuiz(encodeRecord(JSON.stringify(json)), quiz)).toEqual({ ok: false, reason: 'corrupt' });
		const graded = JSON.parse(kept.record);
		graded.snapshot.context.grades = { [graded.snapshot.context.ids[0]]: { score: 7, correct: true } };
		expect(readQuiz(encodeRecord(JSON.stringify(graded)), quiz)).toEqual({ ok: false, reason: 'corrupt' });
		expect(readQuiz(value, { moduleId: 'another-module', items })).toEqual({ ok: false, reason: 'outdated' });
		expect(readQuiz(value, { ...quiz, items: items.slice(0, 1) })).toEqual({ ok: false, reason: 'outdated' });
		expect(messages.corrupt).toMatch(/fresh quiz/);
	});

	it('decodes only what it encoded', () => {
		expect(decodeRecord(encodeRecord('{"a":1}'))).toBe('{"a":1}');
		expect(decodeRecord('')).toBeNull();
		expect(decodeRecord('AAAA')).toBeNull();
	});

	it('refuses to start a quiz no item matches', () => {
		expect(startQuiz(quiz, settings({ topics: ['no-such-topic'] }), 0)).toEqual({ ok: false, reason: 'empty' });
	});
});

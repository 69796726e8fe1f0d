import { describe, expect, it } from 'vitest';
import { QuizSession, type SessionOptions } from '../../src/lib/quiz/quizSession.svelte';
import { serialize, storageKey } from '../../src/lib/quiz/persist';
import { defaultSettings } from '../../src/lib/quiz/settings';
import { keyOf } from '../../src/lib/quiz/grade';
import { currentItem } from '../../src/lib/quiz/quizMachine';
import { items } from '../fixtures/items';

const MODULE = 'hassan-interview';
let clock = 1_000;
const options = (over: Partial<SessionOptions> = {}): SessionOptions => ({
	moduleId: MODULE,
	items,
	settings: { ...defaultSettings(11), count: 5 },
	now: () => (clock += 1000),
	storage: localStorage,
	tabId: 'tab-a',
	target: window,
	...over
});

describe('QuizSession', () => {
	it('takes over a quiz kept by the server (no JavaScript so far) when it is newer, and saves it here', async () => {
		localStorage.clear();
		const server = new QuizSession(options({ storage: undefined, tabId: 'server' }));
		await server.restored;
		server.send({ type: 'quiz.start' });
		server.send({ type: 'quiz.skip' });
		const kept = serialize(server.current, 'server', clock);
		server.destroy();

		const s = new QuizSession(options({ kept }));
		await s.restored;
		expect(s.resumed).toBe(true);
		expect(s.current.context.index).toBe(1);
		expect(localStorage.getItem(storageKey(MODULE))).toContain('"tab-a"');
		s.destroy();
	});

	it('does not call a quiz resumed when the server has only just started it (Start posted before hydration)', async () => {
		localStorage.clear();
		const server = new QuizSession(options({ storage: undefined, tabId: 'server' }));
		await server.restored;
		server.send({ type: 'quiz.start' });
		const kept = serialize(server.current, 'server', clock);
		server.destroy();

		const s = new QuizSession(options({ kept }));
		await s.restored;
		expect(s.current.hasTag('question')).toBe(true);
		expect(s.resumed).toBe(false);
		s.destroy();
	});

	it('keeps its own saved quiz when the kept one is older', async () => {
		localStorage.clear();
		const old = serialize(new QuizSession(options({ storage: undefined })).current, 'server', 0);
		const a = new QuizSession(options());
		await a.restored;
		a.send({ type: 'quiz.start' });
		a.destroy();

		const b = new QuizSession(options({ kept: old }));
		await b.restored;
		expect(b.current.hasTag('question')).toBe(true);
		b.destroy();
	});

	it('saves after every event and resumes in a new session', async () => {
		localStorage.clear();
		const a = new QuizSession(options());
		await a.restored;
		a.send({ type: 'quiz.start' });
		a.send({ type: 'quiz.answer', response: keyOf(currentItem(a.current.context)!) });
		a.send({ type: 'quiz.check' });
		expect(localStorage.getItem(storageKey(MODULE))).toContain('"tab-a"');
		a.destroy();

		const b = new QuizSession(options());
		await b.restored;
		expect(b.resumed).toBe(true);
		expect(b.current.hasTag('feedback')).toBe(true);
		expect(b.notice).toBeNull();
		b.destroy();
	});

	it('starts fresh with a message when the saved quiz is corrupt or outdated', async () => {
		localStorage.setItem(storageKey(MODULE), '{"version":1');
		const s = new QuizSession(options());
		await s.restored;
		expect(s.current.hasTag('intro')).toBe(true);
		expect(s.notice).toMatch(/could not be read/);
		s.destroy();

		localStorage.setItem(storageKey(MODULE), JSON.stringify({ version: 99 }));
		const t = new QuizSession(options());
		await t.restored;
		expect(t.notice).toMatch(/questions have changed/);
		t.destroy();
	});

	it('stops writing when another tab writes the same quiz, until the learner takes over', async () => {
		localStorage.clear();
		const a = new QuizSession(options());
		await a.restored;
		a.send({ type: 'quiz.start' });
		const mine = localStorage.getItem(storageKey(MODULE))!;

		// Another tab moves on and writes (the browser fires `storage` in the other tabs only).
		const other = JSON.parse(mine);
		other.owner = 'tab-b';
		other.snapshot.context.index = 1;
		const theirs = JSON.stringify(other);
		localStorage.setItem(storageKey(MODULE), theirs);
		window.dispatchEvent(new StorageEvent('storage', { key: storageKey(MODULE), newValue: theirs }));
		expect(a.elsewhere).toBe(true);
		expect(a.notice).toMatch(/another tab/);

		a.send({ type: 'quiz.skip' });
		expect(localStorage.getItem(storageKey(MODULE))).toBe(theirs);
		expect(a.current.context.index).toBe(0);

		await a.takeOver();
		expect(a.elsewhere).toBe(false);
		expect(a.current.context.index).toBe(1);
		expect(JSON.parse(localStorage.getItem(storageKey(MODULE))!).owner).toBe('tab-a');
		a.destroy();
	});

	it('ignores its own writes and other keys', async () => {
		localStorage.clear();
		const a = new QuizSession(options());
		window.dispatchEvent(new StorageEvent('storage', { key: 'something.else', newValue: 'x' }));
		window.dispatchEvent(new StorageEvent('storage', { key: storageKey(MODULE), newValue: serialize({ context: { pool: [] } }, 'tab-a', 0) }));
		expect(a.elsewhere).toBe(false);
		a.destroy();
	});

	it('works without storage (private mode)', async () => {
		const s = new QuizSession(options({ storage: undefined }));
		await s.restored;
		s.send({ type: 'quiz.start' });
		expect(s.current.hasTag('question')).toBe(true);
		s.destroy();
	});
});

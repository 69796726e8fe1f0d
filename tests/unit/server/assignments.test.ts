import { beforeEach, describe, expect, it } from 'vitest';
import { openDb, migrations, type Db } from '$lib/server/db';
import {
	assignmentForTeacher,
	closeAssignment,
	createAssignment,
	currentAnswers,
	getAssignment,
	hashSecret,
	recordAnswer,
	startAttempt,
	submitAttempt,
	type Assignment
} from '$lib/server/assignments';
import { studentView } from '$lib/server/studentView';
import { items, minutes, settings, T0 } from './fixtures';

let db: Db;
beforeEach(() => {
	db = openDb(':memory:');
});

function create(over: Parameters<typeof settings>[0] = {}) {
	const made = createAssignment(db, { moduleId: 'demo', items, settings: settings(over) }, T0);
	if (!made.ok) throw new Error(made.message);
	return made;
}

/** Items in bank order, so tests know which item is where. */
const inOrder = (n: number) => n - 1;

describe('database', () => {
	it('runs every migration once and records the version', () => {
		expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
		const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
		expect(tables.map((t) => (t as { name: string }).name)).toEqual(['answers', 'assignments', 'attempts']);
	});
});

describe('creating an assignment', () => {
	it('gives a short code and a 256-bit secret stored only as its hash', () => {
		const { assignment, secret, pool } = create();
		expect(assignment.code).toMatch(/^[a-z2-9]{12}$/);
		expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
		expect(pool).toBe(5);
		const row = db.prepare('SELECT * FROM assignments').get() as Record<string, unknown>;
		expect(JSON.stringify(row)).not.toContain(secret);
		expect(row.secret_hash).toBe(hashSecret(secret));
	});

	it('selects the pool by topic and type and leaves out excluded items', () => {
		const { assignment } = create({ topics: ['beta'], types: ['cloze', 'multi', 'mcq'], excluded: ['q-multi'] });
		const attempt = startAttempt(db, { code: assignment.code, studentKey: 's1', name: 'Ann' }, T0);
		expect(attempt.ok && attempt.attempt.items).toEqual(['q-cloze']);
	});

	it('draws from every topic when none is ticked, as the practice quiz does', () => {
		const { pool } = create({ topics: [] });
		expect(pool).toBe(5);
		const some = create({ topics: ['beta'] });
		expect(some.pool).toBeLessThan(5);
	});

	it('refuses settings that select nothing or a due date in the past', () => {
		const none = createAssignment(db, { moduleId: 'demo', items, settings: settings({ topics: ['gamma'] }) }, T0);
		expect(none).toMatchObject({ ok: false, status: 400 });
		const past = createAssignment(db, { moduleId: 'demo', items, settings: settings({ dueAt: T0 - 1 }) }, T0);
		expect(past).toMatchObject({ ok: false, status: 400 });
		expect(db.prepare('SELECT COUNT(*) AS n FROM assignments').get()).toEqual({ n: 0 });
	});

	it('opens the teacher view only with the right key, and says the same for an unknown code', () => {
		const { assignment, secret } = create();
		expect(assignmentForTeacher(db, assignment.code, secret)?.id).toBe(assignment.id);
		expect(assignmentForTeacher(db, assignment.code, secret + 'x')).toBeUndefined();
		expect(assignmentForTeacher(db, 'nosuchcode22', secret)).toBeUndefined();
	});
});

describe('an attempt', () => {
	let a: Assignment;
	beforeEach(() => {
		a = create({ attemptsAllowed: 2 }).assignment;
	});

	it('fixes its items at the start and resumes the same attempt', () => {
		const first = startAttempt(db, { code: a.code, studentKey: 's1', name: 'Ann' }, T0, inOrder);
		const again = startAttempt(db, { code: a.code, studentKey: 's1', name: 'Ann' }, minutes(5), () => 0);
		expect(first.ok && again.ok).toBe(true);
		if (!first.ok || !again.ok) return;
		expect(first.attempt.items).toHaveLength(5);
		expect(again.resumed).toBe(true);
		expect(again.attempt.id).toBe(first.attempt.id);
		expect(again.attempt.items).toEqual(first.attempt.items);
	});

	it('needs a name when the teacher asked for one, and keeps HTML as plain text', () => {
		expect(startAttempt(db, { code: a.code, studentKey: 's1', name: '   ' }, T0)).toMatchObject({ ok: false, status: 400 });
		const made = startAttempt(db, { code: a.code, studentKey: 's1', name: '<b>Ann</b>\u0007' }, T0);
		expect(made.ok && made.attempt.name).toBe('<b>Ann</b>');
	});

	it('stores every answer as given and grades with the shared grader', () => {
		startAttempt(db, { code: a.code, studentKey: 's1', name: 'Ann' }, T0);
		const wrong = recordAnswer(db, { code: a.code, studentKey: 's1', itemId: 'q-mcq', response: { type: 'mcq', choice: 0 } }, minutes(1));
		const right = recordAnswer(db, { code: a.code, studentKey: 's1', itemId: 'q-mcq', response: { type: 'mcq', choice: 1 } }, minutes(2));
		const cloze = recordAnswer(db, { code: a.code, studentKey: 's1', itemId: 'q-cloze', response: { type: 'cloze', text: ' paris ' } }, minutes(3));
		expect(wrong).toMatchObject({ ok: true, grade: { score: 0, correct: false } });
		expect(right).toMatchObject({ ok: true, grade: { score: 1, correct: true } });
		expect(cloze).toMatchObject({ ok: true, grade: { correct: true } });
		expect(db.prepare('SELECT COUNT(*) AS n FROM answers').get()).toEqual({ n: 3 });
		const attemptId = (db.prepare('SELECT id FROM attempts').get() as { id: number }).id;
		const current = currentAnswers(db, attemptId);
		expect(current.get('q-mcq')?.response).toEqual({ type: 'mcq', choice: 1 });
		expect(current.get('q-cloze')?.response).toEqual({ type: 'cloze', text: ' paris ' });
	});

	it('rejects answers that do not fit and records nothing', () => {
		startAttempt(db, { code: a.code, studentKey: 's1', name: 'Ann' }, T0);
		const answer = (itemId: string, response: unknown) => recordAnswer(db, { code: a.code, studentKey: 's1', itemId, response }, minutes(1));
		expect(answer('q-mcq', { type: 'truefalse', value: true })).toMatchObject({ ok: false, status: 400 });
		expect(answer('q-mcq', { type: 'mcq', choice: 9 })).toMatchObject({ ok: false, status: 400 });
		expect(answer('q-match', { type: 'matching', matches: [0, 1] })).toMatchObject({ ok: false, status: 400 });
		expect(answer('q-multi', { type: 'multi', choices: [0, 0] })).toMatchObject({ ok: false, status: 400 });
		expect(answer('nope', { type: 'mcq', choice: 1 })).toMatchObject({ ok: false, status: 400 });
		expect(answer('q-mcq', 'junk')).toMatchObject({ ok: false, status: 400 });
		expect(recordAnswer(db, { code: a.code, studentKey: 'stranger', itemId: 'q-mcq', response: { type: 'mcq', choice: 1 } }, T0)).toMatchObject({
			ok: false,
			status: 409
		});
		expect(db.prepare('SELECT COUNT(*) AS n FROM answers').get()).toEqual({ n: 0 });
	});

	it('scores on submit as the mean item score, unanswered items counting 0', () => {
		startAttempt(db, { code: a.code, studentKey: 's1', name: 'Ann' }, T0);
		recordAnswer(db, { code: a.code, studentKey: 's1', itemId: 'q-mcq', response: { type: 'mcq', choice: 1 } }, minutes(1));
		// 1 right, 1 wrong tick out of 2 keys: (1 - 1) / 2 = 0; matching 2 of 4 = 0.5.
		recordAnswer(db, { code: a.code, studentKey: 's1', itemId: 'q-multi', response: { type: 'multi', choices: [0, 1] } }, minutes(1));
		recordAnswer(db, { code: a.code, studentKey: 's1', itemId: 'q-match', response: { type: 'matching', matches: [0, 1, 3, 2] } }, minutes(1));
		const submitted = submitAttempt(db, { code: a.code, studentKey: 's1' }, minutes(10));
		expect(submitted).toMatchObject({ ok: true });
		expect(submitted.ok && submitted.score).toBeCloseTo(1.5 / 5);
		// Nothing more is recorded on a submitted attempt.
		expect(recordAnswer(db, { code: a.code, studentKey: 's1', itemId: 'q-tf', response: { type: 'truefalse', value: true } }, minutes(11))).toMatchObject({
			ok: false,
			status: 409
		});
		expect(submitAttempt(db, { code: a.code, studentKey: 's1' }, minutes(12))).toMatchObject({ ok: false, status: 409 });
	});

	it('stops at the attempt limit with a clear message and records nothing', () => {
		for (const n of [1, 2]) {
			const made = startAttempt(db, { code: a.code, studentKey: 's1', name: 'Ann' }, minutes(n));
			expect(made.ok && made.attempt.number).toBe(n);
			submitAttempt(db, { code: a.code, studentKey: 's1' }, minutes(n));
		}
		const third = startAttempt(db, { code: a.code, studentKey: 's1', name: 'Ann' }, minutes(3));
		expect(third).toEqual({ ok: false, status: 409, message: 'You have used all 2 attempts at this assignment.' });
		expect(db.prepare('SELECT COUNT(*) AS n FROM attempts').get()).toEqual({ n: 2 });
		// Another student still has both attempts.
		expect(startAttempt(db, { code: a.code, studentKey: 's2', name: 'Bo' }, minutes(3))).toMatchObject({ ok: true });
	});
});

describe('due date and closing', () => {
	it('records nothing after the due date, and says so', () => {
		const a = create({ dueAt: minutes(30) }).assignment;
		startAttempt(db, { code: a.code, studentKey: 's1', name: 'Ann' }, minutes(1));
		const late = recordAnswer(db, { code: a.code, studentKey: 's1', itemId: 'q-tf', response: { type: 'truefalse', value: true } }, minutes(31));
		expect(late).toMatchObject({ ok: false, status: 410, message: expect.stringMatching(/due date has passed/) });
		expect(submitAttempt(db, { code: a.code, studentKey: 's1' }, minutes(31))).toMatchObject({ ok: false, status: 410 });
		expect(startAttempt(db, { code: a.code, studentKey: 's2', name: 'Bo' }, minutes(31))).toMatchObject({ ok: false, status: 410 });
		expect(db.prepare('SELECT COUNT(*) AS n FROM answers').get()).toEqual({ n: 0 });
		expect(db.prepare('SELECT COUNT(*) AS n FROM attempts').get()).toEqual({ n: 1 });
		// Exactly at the due time is still in time.
		expect(recordAnswer(db, { code: a.code, studentKey: 's1', itemId: 'q-tf', response: { type: 'truefalse', value: true } }, minutes(30))).toMatchObject({ ok: true });
	});

	it('records nothing once the teacher closes it', () => {
		const a = create().assignment;
		startAttempt(db, { code: a.code, studentKey: 's1', name: 'Ann' }, T0);
		closeAssignment(db, a, minutes(1));
		expect(getAssignment(db, a.code)?.closedAt).toBe(minutes(1));
		expect(recordAnswer(db, { code: a.code, studentKey: 's1', itemId: 'q-tf', response: { type: 'truefalse', value: true } }, minutes(2))).toMatchObject({
			ok: false,
			status: 410,
			message: expect.stringMatching(/closed/)
		});
		expect(startAttempt(db, { code: a.code, studentKey: 's2', name: 'Bo' }, minutes(2))).toMatchObject({ ok: false, status: 410 });
	});

	it('says 404 for an unknown code', () => {
		expect(startAttempt(db, { code: 'nosuchcode22', studentKey: 's1', name: 'Ann' }, T0)).toMatchObject({ ok: false, status: 404 });
	});
});

describe('practice mode', () => {
	it('takes the first answer to an item and refuses a second', () => {
		const a = create({ mode: 'practice' }).assignment;
		startAttempt(db, { code: a.code, studentKey: 's1', name: 'Ann' }, T0);
		const first = recordAnswer(db, { code: a.code, studentKey: 's1', itemId: 'q-tf', response: { type: 'truefalse', value: false } }, minutes(1));
		expect(first).toMatchObject({ ok: true, mode: 'practice', grade: { correct: false } });
		const second = recordAnswer(db, { code: a.code, studentKey: 's1', itemId: 'q-tf', response: { type: 'truefalse', value: true } }, minutes(2));
		expect(second).toMatchObject({ ok: false, status: 409 });
		expect(db.prepare('SELECT COUNT(*) AS n FROM answers').get()).toEqual({ n: 1 });
	});
});

describe('what the student page may show', () => {
	const secrets = (q: (typeof items)[number]) => [q.explanation, q.evidence[0].quote, '"key"', '"keys"', '"answers"'];

	it('carries no key, explanation or evidence in a test attempt before submitting', () => {
		const a = create({ mode: 'test' }).assignment;
		startAttempt(db, { code: a.code, studentKey: 's1', name: 'Ann' }, T0);
		recordAnswer(db, { code: a.code, studentKey: 's1', itemId: 'q-cloze', response: { type: 'cloze', text: 'Paris' } }, T0);
		const view = studentView(db, a, 's1', T0);
		const json = JSON.stringify(view);
		expect(view.attempt?.items).toHaveLength(5);
		expect(view.attempt?.items.find((i) => i.question.id === 'q-cloze')?.response).toEqual({ type: 'cloze', text: 'Paris' });
		// Options keep their original indexes but show in an order fixed for the attempt.
		const mcq = view.attempt!.items.find((i) => i.question.id === 'q-mcq')!;
		expect([...mcq.order].sort()).toEqual([0, 1, 2, 3]);
		expect(studentView(db, a, 's1', T0).attempt!.items.find((i) => i.question.id === 'q-mcq')!.order).toEqual(mcq.order);
		for (const q of items) for (const s of secrets(q)) expect(json).not.toContain(s);
	});

	it('reveals a practice item only once it is answered, and the review after submitting', () => {
		const a = create({ mode: 'practice', showKeys: true }).assignment;
		startAttempt(db, { code: a.code, studentKey: 's1', name: 'Ann' }, T0);
		recordAnswer(db, { code: a.code, studentKey: 's1', itemId: 'q-mcq', response: { type: 'mcq', choice: 0 } }, T0);
		const view = studentView(db, a, 's1', T0);
		const answered = view.attempt!.items.filter((i) => i.feedback);
		expect(answered.map((i) => i.question.id)).toEqual(['q-mcq']);
		expect(JSON.stringify(view.attempt!.items.filter((i) => !i.feedback))).not.toContain('"key');
		submitAttempt(db, { code: a.code, studentKey: 's1' }, T0);
		const after = studentView(db, a, 's1', T0);
		expect(after.attempt).toBeNull();
		expect(after.last?.review).toHaveLength(5);
		expect(after.canStart).toBe(false);
	});

	it('keeps the keys hidden after submitting when the teacher said so', () => {
		const a = create({ showKeys: false }).assignment;
		startAttempt(db, { code: a.code, studentKey: 's1', name: 'Ann' }, T0);
		submitAttempt(db, { code: a.code, studentKey: 's1' }, T0);
		const view = studentView(db, a, 's1', T0);
		expect(view.last).toMatchObject({ number: 1, score: 0, review: null });
		for (const q of items) for (const s of secrets(q)) expect(JSON.stringify(view)).not.toContain(s);
	});
});

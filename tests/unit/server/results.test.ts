import { beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '$lib/server/db';
import { createAssignment, recordAnswer, startAttempt, submitAttempt, type Assignment } from '$lib/server/assignments';
import { answersCsv, attemptsCsv, results } from '$lib/server/results';
import { csvCell, toCsv } from '$lib/server/csv';
import { items, minutes, settings, T0 } from './fixtures';

let db: Db;
let a: Assignment;

// The statistics example again, through the database: items mcq (alpha), truefalse (alpha), cloze (beta).
const answers: [string, number, boolean, string][] = [
	['Ann', 1, true, 'Paris'],
	['<b>Bo</b>', 1, true, 'London'],
	['=HYPERLINK("http://x")', 1, false, 'london '],
	['Di', 0, false, 'paris']
];

beforeEach(() => {
	db = openDb(':memory:');
	const made = createAssignment(db, { moduleId: 'demo', items, settings: settings({ types: ['mcq', 'truefalse', 'cloze'], count: 3 }) }, T0);
	if (!made.ok) throw new Error(made.message);
	a = made.assignment;
	answers.forEach(([name, choice, value, text], k) => {
		const studentKey = `s${k}`;
		startAttempt(db, { code: a.code, studentKey, name }, minutes(k));
		recordAnswer(db, { code: a.code, studentKey, itemId: 'q-mcq', response: { type: 'mcq', choice } }, minutes(k + 1));
		recordAnswer(db, { code: a.code, studentKey, itemId: 'q-tf', response: { type: 'truefalse', value } }, minutes(k + 1));
		recordAnswer(db, { code: a.code, studentKey, itemId: 'q-cloze', response: { type: 'cloze', text } }, minutes(k + 1));
		submitAttempt(db, { code: a.code, studentKey }, minutes(k + 2));
	});
	// A fifth student has started but not submitted: listed, but outside the statistics.
	startAttempt(db, { code: a.code, studentKey: 's9', name: 'Eve' }, minutes(9));
});

describe('teacher results', () => {
	it('lists each student with attempts, best and last score and time', () => {
		const r = results(db, a);
		expect(r.submitted).toBe(4);
		expect(r.inProgress).toBe(1);
		// By name (punctuation sorts before letters), so a teacher finds a student as in a class list.
		expect(r.students.map((s) => [s.name, s.attempts, s.best, s.last, s.time, s.inProgress])).toEqual([
			['<b>Bo</b>', 1, 2 / 3, 2 / 3, 120_000, false],
			['=HYPERLINK("http://x")', 1, 1 / 3, 1 / 3, 120_000, false],
			['Ann', 1, 1, 1, 120_000, false],
			['Di', 1, 1 / 3, 1 / 3, 120_000, false],
			['Eve', 1, null, null, null, true]
		]);
		expect(r.students.find((s) => s.name === 'Eve')).toMatchObject({ label: 'Eve', startedAt: minutes(9), lastStartedAt: minutes(9) });
	});

	it('tells apart students who share a name (any case) by start order', () => {
		for (const [key, name, at] of [
			['sam-late', 'Sam', 30],
			['sam-early', 'sam ', 20],
			['sam-mid', 'Sam', 22]
		] as const)
			startAttempt(db, { code: a.code, studentKey: key, name }, minutes(at));
		submitAttempt(db, { code: a.code, studentKey: 'sam-mid' }, minutes(40));
		const r = results(db, a);
		const sams = r.students.filter((s) => s.label.startsWith('Sam') || s.label.startsWith('sam'));
		expect(sams.map((s) => [s.label, s.startedAt, s.inProgress])).toEqual([
			['sam (1)', minutes(20), true],
			['Sam (2)', minutes(22), false],
			['Sam (3)', minutes(30), true]
		]);
		expect(new Set(r.students.map((s) => s.label)).size).toBe(r.students.length);
	});

	it('lists the answered items first, most answers first, and the never-given items last', () => {
		// A second assignment whose pool (every type) is larger than what each student gets.
		const made = createAssignment(db, { moduleId: 'demo', items, settings: settings({ count: 1, excluded: [] }) }, T0);
		if (!made.ok) throw new Error(made.message);
		const r0 = results(db, made.assignment);
		expect(r0.items.every((i) => i.n === 0)).toBe(true);
		// The original assignment: its three items were all answered by the four submitted students.
		const r = results(db, a);
		expect(r.items.map((i) => i.itemId)).toEqual(['q-mcq', 'q-tf', 'q-cloze']);
		for (let k = 0; k < 3; k++) {
			startAttempt(db, { code: made.assignment.code, studentKey: `x${k}`, name: `X${k}` }, minutes(50 + k));
			submitAttempt(db, { code: made.assignment.code, studentKey: `x${k}` }, minutes(51 + k));
		}
		const counts = results(db, made.assignment).items.map((i) => i.n);
		expect(counts.reduce((s, n) => s + n, 0)).toBe(3);
		expect(counts).toEqual([...counts].sort((x, y) => y - x));
		expect(counts.at(-1)).toBe(0);
	});

	it('gives facility and discrimination per item, the most missed and the commonest wrong answers', () => {
		const r = results(db, a);
		const byId = new Map(r.items.map((i) => [i.itemId, i]));
		expect(byId.get('q-mcq')).toMatchObject({ facility: 0.75, discriminationIndex: 0 });
		expect(byId.get('q-tf')!.discriminationIndex).toBeCloseTo(100 / Math.sqrt(3), 10);
		expect(byId.get('q-cloze')!.discriminationIndex).toBeCloseTo(-50 / Math.sqrt(2.75), 10);
		expect(byId.get('q-mcq')!.wrong).toEqual([{ answer: 'A', count: 1 }]);
		// "London" and "london " are one wrong answer.
		expect(byId.get('q-cloze')!.wrong).toEqual([{ answer: 'London', count: 2 }]);
		expect(byId.get('q-tf')!.wrong).toEqual([{ answer: 'False', count: 2 }]);
		expect(r.mostMissed.map((i) => i.itemId)).toEqual(['q-tf', 'q-cloze', 'q-mcq']);
	});

	it('averages each topic over the submitted answers', () => {
		expect(results(db, a).topics).toEqual([
			{ topic: 'alpha', answers: 8, average: 5 / 8 },
			{ topic: 'beta', answers: 4, average: 0.5 }
		]);
	});
});

describe('CSV export', () => {
	it('writes a row per attempt and a row per answer, names as inert text', () => {
		const attempts = attemptsCsv(db, a).trimEnd().split('\r\n');
		expect(attempts).toHaveLength(1 + 5);
		expect(attempts[0]).toBe('"attempt","name","attempt_number","started_at","submitted_at","seconds","items","answered","score_percent"');
		expect(attempts[2]).toContain('"<b>Bo</b>"');
		expect(attempts[3]).toContain(`"'=HYPERLINK(""http://x"")"`);
		expect(attempts[1]).toMatch(/,120,3,3,100$/);
		const rows = answersCsv(db, a).trimEnd().split('\r\n');
		expect(rows).toHaveLength(1 + 12);
		expect(rows).toContainEqual(expect.stringContaining('"q-cloze","beta","cloze","London",0,false'));
	});

	it('guards every formula trigger and quotes', () => {
		for (const lead of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${lead}1+1`)).toBe(`"'${lead}1+1"`);
		expect(csvCell('say "hi", ok')).toBe('"say ""hi"", ok"');
		expect(csvCell(-1)).toBe('-1');
		expect(toCsv(['a'], [[null], [true]])).toBe('"a"\r\n\r\ntrue\r\n');
	});
});

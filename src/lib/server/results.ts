import { toPublic, type Question, type Response } from '$lib/content/question';
import { describeResponse } from '$lib/quiz/describe';
import { normalizeAnswer } from '$lib/quiz/grade';
import { allAttempts, poolItems, type Assignment, type AttemptRecord } from './assignments';
import { toCsv } from './csv';
import type { Db } from './db';
import { itemStatistics, type ItemStatistics } from './statistics';

/** A response as a teacher reads it (the option texts chosen, not their indexes). */
export function responseText(q: Question, r: Response | undefined): string {
	return describeResponse(toPublic(q), r);
}

export type StudentRow = {
	name: string;
	/** The name as the teacher reads it: "Anonymous" for none, and "Sam (2)" when students share a name (numbered by start). */
	label: string;
	/** When the student's first attempt started, and their latest one. */
	startedAt: number;
	lastStartedAt: number;
	attempts: number;
	best: number | null;
	last: number | null;
	/** Milliseconds from start to submit of the last submitted attempt. */
	time: number | null;
	submittedAt: number | null;
	inProgress: boolean;
};

export type ItemRow = ItemStatistics & {
	stem: string;
	type: Question['type'];
	topic: string;
	wrong: { answer: string; count: number }[];
};

export type TopicRow = { topic: string; average: number | null; answers: number };

export type Results = {
	/** By name, then by start; students sharing a name are told apart by `label`. */
	students: StudentRow[];
	/** Most answered first (pool order among equals), so the items no one was given come last (n = 0). */
	items: ItemRow[];
	/** The items with the lowest facility, hardest first. */
	mostMissed: ItemRow[];
	topics: TopicRow[];
	submitted: number;
	inProgress: number;
};

/** Submitted attempts: the statistics use all of them (Moodle's "all attempts" choice of attempts to analyse). */
const done = (a: AttemptRecord) => a.submittedAt !== null;

export function results(db: Db, assignment: Assignment): Results {
	const pool = poolItems(db, assignment);
	const attempts = allAttempts(db, assignment);
	return summarize(pool, attempts);
}

/** The teacher's view of a set of attempts (pure, so tests can hand it any attempts). */
export function summarize(pool: Question[], attempts: AttemptRecord[]): Results {
	const byStudent = new Map<string, AttemptRecord[]>();
	for (const a of attempts) byStudent.set(a.studentKey, [...(byStudent.get(a.studentKey) ?? []), a]);
	const rows = [...byStudent.values()].map((list) => {
		const submitted = list.filter(done);
		const last = submitted.at(-1);
		return {
			name: list.at(-1)!.name,
			startedAt: list[0].startedAt,
			lastStartedAt: list.at(-1)!.startedAt,
			attempts: list.length,
			best: submitted.length ? Math.max(...submitted.map((a) => a.score ?? 0)) : null,
			last: last?.score ?? null,
			time: last ? last.submittedAt! - last.startedAt : null,
			submittedAt: last?.submittedAt ?? null,
			inProgress: list.some((a) => !done(a))
		};
	});
	const shown = (name: string) => name.trim() || 'Anonymous';
	const byName = (a: { name: string }, b: { name: string }) => shown(a.name).localeCompare(shown(b.name), 'en', { sensitivity: 'base' });
	rows.sort((a, b) => byName(a, b) || a.startedAt - b.startedAt);
	const students: StudentRow[] = rows.map((row) => {
		const namesakes = rows.filter((other) => byName(row, other) === 0);
		const label = namesakes.length > 1 ? `${shown(row.name)} (${namesakes.indexOf(row) + 1})` : shown(row.name);
		return { ...row, label };
	});

	const finished = attempts.filter(done);
	const marks = finished.map((a) => new Map(a.items.map((id) => [id, a.answers.get(id)?.grade.score ?? 0])));
	const stats = itemStatistics(marks, pool.map((q) => q.id));
	const items: ItemRow[] = pool.map((q, i) => {
		const wrong = new Map<string, { answer: string; count: number }>();
		for (const a of finished) {
			if (!a.items.includes(q.id)) continue;
			const given = a.answers.get(q.id);
			if (given?.grade.correct) continue;
			const answer = responseText(q, given?.response);
			// Typed answers that differ only in case or spacing are the same wrong answer.
			const key = q.type === 'cloze' ? normalizeAnswer(answer) : answer;
			const entry = wrong.get(key) ?? { answer, count: 0 };
			entry.count++;
			wrong.set(key, entry);
		}
		return {
			...stats[i],
			stem: q.stem,
			type: q.type,
			topic: q.topic,
			wrong: [...wrong.values()].sort((a, b) => b.count - a.count).slice(0, 3)
		};
	});
	// Stable sort: pool order among items with as many answers.
	items.sort((a, b) => b.n - a.n);
	const mostMissed = items
		.filter((r) => r.facility !== null && r.facility < 1)
		.sort((a, b) => a.facility! - b.facility!)
		.slice(0, 5);

	const topics = [...new Set(pool.map((q) => q.topic))].map((topic) => {
		const scores = finished.flatMap((a, k) => a.items.filter((id) => pool.find((q) => q.id === id)?.topic === topic).map((id) => marks[k].get(id)!));
		return { topic, answers: scores.length, average: scores.length ? scores.reduce((s, x) => s + x, 0) / scores.length : null };
	});

	return { students, items, mostMissed, topics, submitted: finished.length, inProgress: attempts.length - finished.length };
}

const iso = (t: number | null) => (t === null ? '' : new Date(t).toISOString());

/** One row per attempt. */
export function attemptsCsv(db: Db, assignment: Assignment): string {
	const rows = allAttempts(db, assignment).map((a) => [
		a.id,
		a.name,
		a.number,
		iso(a.startedAt),
		iso(a.submittedAt),
		a.submittedAt === null ? null : Math.round((a.submittedAt - a.startedAt) / 1000),
		a.items.length,
		a.answers.size,
		a.score === null ? null : Math.round(a.score * 10000) / 100
	]);
	return toCsv(['attempt', 'name', 'attempt_number', 'started_at', 'submitted_at', 'seconds', 'items', 'answered', 'score_percent'], rows);
}

/** One row per answer (the answer that counts for each item). */
export function answersCsv(db: Db, assignment: Assignment): string {
	const pool = new Map(poolItems(db, assignment).map((q) => [q.id, q]));
	const rows = allAttempts(db, assignment).flatMap((a) =>
		a.items.flatMap((id, position) => {
			const given = a.answers.get(id);
			const q = pool.get(id);
			if (!given || !q) return [];
			return [[a.id, a.name, a.number, position + 1, id, q.topic, q.type, responseText(q, given.response), given.grade.score, given.grade.correct, iso(given.answeredAt)]];
		})
	);
	return toCsv(['attempt', 'name', 'attempt_number', 'position', 'item', 'topic', 'type', 'answer', 'score', 'correct', 'answered_at'], rows);
}

import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { Question, Response, questionTypes } from '$lib/content/question';
import { grade, type Grade } from '$lib/quiz/grade';
import type { Db } from './db';

export const Mode = z.enum(['practice', 'test']);
export type Mode = z.infer<typeof Mode>;

/** What a teacher sets. Stored as JSON on the assignment and parsed back through this schema. */
export const AssignmentSettings = z.object({
	title: z.string().trim().min(1, 'Give the assignment a title.').max(120, 'Keep the title under 120 characters.'),
	/** The topics to draw from; none means every topic (as on the practice quiz's settings). */
	topics: z.array(z.string().min(1)),
	types: z.array(z.enum(questionTypes)).min(1, 'Choose at least one item type.'),
	count: z.number().int().min(1, 'Ask at least one item.').max(100, 'At most 100 items.'),
	excluded: z.array(z.string()).max(1000),
	mode: Mode,
	attemptsAllowed: z.number().int().min(1).max(20),
	/** Epoch ms, or null for no due date. */
	dueAt: z.number().int().nullable(),
	/** The teacher's time zone, for showing the due date as it was set. */
	timeZone: z.string().min(1),
	/** Whether students see keys, explanations and evidence after submitting (practice shows each item's once it is answered). */
	showKeys: z.boolean(),
	nameRequired: z.boolean()
});
export type AssignmentSettings = z.infer<typeof AssignmentSettings>;

export const StudentName = z
	.string()
	.max(80, 'Keep the name under 80 characters.')
	// Control characters have no place in a name (and would upset the CSV).
	.transform((s) => s.replace(/[\u0000-\u001f\u007f]/g, ' ').trim());

export type Assignment = {
	id: number;
	code: string;
	moduleId: string;
	settings: AssignmentSettings;
	createdAt: number;
	closedAt: number | null;
};

export type Failure = { ok: false; status: 400 | 403 | 404 | 409 | 410 | 429; message: string };
const failure = (status: Failure['status'], message: string): Failure => ({ ok: false, status, message });

type Row = Record<string, unknown>;

// Statements prepared once per connection: the answer path runs thousands of times a second.
const statements = new WeakMap<Db, ReturnType<typeof prepare>>();
function prepare(db: Db) {
	return {
		insertAssignment: db.prepare(
			'INSERT INTO assignments (code, secret_hash, module_id, title, settings, items, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'
		),
		assignmentByCode: db.prepare('SELECT id, code, secret_hash, module_id, settings, created_at, closed_at FROM assignments WHERE code = ?'),
		close: db.prepare('UPDATE assignments SET closed_at = ? WHERE id = ? AND closed_at IS NULL'),
		attemptsOf: db.prepare(
			'SELECT id, number, items, started_at, submitted_at, score, name FROM attempts WHERE assignment_id = ? AND student_key = ? ORDER BY number'
		),
		openAttempt: db.prepare(
			// Not the item pool: it is tens of kilobytes, and cached per assignment (see poolOf).
			`SELECT t.id, t.items, a.id AS assignment_id, a.closed_at
			 FROM attempts t JOIN assignments a ON a.id = t.assignment_id
			 WHERE a.code = ? AND t.student_key = ? AND t.submitted_at IS NULL`
		),
		poolById: db.prepare('SELECT settings, items FROM assignments WHERE id = ?'),
		insertAttempt: db.prepare(
			'INSERT INTO attempts (assignment_id, student_key, name, number, items, started_at) VALUES (?, ?, ?, ?, ?, ?)'
		),
		answered: db.prepare('SELECT 1 FROM answers WHERE attempt_id = ? AND item_id = ? LIMIT 1'),
		insertAnswer: db.prepare(
			'INSERT INTO answers (attempt_id, item_id, response, score, correct, answered_at) VALUES (?, ?, ?, ?, ?, ?)'
		),
		// The latest row per item is the answer that counts.
		currentAnswers: db.prepare(
			`SELECT item_id, response, score, correct, answered_at FROM answers
			 WHERE id IN (SELECT MAX(id) FROM answers WHERE attempt_id = ? GROUP BY item_id)`
		),
		submit: db.prepare('UPDATE attempts SET submitted_at = ?, score = ? WHERE id = ? AND submitted_at IS NULL'),
		allAttempts: db.prepare(
			'SELECT id, student_key, name, number, items, started_at, submitted_at, score FROM attempts WHERE assignment_id = ? ORDER BY id'
		),
		allAnswers: db.prepare(
			`SELECT s.attempt_id, s.item_id, s.response, s.score, s.correct, s.answered_at FROM answers s
			 WHERE s.id IN (SELECT MAX(x.id) FROM answers x JOIN attempts t ON t.id = x.attempt_id
			                WHERE t.assignment_id = ? GROUP BY x.attempt_id, x.item_id)
			 ORDER BY s.attempt_id, s.id`
		)
	};
}
function sql(db: Db) {
	let s = statements.get(db);
	if (!s) statements.set(db, (s = prepare(db)));
	return s;
}

// An assignment's settings and item pool never change once created, so each is parsed once.
const pools = new WeakMap<Db, Map<number, { settings: AssignmentSettings; items: Map<string, Question> }>>();
function poolOf(db: Db, id: number) {
	let byDb = pools.get(db);
	if (!byDb) pools.set(db, (byDb = new Map()));
	let pool = byDb.get(id);
	if (!pool) {
		const row = sql(db).poolById.get(id) as { settings: string; items: string };
		const settings = AssignmentSettings.parse(JSON.parse(row.settings));
		const items = z.array(Question).parse(JSON.parse(row.items));
		pool = { settings, items: new Map(items.map((q) => [q.id, q])) };
		if (byDb.size > 1000) byDb.clear();
		byDb.set(id, pool);
	}
	return pool;
}

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'; // base32 without the look-alikes l, o, 0, 1

/** A student code: 12 base32 characters, 60 random bits. */
export function newCode(): string {
	const bytes = randomBytes(12);
	return Array.from(bytes, (b) => ALPHABET[b & 31]).join('');
}

/** A teacher secret: 256 random bits, base64url. Only its SHA-256 is stored. */
export function newSecret(): string {
	return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
	return createHash('sha256').update(secret).digest('hex');
}

function toAssignment(row: Row): Assignment {
	return {
		id: row.id as number,
		code: row.code as string,
		moduleId: row.module_id as string,
		settings: AssignmentSettings.parse(JSON.parse(row.settings as string)),
		createdAt: row.created_at as number,
		closedAt: (row.closed_at as number | null) ?? null
	};
}

/** The items a teacher's settings select from a bank, in bank order. */
export function selectPool(items: Question[], settings: Pick<AssignmentSettings, 'topics' | 'types' | 'excluded'>): Question[] {
	const topics = new Set(settings.topics);
	const types = new Set<string>(settings.types);
	const excluded = new Set(settings.excluded);
	return items.filter((q) => (topics.size === 0 || topics.has(q.topic)) && types.has(q.type) && !excluded.has(q.id));
}

export function createAssignment(
	db: Db,
	input: { moduleId: string; items: Question[]; settings: AssignmentSettings },
	now: number
): { ok: true; assignment: Assignment; secret: string; pool: number } | Failure {
	const settings = AssignmentSettings.safeParse(input.settings);
	if (!settings.success) return failure(400, settings.error.issues[0].message);
	const pool = selectPool(input.items, settings.data);
	if (pool.length === 0) return failure(400, 'No items match these topics and types. Choose more topics or item types.');
	if (settings.data.dueAt !== null && settings.data.dueAt <= now) return failure(400, 'The due date is in the past.');
	const secret = newSecret();
	const s = sql(db);
	for (;;) {
		const code = newCode();
		try {
			const { lastInsertRowid } = s.insertAssignment.run(
				code,
				hashSecret(secret),
				input.moduleId,
				settings.data.title,
				JSON.stringify(settings.data),
				JSON.stringify(pool),
				now
			);
			return {
				ok: true,
				secret,
				pool: pool.length,
				assignment: { id: Number(lastInsertRowid), code, moduleId: input.moduleId, settings: settings.data, createdAt: now, closedAt: null }
			};
		} catch (e) {
			// A clash of 60-bit codes is next to impossible; try another rather than fail.
			if (!String(e).includes('UNIQUE')) throw e;
		}
	}
}

export function getAssignment(db: Db, code: string): Assignment | undefined {
	const row = sql(db).assignmentByCode.get(code) as Row | undefined;
	return row ? toAssignment(row) : undefined;
}

/** The assignment if `key` is its teacher secret. Unknown code and wrong key look the same to the caller. */
export function assignmentForTeacher(db: Db, code: string, key: string): Assignment | undefined {
	const row = sql(db).assignmentByCode.get(code) as Row | undefined;
	const given = Buffer.from(hashSecret(key), 'hex');
	const stored = Buffer.from(row ? (row.secret_hash as string) : hashSecret(newSecret()), 'hex');
	return timingSafeEqual(given, stored) && row ? toAssignment(row) : undefined;
}

/** The item pool of an assignment (full questions, keys included: server only). */
export function poolItems(db: Db, assignment: Assignment): Question[] {
	return [...poolOf(db, assignment.id).items.values()];
}

export function closeAssignment(db: Db, assignment: Assignment, now: number): void {
	sql(db).close.run(now, assignment.id);
}

/** Why no answer may be recorded now, or null when the assignment is open. */
export function closedReason(a: Pick<Assignment, 'closedAt'> & { settings: Pick<AssignmentSettings, 'dueAt'> }, now: number): string | null {
	if (a.closedAt !== null) return 'Your teacher has closed this assignment. Nothing more can be recorded.';
	if (a.settings.dueAt !== null && now > a.settings.dueAt) return 'The due date has passed. Nothing more can be recorded.';
	return null;
}

export type CurrentAnswer = { response: Response; grade: Grade; answeredAt: number };

export type Attempt = {
	id: number;
	number: number;
	name: string;
	items: string[];
	startedAt: number;
	submittedAt: number | null;
	/** 0..1, set on submit. */
	score: number | null;
};

function toAttempt(row: Row): Attempt {
	return {
		id: row.id as number,
		number: row.number as number,
		name: row.name as string,
		items: JSON.parse(row.items as string) as string[],
		startedAt: row.started_at as number,
		submittedAt: (row.submitted_at as number | null) ?? null,
		score: (row.score as number | null) ?? null
	};
}

export function attemptsOf(db: Db, assignment: Assignment, studentKey: string): Attempt[] {
	return (sql(db).attemptsOf.all(assignment.id, studentKey) as Row[]).map(toAttempt);
}

export function currentAnswers(db: Db, attemptId: number): Map<string, CurrentAnswer> {
	const rows = sql(db).currentAnswers.all(attemptId) as Row[];
	return new Map(
		rows.map((r) => [
			r.item_id as string,
			{
				response: JSON.parse(r.response as string) as Response,
				grade: { score: r.score as number, correct: r.correct === 1 },
				answeredAt: r.answered_at as number
			}
		])
	);
}

function shuffled<T>(items: T[], random: (n: number) => number): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = random(i + 1);
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

/**
 * Starts an attempt, or returns the one in progress (a reload or a second tab resumes it).
 * The server picks the attempt's items here; they never change afterwards.
 */
export function startAttempt(
	db: Db,
	input: { code: string; studentKey: string; name: string },
	now: number,
	random: (n: number) => number = randomInt
): { ok: true; attempt: Attempt; resumed: boolean } | Failure {
	const assignment = getAssignment(db, input.code);
	if (!assignment) return failure(404, 'There is no assignment with this code.');
	const reason = closedReason(assignment, now);
	if (reason) return failure(410, reason);
	const name = StudentName.safeParse(input.name);
	if (!name.success) return failure(400, name.error.issues[0].message);
	if (assignment.settings.nameRequired && !name.data) return failure(400, 'Please give your name: your teacher asked for it.');

	const s = sql(db);
	return db.transaction(() => {
		const previous = attemptsOf(db, assignment, input.studentKey);
		const open = previous.find((a) => a.submittedAt === null);
		if (open) return { ok: true as const, attempt: open, resumed: true };
		const allowed = assignment.settings.attemptsAllowed;
		if (previous.length >= allowed)
			return failure(409, `You have used ${allowed === 1 ? 'your one attempt' : `all ${allowed} attempts`} at this assignment.`);
		const pool = poolItems(db, assignment);
		const items = shuffled(pool, random)
			.slice(0, assignment.settings.count)
			.map((q) => q.id);
		const number = previous.length + 1;
		const { lastInsertRowid } = s.insertAttempt.run(assignment.id, input.studentKey, name.data, number, JSON.stringify(items), now);
		return {
			ok: true as const,
			resumed: false,
			attempt: { id: Number(lastInsertRowid), number, name: name.data, items, startedAt: now, submittedAt: null, score: null }
		};
	})();
}

/** Whether a response is a possible answer to this question (right shape and indexes in range). */
export function fitsQuestion(q: Question, r: Response): boolean {
	if (q.type !== r.type) return false;
	switch (r.type) {
		case 'mcq':
			return r.choice < (q as { options: string[] }).options.length;
		case 'multi': {
			const n = (q as { options: string[] }).options.length;
			return r.choices.every((c) => c < n) && new Set(r.choices).size === r.choices.length;
		}
		case 'matching': {
			const m = q as { prompts: string[]; choices: string[] };
			return r.matches.length === m.prompts.length && r.matches.every((c) => c === null || c < m.choices.length);
		}
		default:
			return true;
	}
}

type OpenAttempt = { attemptId: number; items: string[]; settings: AssignmentSettings; pool: Map<string, Question>; closedAt: number | null };

function openAttempt(db: Db, code: string, studentKey: string): OpenAttempt | undefined {
	const row = sql(db).openAttempt.get(code, studentKey) as Row | undefined;
	if (!row) return undefined;
	const pool = poolOf(db, row.assignment_id as number);
	return {
		attemptId: row.id as number,
		items: JSON.parse(row.items as string) as string[],
		settings: pool.settings,
		pool: pool.items,
		closedAt: (row.closed_at as number | null) ?? null
	};
}

/**
 * Records one answer as given, graded on the server with the shared `grade`.
 * Test mode keeps every answer and counts the latest; practice mode takes the first, since its key is then shown.
 */
export function recordAnswer(
	db: Db,
	input: { code: string; studentKey: string; itemId: string; response: unknown },
	now: number
): { ok: true; question: Question; grade: Grade; mode: Mode } | Failure {
	const open = openAttempt(db, input.code, input.studentKey);
	if (!open) return failure(409, 'There is no attempt in progress. Start the assignment first.');
	const reason = closedReason({ closedAt: open.closedAt, settings: open.settings }, now);
	if (reason) return failure(410, reason);
	const question = open.items.includes(input.itemId) ? open.pool.get(input.itemId) : undefined;
	if (!question) return failure(400, 'That item is not part of your attempt.');
	const response = Response.safeParse(input.response);
	if (!response.success || !fitsQuestion(question, response.data)) return failure(400, 'That answer does not fit the question.');
	const s = sql(db);
	if (open.settings.mode === 'practice' && s.answered.get(open.attemptId, question.id))
		return failure(409, 'You have already answered this item.');
	const g = grade(question, response.data);
	s.insertAnswer.run(open.attemptId, question.id, JSON.stringify(response.data), g.score, g.correct ? 1 : 0, now);
	return { ok: true, question, grade: g, mode: open.settings.mode };
}

/** Submits the attempt in progress; its score is the mean item score, unanswered items counting 0. */
export function submitAttempt(
	db: Db,
	input: { code: string; studentKey: string },
	now: number
): { ok: true; attemptId: number; score: number } | Failure {
	const open = openAttempt(db, input.code, input.studentKey);
	if (!open) return failure(409, 'There is no attempt in progress to submit.');
	const reason = closedReason({ closedAt: open.closedAt, settings: open.settings }, now);
	if (reason) return failure(410, reason);
	const answers = currentAnswers(db, open.attemptId);
	const total = open.items.reduce((sum, id) => sum + (answers.get(id)?.grade.score ?? 0), 0);
	const score = open.items.length ? total / open.items.length : 0;
	sql(db).submit.run(now, score, open.attemptId);
	return { ok: true, attemptId: open.attemptId, score };
}

export type AttemptRecord = Attempt & { studentKey: string; answers: Map<string, CurrentAnswer> };

/** Every attempt of an assignment with its current answers, for the teacher's results. */
export function allAttempts(db: Db, assignment: Assignment): AttemptRecord[] {
	const s = sql(db);
	const attempts = new Map<number, AttemptRecord>();
	for (const row of s.allAttempts.all(assignment.id) as Row[])
		attempts.set(row.id as number, { ...toAttempt(row), studentKey: row.student_key as string, answers: new Map() });
	for (const r of s.allAnswers.all(assignment.id) as Row[]) {
		attempts.get(r.attempt_id as number)?.answers.set(r.item_id as string, {
			response: JSON.parse(r.response as string) as Response,
			grade: { score: r.score as number, correct: r.correct === 1 },
			answeredAt: r.answered_at as number
		});
	}
	return [...attempts.values()];
}

/** The question behind an item of the student's attempt in progress (for reading its form fields). */
export function questionInAttempt(db: Db, code: string, studentKey: string, itemId: string): Question | undefined {
	const open = openAttempt(db, code, studentKey);
	return open && open.items.includes(itemId) ? open.pool.get(itemId) : undefined;
}

import { toPublic, type PublicQuestion, type Question, type Response } from '$lib/content/question';
import type { Grade } from '$lib/quiz/grade';
import { optionOrder } from '$lib/quiz/shuffle';
import { attemptsOf, closedReason, currentAnswers, poolItems, type Assignment, type Mode } from './assignments';
import type { Db } from './db';
import { formatInZone } from './zonedTime';

export type ItemView = {
	question: PublicQuestion;
	response: Response | null;
	/** Display order of the options (original indexes), fixed per attempt, so neighbours do not see the same layout. */
	order: number[];
	/** Present only once the key may be shown: practice mode after the item is answered, or after submitting when the teacher allows it. */
	feedback: { question: Question; grade: Grade } | null;
};

export type StudentView = {
	assignment: {
		code: string;
		moduleId: string;
		title: string;
		mode: Mode;
		count: number;
		attemptsAllowed: number;
		nameRequired: boolean;
		showKeys: boolean;
		due: string | null;
	};
	/** Why nothing can be recorded (closed or past due), else null. */
	closed: string | null;
	attemptsUsed: number;
	canStart: boolean;
	attempt: { number: number; name: string; items: ItemView[] } | null;
	last: { number: number; name: string; score: number; review: ItemView[] | null } | null;
};

/**
 * Everything the student page may show, and nothing more: in-progress test attempts carry public
 * questions only, so no key, explanation or evidence reaches the browser before submitting.
 */
export function studentView(db: Db, assignment: Assignment, studentKey: string | undefined, now: number): StudentView {
	const s = assignment.settings;
	const pool = new Map(poolItems(db, assignment).map((q) => [q.id, q]));
	const attempts = studentKey ? attemptsOf(db, assignment, studentKey) : [];
	const open = attempts.find((a) => a.submittedAt === null);
	const last = attempts.filter((a) => a.submittedAt !== null).at(-1);
	const closed = closedReason(assignment, now);

	const items = (ids: string[], attemptId: number, reveal: (answered: boolean) => boolean): ItemView[] => {
		const seed = attemptId * 2654435761; // spread consecutive attempt ids apart
		const answers = currentAnswers(db, attemptId);
		return ids.flatMap((id) => {
			const q = pool.get(id);
			if (!q) return [];
			const given = answers.get(id);
			const show = reveal(given !== undefined);
			return [
				{
					question: toPublic(q),
					response: given?.response ?? null,
					order: optionOrder(q, seed),
					feedback: show ? { question: q, grade: given?.grade ?? { score: 0, correct: false } } : null
				}
			];
		});
	};

	return {
		assignment: {
			code: assignment.code,
			moduleId: assignment.moduleId,
			title: s.title,
			mode: s.mode,
			count: Math.min(s.count, pool.size),
			attemptsAllowed: s.attemptsAllowed,
			nameRequired: s.nameRequired,
			showKeys: s.showKeys,
			due: s.dueAt === null ? null : formatInZone(s.dueAt, s.timeZone)
		},
		closed,
		attemptsUsed: attempts.length,
		canStart: !closed && !open && attempts.length < s.attemptsAllowed,
		attempt: open
			? { number: open.number, name: open.name, items: items(open.items, open.id, (answered) => s.mode === 'practice' && answered) }
			: null,
		last: last ? { number: last.number, name: last.name, score: last.score ?? 0, review: s.showKeys ? items(last.items, last.id, () => true) : null } : null
	};
}

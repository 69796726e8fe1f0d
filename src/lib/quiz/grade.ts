import type { Question, Response } from '$lib/content/question';

export type Grade = {
	/** 0..1; partial credit for multiple select and matching. */
	score: number;
	correct: boolean;
};

/** Folds the differences a teacher would not mark wrong: case, ’ vs ', hyphens, spacing, a leading article. */
export function normalizeAnswer(text: string): string {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[\u2018\u2019\u02bc`´]/g, "'")
		.replace(/[\u201c\u201d]/g, '"')
		.replace(/[-\u2010-\u2015_]+/g, ' ')
		.replace(/[.,;:!?"()]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^(the|a|an) /, '');
}

const full = (correct: boolean): Grade => ({ score: correct ? 1 : 0, correct });

/** The one grading function: the quiz in the browser and the assignment server both call it. */
export function grade(q: Question, r: Response | null | undefined): Grade {
	if (!r || r.type !== q.type) return full(false);
	switch (q.type) {
		case 'mcq':
			return full(r.type === 'mcq' && r.choice === q.key);
		case 'truefalse':
			return full(r.type === 'truefalse' && r.value === q.key);
		case 'cloze': {
			if (r.type !== 'cloze') return full(false);
			const given = normalizeAnswer(r.text);
			return full(given.length > 0 && q.answers.some((a) => normalizeAnswer(a) === given));
		}
		case 'multi': {
			if (r.type !== 'multi') return full(false);
			const chosen = new Set(r.choices);
			const keys = new Set(q.keys);
			// Each option is a true/false judgement; a wrong tick cancels a right one, never below 0.
			let right = 0;
			let wrong = 0;
			for (const c of chosen) (keys.has(c) ? right++ : wrong++);
			const score = Math.max(0, (right - wrong) / keys.size);
			return { score, correct: right === keys.size && wrong === 0 };
		}
		case 'matching': {
			if (r.type !== 'matching') return full(false);
			const hits = q.key.filter((k, i) => r.matches[i] === k).length;
			const score = hits / q.key.length;
			return { score, correct: hits === q.key.length };
		}
	}
}

/** The correct response, for showing the key after an item is answered. */
export function keyOf(q: Question): Response {
	switch (q.type) {
		case 'mcq':
			return { type: 'mcq', choice: q.key };
		case 'truefalse':
			return { type: 'truefalse', value: q.key };
		case 'cloze':
			return { type: 'cloze', text: q.answers[0] };
		case 'multi':
			return { type: 'multi', choices: [...q.keys] };
		case 'matching':
			return { type: 'matching', matches: [...q.key] };
	}
}

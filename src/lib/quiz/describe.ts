import type { PublicQuestion, Response } from '$lib/content/question';

/** A learner's (or the key's) response as plain words, for feedback and results. */
export function describeResponse(q: PublicQuestion, r: Response | null | undefined): string {
	if (!r || r.type !== q.type) return 'No answer';
	switch (q.type) {
		case 'mcq':
			return r.type === 'mcq' ? (q.options[r.choice] ?? 'No answer') : 'No answer';
		case 'truefalse':
			return r.type === 'truefalse' ? (r.value ? 'True' : 'False') : 'No answer';
		case 'cloze':
			return r.type === 'cloze' && r.text.trim() ? r.text.trim() : 'No answer';
		case 'multi': {
			if (r.type !== 'multi' || r.choices.length === 0) return 'No answer';
			return [...r.choices]
				.sort((a, b) => a - b)
				.map((c) => q.options[c])
				.filter(Boolean)
				.join('; ');
		}
		case 'matching': {
			if (r.type !== 'matching') return 'No answer';
			return q.prompts.map((p, i) => `${p} → ${r.matches[i] == null ? 'no answer' : q.choices[r.matches[i]!]}`).join('; ');
		}
	}
}

/** Splits a cloze stem around its blank. */
export function splitBlank(stem: string, blank: string): [string, string] {
	const at = stem.indexOf(blank);
	return at < 0 ? [stem, ''] : [stem.slice(0, at), stem.slice(at + blank.length)];
}

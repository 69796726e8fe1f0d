import { Response, type PublicQuestion } from '$lib/content/question';
import { FIELD } from './fields';

// FIELD lives in the zod-free ./fields so question components can import it cheaply.
export { FIELD };

/** Reads a Response for `question` from posted form data; null when nothing valid was given. */
export function responseFromForm(question: Pick<PublicQuestion, 'type'> & { prompts?: string[] }, form: FormData): Response | null {
	const num = (v: FormDataEntryValue | null) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null);
	let candidate: unknown = null;
	switch (question.type) {
		case 'mcq':
			candidate = { type: 'mcq', choice: num(form.get(FIELD.choice)) };
			break;
		case 'multi': {
			// Nothing ticked is no answer, as the component reports it.
			const choices = form.getAll(FIELD.choices).map(num);
			candidate = choices.length ? { type: 'multi', choices } : null;
			break;
		}
		case 'truefalse': {
			const v = form.get(FIELD.value);
			candidate = v === 'true' || v === 'false' ? { type: 'truefalse', value: v === 'true' } : null;
			break;
		}
		case 'cloze': {
			const t = form.get(FIELD.text);
			candidate = typeof t === 'string' && t.trim() ? { type: 'cloze', text: t } : null;
			break;
		}
		case 'matching': {
			const n = question.prompts?.length ?? 0;
			const matches = Array.from({ length: n }, (_, i) => num(form.get(FIELD.match + i)));
			candidate = matches.some((m) => m !== null) ? { type: 'matching', matches } : null;
			break;
		}
	}
	const parsed = Response.safeParse(candidate);
	return parsed.success ? parsed.data : null;
}

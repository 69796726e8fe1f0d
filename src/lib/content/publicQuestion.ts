// Zod-free pieces of the question contract, for browser code: importing them from
// question.ts would pull the full zod build into every page that shows a question.
import type { PublicQuestion, Question } from './question';

export const BLANK = '_____';

export function toPublic(q: Question): PublicQuestion {
	const common = { id: q.id, topic: q.topic, difficulty: q.difficulty, stem: q.stem };
	switch (q.type) {
		case 'mcq':
		case 'multi':
			return { ...common, type: q.type, options: q.options };
		case 'matching':
			return { ...common, type: q.type, prompts: q.prompts, choices: q.choices };
		default:
			return { ...common, type: q.type };
	}
}

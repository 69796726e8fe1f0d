import type { QuestionType } from '$lib/content/question';

export const typeLabels: Record<QuestionType, string> = {
	mcq: 'Multiple choice',
	multi: 'Multiple select',
	truefalse: 'True or false',
	cloze: 'Fill in the blank',
	matching: 'Matching'
};

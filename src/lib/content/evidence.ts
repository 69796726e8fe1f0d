/**
 * Where an evidence quote links: its sentence in the reader. `from` (the page the learner reads
 * it from, e.g. the quiz) lets the reader offer a way back; the reader validates it.
 */
export function evidenceHref(moduleId: string, sentenceId: string, from?: string): string {
	return `/m/${moduleId}${from ? `?from=${encodeURIComponent(from)}` : ''}#${sentenceId}`;
}

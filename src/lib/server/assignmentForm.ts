import { z } from 'zod';
import { AssignmentSettings } from './assignments';
import { zonedToUtc } from './zonedTime';

/** The /teach form as posted (every value a string; checkboxes repeat or are absent). */
const TeachForm = z.object({
	module: z.string().regex(/^[a-z0-9-]{1,80}$/, 'Choose a module.'),
	title: z.string().max(500),
	topics: z.array(z.string().max(100)).max(100),
	types: z.array(z.string().max(20)).max(10),
	exclude: z.array(z.string().max(200)).max(1000),
	count: z.string().regex(/^\d{1,3}$/, 'The number of items must be a whole number.'),
	mode: z.string(),
	attempts: z.string().regex(/^\d{1,2}$/, 'Attempts allowed must be a whole number.'),
	due: z.string().max(30),
	timeZone: z.string().max(100),
	showKeys: z.string().optional(),
	nameRequired: z.string().optional()
});

export type TeachSubmission = { moduleId: string; settings: AssignmentSettings };

/** Reads and validates the teacher's form; the message names what to fix. */
export function settingsFromForm(form: FormData): { ok: true; value: TeachSubmission } | { ok: false; message: string } {
	const text = (k: string) => {
		const v = form.get(k);
		return typeof v === 'string' ? v : '';
	};
	const all = (k: string) => form.getAll(k).filter((v): v is string => typeof v === 'string');
	const raw = TeachForm.safeParse({
		module: text('module'),
		title: text('title'),
		topics: all('topics'),
		types: all('types'),
		exclude: all('exclude'),
		count: text('count'),
		mode: text('mode'),
		attempts: text('attempts'),
		due: text('due'),
		timeZone: text('timeZone') || 'UTC',
		showKeys: form.get('showKeys') === null ? undefined : text('showKeys'),
		nameRequired: form.get('nameRequired') === null ? undefined : text('nameRequired')
	});
	if (!raw.success) return { ok: false, message: raw.error.issues[0].message };
	const f = raw.data;
	let dueAt: number | null = null;
	if (f.due) {
		dueAt = zonedToUtc(f.due, f.timeZone);
		if (dueAt === null) return { ok: false, message: 'The due date or time zone is not valid.' };
	}
	const settings = AssignmentSettings.safeParse({
		title: f.title,
		topics: f.topics,
		types: f.types,
		count: Number(f.count),
		excluded: f.exclude,
		mode: f.mode,
		attemptsAllowed: Number(f.attempts),
		dueAt,
		timeZone: f.timeZone,
		showKeys: f.showKeys !== undefined,
		nameRequired: f.nameRequired !== undefined
	});
	if (!settings.success) {
		const issue = settings.error.issues[0];
		const field = String(issue.path[0] ?? '');
		const named: Record<string, string> = {
			mode: 'Choose practice or test mode.',
			attemptsAllowed: 'Allow between 1 and 20 attempts.',
			types: 'Choose at least one item type.'
		};
		return { ok: false, message: named[field] ?? issue.message };
	}
	return { ok: true, value: { moduleId: f.module, settings: settings.data } };
}

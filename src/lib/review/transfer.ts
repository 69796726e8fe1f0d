import * as z from 'zod/mini';
import { Deck, describeIssues, type DeckCard, type FsrsLog } from './deck';

/** The file a learner downloads to move their deck to another device. */
export const DeckFile = z.object({
	format: z.literal('passage-review-deck'),
	version: z.literal(1),
	exportedAt: z.iso.datetime(),
	deck: Deck
});
export type DeckFile = z.infer<typeof DeckFile>;

export function exportDeck(deck: Deck, now: number | Date): string {
	const file: DeckFile = { format: 'passage-review-deck', version: 1, exportedAt: new Date(+now).toISOString(), deck };
	return JSON.stringify(file, null, '\t');
}

/** `passage-review-2026-11-28.json`, dated in UTC (the name only has to sort and be readable). */
export function exportFileName(now: number | Date): string {
	return `passage-review-${new Date(+now).toISOString().slice(0, 10)}.json`;
}

export type ParsedFile = { ok: true; deck: Deck } | { ok: false; message: string };

/** Reads an exported file; any problem is named, in words a learner can act on. */
export function parseDeckFile(text: string): ParsedFile {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return { ok: false, message: 'This file is not a Passage review deck: it is not JSON.' };
	}
	const marker = z.object({ format: z.literal('passage-review-deck') }).safeParse(value);
	if (!marker.success) return { ok: false, message: 'This file is not a Passage review deck: export one from the Review page.' };
	const parsed = DeckFile.safeParse(value);
	if (!parsed.success) {
		if (parsed.error.issues[0].path[0] === 'version')
			return { ok: false, message: 'This review deck file was made by another version of Passage and cannot be read here. Nothing was imported.' };
		return { ok: false, message: `This review deck file is damaged at ${describeIssues(parsed.error)}. Nothing was imported.` };
	}
	for (const [key, card] of Object.entries(parsed.data.deck.cards))
		if (key !== `${card.moduleId}/${card.itemId}`)
			return { ok: false, message: `This review deck file is damaged at card "${key}": its key does not match its item. Nothing was imported.` };
	return { ok: true, deck: parsed.data.deck };
}

export type MergeReport = {
	/** Cards only in the file. */
	added: number;
	/** Cards in both, where the file had the later review: the file's schedule was taken. */
	updated: number;
	/** Cards in both, where this device had the later (or same) review: kept. */
	kept: number;
	/** Review logs from the file that this device did not have. */
	logsAdded: number;
};

const logId = (l: FsrsLog) => `${l.review}|${l.rating}|${l.source}`;

function unionLogs(a: readonly FsrsLog[], b: readonly FsrsLog[]): { logs: FsrsLog[]; added: number } {
	const seen = new Set(a.map(logId));
	const extra = b.filter((l) => !seen.has(logId(l)));
	return { logs: [...a, ...extra].sort((x, y) => x.review - y.review), added: extra.length };
}

/** The later last review wins; on a tie, the card with more reviews; on a full tie, this device's. */
function fileIsNewer(local: DeckCard, incoming: DeckCard): boolean {
	const l = local.fsrs.last_review ?? 0;
	const i = incoming.fsrs.last_review ?? 0;
	return i !== l ? i > l : incoming.fsrs.reps > local.fsrs.reps;
}

/** Merges a file into the deck. Nothing is lost: every log from both sides is kept. */
export function mergeDecks(local: Deck, incoming: Deck): { deck: Deck; report: MergeReport } {
	const cards = { ...local.cards };
	const report: MergeReport = { added: 0, updated: 0, kept: 0, logsAdded: 0 };
	for (const [key, theirs] of Object.entries(incoming.cards)) {
		const ours = cards[key];
		if (!ours) {
			cards[key] = theirs;
			report.added++;
			report.logsAdded += theirs.logs.length;
			continue;
		}
		const { logs, added } = unionLogs(ours.logs, theirs.logs);
		report.logsAdded += added;
		if (fileIsNewer(ours, theirs)) {
			cards[key] = { ...theirs, logs };
			report.updated++;
		} else {
			cards[key] = { ...ours, logs };
			report.kept++;
		}
	}
	return { deck: { ...local, cards }, report };
}

export type ImportOutcome = { ok: true; deck: Deck; report: MergeReport } | { ok: false; message: string };

/** Parse, then merge; on any problem the caller's deck is returned untouched via `ok: false`. */
export function importDeck(local: Deck, text: string): ImportOutcome {
	const parsed = parseDeckFile(text);
	if (!parsed.ok) return parsed;
	return { ok: true, ...mergeDecks(local, parsed.deck) };
}

/** "Imported 3 new cards; 2 took the file's later schedule; 5 kept this device's." */
export function describeMerge(r: MergeReport): string {
	const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
	if (r.added + r.updated + r.kept === 0) return 'The file held no cards; your deck is unchanged.';
	const parts = [`Imported ${n(r.added, 'new card', 'new cards')}`];
	if (r.updated) parts.push(`${n(r.updated, 'card took', 'cards took')} the file’s later schedule`);
	if (r.kept) parts.push(`${n(r.kept, 'card kept', 'cards kept')} this device’s schedule`);
	return parts.join('; ') + '. Review history from both was kept.';
}

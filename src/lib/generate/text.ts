import { hash } from '../seeded';

/** Word-level helpers shared by the rules, the checks and the report. */

const STOP = new Set(
	(
		'a an the and or but nor so yet of to in on at by for with from into onto over under about as than then that this these those ' +
		'is are was were be been being am do does did done has have had having will would shall should can could may might must ' +
		'it its they them their theirs he him his she her hers we us our you your i me my which who whom whose what when where why how ' +
		'not no also more most less least very quite just only even such both either each all any some many much few other another ' +
		'there here if because while although though since until unless whether up out off down again further once too own same ' +
		'according following statement choose apply one ones thing things way per via'
	).split(' ')
);

/** Letters-and-digits words, with inner apostrophes and hyphens kept ("al-Qaeda", "bay’a"). */
export function words(text: string): string[] {
	return text.match(/[\p{L}\p{N}]+(?:[-'\u2019][\p{L}\p{N}]+)*/gu) ?? [];
}

/** A crude stem: enough to match "attacks" with "attack" and "targeted" with "targets". */
export function stem(word: string): string {
	let w = word.toLowerCase().replace(/\u2019/g, "'").replace(/'s$/, '');
	if (w.length > 5) w = w.replace(/(ing|edly|ed|ies|es|s|ly)$/, (m) => (m === 'ies' ? 'y' : ''));
	else if (w.length > 3) w = w.replace(/s$/, '');
	return w;
}

export function isContentWord(word: string): boolean {
	// An acronym is a name even when it spells a function word ("IS", "US").
	if (/^\p{Lu}{2,}$/u.test(word)) return true;
	const w = word.toLowerCase();
	return !STOP.has(w) && (w.length >= 2 || /\d/.test(w));
}

/** The stems of a text's content words, as a set. */
export function contentStems(text: string, ignore: ReadonlySet<string> = new Set()): Set<string> {
	const out = new Set<string>();
	for (const w of words(text)) {
		if (!isContentWord(w)) continue;
		// "al-Qaeda" also counts as "qaeda": the article prefix is not what carries meaning.
		for (const part of [w, ...w.split('-').filter((p) => p.length > 2 && p.toLowerCase() !== 'al')]) {
			const s = stem(part);
			if (!ignore.has(s)) out.add(s);
		}
	}
	return out;
}

/** A stable, readable id part: "Ansar Bayt al-Maqdis" -> "ansar-bayt-al-maqdis". */
export function slug(text: string, max = 40): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/['\u2019\u2018]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, max)
		.replace(/-+$/g, '');
}

/** A deterministic permutation of `n` indexes seeded by `seed`. */
export function permutation(n: number, seed: string): number[] {
	const order = Array.from({ length: n }, (_, i) => i);
	let h = hash(seed);
	for (let i = n - 1; i > 0; i--) {
		h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
		const j = h % (i + 1);
		[order[i], order[j]] = [order[j], order[i]];
	}
	return order;
}

export function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Lower-cases the first letter unless the first word is a name or an acronym. */
export function lowerFirst(text: string, keepCase: (word: string) => boolean): string {
	const first = words(text)[0] ?? '';
	if (keepCase(first) || /^\p{Lu}{2,}/u.test(first)) return text;
	return text.charAt(0).toLowerCase() + text.slice(1);
}

export function upperFirst(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Text compared as a reader sees it: case, curly apostrophes and runs of spaces aside. */
export const normal = (t: string) => t.toLowerCase().replace(/\u2019/g, "'").replace(/\s+/g, ' ').trim();

/** Two stems of one word: "rival" and "rivalry", "province" and "provinces". */
export const stemsMeet = (a: string, b: string) =>
	a === b || (Math.min(a.length, b.length) >= 4 && Math.abs(a.length - b.length) <= 3 && (a.startsWith(b) || b.startsWith(a)));

import * as z from 'zod';

const ORIGIN = 'http://passage.invalid';

/**
 * A `from` query parameter: a path on this site, never an address elsewhere ("//host",
 * "/\host" and "https:..." all resolve to another origin and are refused).
 */
export const ReturnPath = z
	.string()
	.max(300)
	.regex(/^\/[^\s]*$/)
	.transform((from, ctx) => {
		const url = new URL(from, ORIGIN);
		if (url.origin !== ORIGIN) {
			ctx.addIssue({ code: 'custom', message: 'not a path on this site' });
			return z.NEVER;
		}
		return url.pathname + url.search;
	});
export type ReturnPath = z.infer<typeof ReturnPath>;

export type ReturnLink = { href: string; label: string };

/** The reader's "Back to …" link for a `from` parameter, or null when there is none or it is not ours. */
export function returnLink(from: string | null): ReturnLink | null {
	const parsed = ReturnPath.safeParse(from);
	if (!parsed.success) return null;
	const href = parsed.data;
	const label = /^\/m\/[^/]+\/quiz$/.test(new URL(href, ORIGIN).pathname)
		? 'Back to the quiz'
		: href.startsWith('/review')
			? 'Back to your review'
			: href.startsWith('/a/')
				? 'Back to the assignment'
				: 'Back to where you were';
	return { href, label };
}

import { describe, expect, it } from 'vitest';
import { evidenceHref } from '$lib/content/evidence';
import { returnLink } from '$lib/content/returnLink';

describe('evidence links and the way back', () => {
	it('links evidence to its sentence, carrying where it was read from', () => {
		expect(evidenceHref('m', 't1.p1.s2')).toBe('/m/m#t1.p1.s2');
		expect(evidenceHref('m', 't1.p1.s2', '/m/m/quiz')).toBe('/m/m?from=%2Fm%2Fm%2Fquiz#t1.p1.s2');
	});

	it('names the way back by the page it leads to', () => {
		expect(returnLink('/m/hassan-interview/quiz')).toEqual({ href: '/m/hassan-interview/quiz', label: 'Back to the quiz' });
		expect(returnLink('/review')).toEqual({ href: '/review', label: 'Back to your review' });
		expect(returnLink('/m/x?y=1')).toEqual({ href: '/m/x?y=1', label: 'Back to where you were' });
	});

	it('offers no way back to another site or to nothing', () => {
		for (const from of [null, '', 'https://evil.example/', '//evil.example/quiz', '/\\evil.example', 'javascript:alert(1)', '/ space', `/${'a'.repeat(400)}`])
			expect(returnLink(from), String(from)).toBeNull();
	});
});

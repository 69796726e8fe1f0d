import { describe, expect, it } from 'vitest';
import { defaultSettings, sameSettings } from '../../../src/lib/quiz/settings';
import { settingsFromParams } from '../../../src/lib/quiz/settingsSchema';

const topics = ['attack-motives', 'wilayat-startups'];

describe('settingsFromParams', () => {
	it('gives one-click defaults for an empty form', () => {
		expect(settingsFromParams(new URLSearchParams(), 9, topics)).toEqual(defaultSettings(9));
	});

	it('reads every field of the settings form', () => {
		const p = new URLSearchParams('mode=test&count=5&topic=attack-motives&type=cloze&type=mcq&seed=77&tries=1');
		expect(settingsFromParams(p, 9, topics)).toEqual({ mode: 'test', count: 5, topics: ['attack-motives'], types: ['cloze', 'mcq'], seed: 77, triesBeforeKey: 1 });
	});

	it('falls back field by field on bad input', () => {
		const p = new URLSearchParams('mode=exam&count=500&topic=nope&type=essay&seed=-1&tries=x');
		expect(settingsFromParams(p, 9, topics)).toEqual(defaultSettings(9));
	});
});

describe('sameSettings', () => {
	it('ignores the order of topics and types but not the seed', () => {
		const a = { ...defaultSettings(1), topics: ['x', 'y'], types: ['mcq' as const, 'cloze' as const] };
		expect(sameSettings(a, { ...a, topics: ['y', 'x'], types: ['cloze', 'mcq'] })).toBe(true);
		expect(sameSettings(a, { ...a, seed: 2 })).toBe(false);
	});
});

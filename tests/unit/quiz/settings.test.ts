import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../src/lib/quiz/settings';
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

import { describe, expect, it } from 'vitest';
import { itemStatistics } from '$lib/server/statistics';

/*
 * Hand-computed example: four attempts at three items, each mark 0 or 1.
 *   A: 1 1 1   B: 1 1 0   C: 1 0 0   D: 0 0 1
 * Item 2: x = [1,1,0,0], rest of test y = [2,1,1,1]; mean x 0.5, mean y 1.25.
 *   Σdx·dy = 0.375 − 0.125 + 0.125 + 0.125 = 0.5, Σdx² = 1, Σdy² = 0.75 (each / 3 for n − 1).
 *   D = 100 · (0.5/3) / √((1/3)(0.75/3)) = 100/√3 = 57.735…; sorted pairs give CovMax = 0.5/3, so DE = 100.
 * Item 3: x = [1,0,0,1], y = [2,2,1,0]: Σdx·dy = −0.5, Σdy² = 2.75, so D = −50/√2.75 = −30.151…;
 *   sorted: Σ = 1.5, so DE = −50/1.5 = −33.33….
 * Item 1: x = [1,1,1,0], y = [2,1,0,1]: Σdx·dy = 0, so D = DE = 0.
 */
const attempts = [
	[1, 1, 1],
	[1, 1, 0],
	[1, 0, 0],
	[0, 0, 1]
].map((marks) => new Map(marks.map((m, i) => [`i${i + 1}`, m])));

describe('item statistics (Moodle definitions)', () => {
	it('matches the hand-computed facility, discrimination index and efficiency', () => {
		const [i1, i2, i3] = itemStatistics(attempts, ['i1', 'i2', 'i3']);
		expect(i1).toMatchObject({ n: 4, facility: 0.75, discriminationIndex: 0, discriminativeEfficiency: 0 });
		expect(i2.facility).toBe(0.5);
		expect(i2.discriminationIndex).toBeCloseTo(100 / Math.sqrt(3), 10);
		expect(i2.discriminativeEfficiency).toBeCloseTo(100, 10);
		expect(i2.sd).toBeCloseTo(Math.sqrt(1 / 3), 10);
		expect(i3.discriminationIndex).toBeCloseTo(-50 / Math.sqrt(2.75), 10);
		expect(i3.discriminativeEfficiency).toBeCloseTo(-100 / 3, 10);
	});

	it('leaves the indexes empty when they are undefined', () => {
		const allRight = itemStatistics([new Map([['a', 1], ['b', 0]]), new Map([['a', 1], ['b', 1]])], ['a', 'c']);
		expect(allRight[0]).toMatchObject({ n: 2, facility: 1, discriminationIndex: null, discriminativeEfficiency: null });
		expect(allRight[1]).toMatchObject({ n: 0, facility: null });
		const one = itemStatistics([new Map([['a', 1]])], ['a']);
		expect(one[0]).toMatchObject({ n: 1, facility: 1, discriminationIndex: null });
	});

	it('uses only the attempts that contained the item', () => {
		const mixed = [new Map([['a', 1]]), new Map([['b', 0]]), new Map([['a', 0], ['b', 1]])];
		const [a, b] = itemStatistics(mixed, ['a', 'b']);
		expect(a).toMatchObject({ n: 2, facility: 0.5 });
		expect(b).toMatchObject({ n: 2, facility: 0.5 });
	});
});

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { Bank, toPublic, type Question } from '../../src/lib/content/question';
import { grade } from '../../src/lib/quiz/grade';
import { axeViolations, newContext } from './browser';

const base = inject('baseURL');
// The real bank, read here only to know the keys the students answer with and to check scores.
const bank = Bank.parse(JSON.parse(readFileSync('questions/hassan-interview/bank.json', 'utf8')));
const byId = new Map(bank.items.map((q) => [q.id, q]));
// Four items every student gets (in a shuffled order): the first two multiple-choice and two true/false.
const chosen = [...bank.items.filter((q) => q.type === 'mcq').slice(0, 2), ...bank.items.filter((q) => q.type === 'truefalse').slice(0, 2)];

const contexts: BrowserContext[] = [];
async function context(options: Parameters<typeof newContext>[0] = {}) {
	const c = await newContext(options);
	contexts.push(c);
	return c;
}
afterAll(async () => {
	await Promise.all(contexts.map((c) => c.close()));
});

/** Creates an assignment on /teach from `pool` (default: the four chosen items, each student gets `count`) and returns its two links. */
async function createAssignment(page: Page, title: string, mode: 'test' | 'practice' = 'test', pool: Question[] = chosen, count = pool.length) {
	await page.goto(base + '/teach');
	await page.getByLabel('Title students see').fill(title);
	await page.getByLabel('Items per student').fill(String(count));
	await page.getByLabel('Attempts allowed').fill('1');
	if (mode === 'practice') await page.locator('input[name="mode"][value="practice"]').check();
	const keep = pool.map((q) => q.id);
	await page.locator('input[name="exclude"]').evaluateAll((boxes, keep) => {
		for (const box of boxes as HTMLInputElement[]) box.checked = !keep.includes(box.value);
	}, keep);
	await page.getByRole('button', { name: 'Create the assignment' }).click();
	await page.getByRole('heading', { name: new RegExp(`${title}.*is ready`) }).waitFor();
	const studentUrl = await page.getByRole('textbox', { name: 'Student link' }).inputValue();
	const teacherUrl = await page.getByRole('textbox', { name: 'Your results link' }).inputValue();
	return { studentUrl, teacherUrl, code: studentUrl.split('/a/')[1] };
}

/** The item on screen (from the answer form's hidden field). */
async function itemOnScreen(page: Page): Promise<Question> {
	const id = await page.locator('input[name="item"]').inputValue();
	return byId.get(id)!;
}

/** Chooses an answer to the item on screen, right or wrong, without saving it. Returns the response given. */
async function choose(page: Page, right: boolean) {
	const q = await itemOnScreen(page);
	if (q.type === 'mcq') {
		const choice = right ? q.key : (q.key + 1) % 4;
		await page.locator(`input[name="choice"][value="${choice}"]`).check();
		return { q, r: { type: 'mcq' as const, choice } };
	}
	if (q.type !== 'truefalse') throw new Error(`unexpected item type ${q.type}`);
	const value = right ? q.key : !q.key;
	await page.locator(`input[name="value"][value="${value}"]`).check();
	return { q, r: { type: 'truefalse' as const, value } };
}

/** Answers the item on screen and saves it with the button (works with and without JavaScript). */
async function answer(page: Page, right: boolean) {
	const given = await choose(page, right);
	await page.getByRole('button', { name: /^Save/ }).click();
	return given;
}

/** Waits until the page shows question `n` (1-based) or the submit step. */
async function waitForStep(page: Page, step: number | 'review') {
	if (step === 'review') await page.getByRole('heading', { name: 'Review and submit' }).waitFor();
	else await page.getByRole('heading', { name: new RegExp(`^Question ${step} of`) }).waitFor();
}

describe('assign by link', () => {
	let links: Awaited<ReturnType<typeof createAssignment>>;
	const expected = new Map<string, { score: number; marks: Map<string, number> }>();

	beforeAll(() => {
		expect(chosen).toHaveLength(4);
	});

	it('lets a teacher create an assignment with two links and a QR code', async () => {
		const teacher = await (await context()).newPage();
		links = await createAssignment(teacher, 'Week 3: Hassan');
		expect(links.studentUrl).toMatch(new RegExp(`^${base}/a/[a-z2-9]{12}$`));
		expect(links.teacherUrl).toMatch(/\/results\?key=[A-Za-z0-9_-]{43}$/);
		await expect(teacher.getByRole('img', { name: /QR code/ }).locator('svg').count()).resolves.toBe(1);
		expect(await axeViolations(teacher)).toEqual([]);
	});

	it('three students answer differently; one reloads midway and resumes; one has no JavaScript', async () => {
		const students = [
			{ name: 'Amira', plan: [true, true, true, true], js: true, reload: false },
			{ name: '<b>Ben</b>', plan: [false, false, false, false], js: false, reload: false },
			{ name: 'Chloé', plan: [true, true, false, false], js: true, reload: true }
		];
		await Promise.all(
			students.map(async (s) => {
				const page = await (await context({ javaScriptEnabled: s.js })).newPage();
				await page.goto(links.studentUrl);
				await page.getByLabel('Your name').fill(s.name);
				await page.getByRole('button', { name: 'Start' }).click();
				const marks = new Map<string, number>();
				for (let i = 0; i < s.plan.length; i++) {
					await waitForStep(page, i + 1);
					if (s.reload && i === 2) {
						// Midway: an answer is chosen, saved as given, and the tab reloads before "Save" is pressed.
						// The attempt resumes from the server at the next unanswered item.
						await page.waitForLoadState('networkidle'); // hydrated: the change handler that saves is attached
						const { q, r } = await choose(page, s.plan[i]);
						await page.getByText('Saved. You can change it').waitFor();
						await page.goto(links.studentUrl);
						await waitForStep(page, 4);
						expect(await page.getByText('3 of 4 answered').count()).toBe(1);
						marks.set(q.id, grade(q, r).score);
						continue;
					}
					const { q, r } = await answer(page, s.plan[i]);
					marks.set(q.id, grade(q, r).score);
				}
				await waitForStep(page, 'review');
				if (s.js) expect(await axeViolations(page)).toEqual([]);
				await page.getByRole('button', { name: 'Submit attempt 1' }).click();
				await page.getByRole('heading', { name: 'Attempt 1 submitted' }).waitFor();
				const score = [...marks.values()].reduce((a, b) => a + b, 0) / 4;
				expect(await page.locator('.score strong').textContent()).toBe(`${Math.round(score * 100)}%`);
				expected.set(s.name, { score, marks });
			})
		);
		expect([...expected.values()].map((e) => e.score).sort()).toEqual([0, 0.5, 1]);
	});

	it('shows the teacher every student with the right scores and facility values, and a CSV', async () => {
		const page = await (await context()).newPage();
		await page.goto(links.teacherUrl);
		await page.getByRole('heading', { name: 'Results: Week 3: Hassan' }).waitFor();
		for (const [name, e] of expected) {
			const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
			// Started, Status, Attempts, Best…
			await expect(row.locator('td').nth(3).textContent()).resolves.toBe(`${Math.round(e.score * 100)}%`);
			await expect(row.locator('td').nth(1).textContent()).resolves.toMatch(/^\s*Submitted\s*$/);
		}
		// The HTML in a name is text: no <b> element appeared.
		expect(await page.locator('table b').count()).toBe(0);
		for (const q of chosen) {
			const facility = [...expected.values()].reduce((sum, e) => sum + e.marks.get(q.id)!, 0) / 3;
			await expect(page.locator(`tr[data-item="${q.id}"] td[data-facility]`).textContent()).resolves.toBe(`${Math.round(facility * 100)}%`);
		}
		expect(await axeViolations(page)).toEqual([]);

		const csv = await page.request.get(`${links.teacherUrl.replace('/results?', '/results/csv?')}&rows=attempts`);
		expect(csv.headers()['content-type']).toContain('text/csv');
		const lines = (await csv.text()).trimEnd().split('\r\n');
		expect(lines).toHaveLength(4);
		expect(lines.some((l) => l.includes('"<b>Ben</b>"') && l.endsWith(',0'))).toBe(true);
		expect(lines.some((l) => l.includes('"Amira"') && l.endsWith(',100'))).toBe(true);
		const answers = (await (await page.request.get(`${links.teacherUrl.replace('/results?', '/results/csv?')}&rows=answers`)).text()).trimEnd().split('\r\n');
		expect(answers).toHaveLength(1 + 12);
	});

	it('updates the results page without a reload while a student submits', async () => {
		const teacher = await (await context()).newPage();
		await teacher.goto(links.teacherUrl);
		await expect(teacher.getByTestId('counts').textContent()).resolves.toBe('3 submitted, 0 in progress');
		const student = await (await context()).newPage();
		await student.goto(links.studentUrl);
		await student.getByLabel('Your name').fill('Dev');
		await student.getByRole('button', { name: 'Start' }).click();
		await waitForStep(student, 1);
		await expect.poll(() => teacher.getByTestId('counts').textContent(), { timeout: 10_000 }).toBe('3 submitted, 1 in progress');
		await expect(teacher.getByRole('rowheader', { name: 'Dev', exact: true }).count()).resolves.toBe(1);
		// The status has its own column: "In progress", never glued to the attempt count ("1in progress").
		const dev = teacher.locator('tr[data-student="Dev"]');
		await expect(dev.locator('td').nth(1).textContent()).resolves.toMatch(/^\s*In progress\s*$/);
		expect(await teacher.locator('table').first().innerText()).not.toMatch(/\din progress/i);
	});

	it('numbers students who share a name and says when each started', async () => {
		const teacher = await (await context()).newPage();
		const { studentUrl, teacherUrl } = await createAssignment(teacher, 'Namesakes');
		for (let k = 0; k < 3; k++) {
			const page = await (await context()).newPage();
			await page.goto(studentUrl);
			await page.getByLabel('Your name').fill('Sam');
			await page.getByRole('button', { name: 'Start' }).click();
			await waitForStep(page, 1);
		}
		await teacher.goto(teacherUrl);
		for (const label of ['Sam (1)', 'Sam (2)', 'Sam (3)'])
			await expect(teacher.getByRole('rowheader', { name: label, exact: true }).count()).resolves.toBe(1);
		const started = await teacher.locator('tr[data-student] td:first-of-type').allTextContents();
		expect(started.every((t) => /\d{2}:\d{2}/.test(t))).toBe(true);
		// Left attempts can be hidden (nothing is deleted) and shown again.
		await teacher.getByText('3 started and never submitted.').waitFor();
		await teacher.getByRole('link', { name: 'Hide them' }).click();
		await teacher.getByText('No one has submitted yet.').waitFor();
		expect(await teacher.getByRole('rowheader', { name: /^Sam/ }).count()).toBe(0);
		await teacher.getByRole('link', { name: 'Show them' }).click();
		await teacher.getByRole('rowheader', { name: 'Sam (3)', exact: true }).waitFor();
	});
});

describe('on a phone', () => {
	it('fits 320 px without sideways scrolling: teach, student and results pages', async () => {
		const phone = await (await context({ viewport: { width: 320, height: 640 }, colorScheme: 'dark' })).newPage();
		const overflow = () => phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		const { studentUrl, teacherUrl } = await createAssignment(phone, 'Phone');
		expect(await overflow(), '/teach').toBeLessThanOrEqual(0);
		await phone.goto(studentUrl);
		await phone.getByLabel('Your name').fill('Hana');
		await phone.getByRole('button', { name: 'Start' }).click();
		await waitForStep(phone, 1);
		expect(await overflow(), 'student').toBeLessThanOrEqual(0);
		await phone.goto(teacherUrl);
		expect(await overflow(), 'results').toBeLessThanOrEqual(0);
		expect(await axeViolations(phone)).toEqual([]);
	});
});

describe('no key before submitting', () => {
	it('keeps keys and explanations out of the HTML and JSON of a test attempt in progress', async () => {
		const teacher = await (await context()).newPage();
		const { studentUrl, code } = await createAssignment(teacher, 'Key check');
		const page = await (await context()).newPage();
		await page.goto(studentUrl);
		await page.getByLabel('Your name').fill('Eve');
		await page.getByRole('button', { name: 'Start' }).click();
		await waitForStep(page, 1);
		await answer(page, true);
		await waitForStep(page, 2);

		const html = await (await page.request.get(`${studentUrl}?q=1`)).text();
		const data = await (await page.request.get(`${base}/a/${code}/__data.json?q=1`)).text();
		const first = await itemOnScreen(page);
		const api = await page.request.post(`${base}/a/${code}/answer`, {
			data: { item: first.id, response: first.type === 'mcq' ? { type: 'mcq', choice: 0 } : { type: 'truefalse', value: true } }
		});
		expect(api.status()).toBe(200);
		const reply = await api.text();
		for (const body of [html, data, reply]) {
			// Field names of the full question and of a grade, as JSON or as the page's inline data.
			expect(body).not.toMatch(/"?(explanation|evidence|key|keys|answers|correct|score)"?:/);
			for (const q of chosen) {
				// Skip a text the student may see anyway (an explanation can repeat the stem).
				const shown = JSON.stringify(toPublic(q));
				for (const secret of [q.explanation, q.evidence[0].quote].map((t) => t.slice(0, 40)))
					if (!shown.includes(secret)) expect(body).not.toContain(secret);
			}
		}
	});
});

describe('practice mode and closing', () => {
	it('shows the key and evidence only for an answered item, and records nothing once closed', async () => {
		const teacher = await (await context()).newPage();
		const { studentUrl, teacherUrl, code } = await createAssignment(teacher, 'Practice run', 'practice');
		const page = await (await context()).newPage();
		await page.goto(studentUrl);
		await page.getByLabel('Your name').fill('Gus');
		await page.getByRole('button', { name: 'Start' }).click();
		await waitForStep(page, 1);
		const first = await itemOnScreen(page);
		const check = first.type === 'mcq' ? `input[name="choice"][value="${(first.key + 1) % 4}"]` : `input[name="value"][value="${!(first as { key: boolean }).key}"]`;
		await page.locator(check).check();
		await page.getByRole('button', { name: 'Check answer' }).click();
		await page.getByRole('heading', { name: 'Incorrect' }).waitFor();
		expect(await page.getByText('Evidence from the reading').count()).toBe(1);
		expect(await axeViolations(page)).toEqual([]);

		// Only the answered item's explanation is in the page data.
		const data = await (await page.request.get(`${base}/a/${code}/__data.json?q=1`)).text();
		const others = chosen.filter((q) => q.id !== first.id);
		expect(data).toContain('explanation');
		for (const q of others) expect(data).not.toContain(JSON.stringify(q.explanation).slice(1, 40));

		await teacher.goto(teacherUrl);
		await teacher.getByRole('button', { name: 'Close the assignment' }).click();
		await teacher.getByText('This assignment is closed').waitFor();
		await page.goto(`${studentUrl}?q=2`);
		const second = await itemOnScreen(page);
		const reply = await page.request.post(`${base}/a/${code}/answer`, {
			data: { item: second.id, response: second.type === 'mcq' ? { type: 'mcq', choice: 0 } : { type: 'truefalse', value: true } }
		});
		expect(reply.status()).toBe(410);
		expect(await reply.json()).toMatchObject({ ok: false, message: expect.stringMatching(/closed/) });
	});
});

describe('bad input', () => {
	it('gives 404 for an unknown code and the same 403 for a wrong key, known code or not', async () => {
		const page = await (await context()).newPage();
		const missing = await page.goto(`${base}/a/nosuchcode22`);
		expect(missing?.status()).toBe(404);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/could not find/i);
		const { code } = await createAssignment(page, 'Bad input');
		const wrong = await page.request.get(`${base}/a/${code}/results?key=wrong`);
		const unknown = await page.request.get(`${base}/a/nosuchcode22/results?key=wrong`);
		expect(wrong.status()).toBe(403);
		expect(unknown.status()).toBe(403);
		const text = (body: string) => body.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
		expect(text(await wrong.text())).toBe(text(await unknown.text()));
		expect((await page.request.get(`${base}/a/${code}/results/csv?key=wrong`)).status()).toBe(403);
		// Opened in a browser: the site's styled error page, the same for a known code or not.
		const csvWrong = await page.goto(`${base}/a/${code}/results/csv?key=wrong&rows=attempts`);
		expect(csvWrong?.status()).toBe(403);
		expect(csvWrong?.headers()['content-type']).toContain('text/html');
		await page.getByRole('link', { name: 'Back to the library' }).waitFor();
		const shown = await page.locator('main').textContent();
		expect(shown).toMatch(/teacher link is not valid/);
		await page.goto(`${base}/a/nosuchcode22/results/csv?key=wrong&rows=attempts`);
		expect(await page.locator('main').textContent()).toBe(shown);
	});

	it('refuses malformed and oversized posts with 400 and records nothing', async () => {
		const page = await (await context()).newPage();
		const { code, teacherUrl } = await createAssignment(page, 'Posts');
		await page.goto(`${base}/a/${code}`);
		await page.getByLabel('Your name').fill('Fay');
		await page.getByRole('button', { name: 'Start' }).click();
		await waitForStep(page, 1);
		const item = (await itemOnScreen(page)).id;
		const post = (data: string) =>
			page.request.post(`${base}/a/${code}/answer`, { headers: { 'content-type': 'application/json' }, data: Buffer.from(data) });
		const broken = await post('{ not json');
		expect(broken.status()).toBe(400);
		expect(await broken.json()).toMatchObject({ ok: false, message: expect.stringMatching(/JSON/) });
		expect((await post(JSON.stringify({ item, response: { type: 'cloze', text: 'x' } }))).status()).toBe(400);
		expect((await post(JSON.stringify({ item, response: { type: 'cloze', text: 'x'.repeat(100_000) } }))).status()).toBe(400);
		const form = await page.request.post(`${base}/a/${code}?/answer`, {
			headers: { origin: base, accept: 'application/json' },
			form: { item, position: '0' }
		});
		expect(await form.json()).toMatchObject({ type: 'failure', status: 400 });
		const teacher = await (await context()).newPage();
		await teacher.goto(teacherUrl);
		await expect(teacher.getByTestId('counts').textContent()).resolves.toBe('0 submitted, 1 in progress');
		const answers = (await (await teacher.request.get(`${teacherUrl.replace('/results?', '/results/csv?')}&rows=answers`)).text()).trimEnd().split('\r\n');
		expect(answers).toHaveLength(1);
	});
});

describe('the student page as a student sees it', () => {
	// Typed answers: the page waits for a pause in typing before saving, the case that lagged.
	const clozes = bank.items.filter((q) => q.type === 'cloze').slice(0, 3);

	it('counts an answer saved by script at once, even when "Next question" is pressed before the save', async () => {
		const teacher = await (await context()).newPage();
		const { studentUrl } = await createAssignment(teacher, 'Progress', 'test', clozes);
		const page = await (await context()).newPage();
		await page.goto(studentUrl);
		// A student page has the brand and the skip link but not the site's navigation.
		expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
		expect(await page.getByRole('link', { name: 'Teach' }).count()).toBe(0);
		expect(await page.getByRole('link', { name: 'Passage' }).count()).toBe(1);
		expect(await page.getByRole('link', { name: 'Skip to content' }).count()).toBe(1);
		await page.getByLabel('Your name').fill('Ida');
		await page.getByRole('button', { name: 'Start' }).click();
		await waitForStep(page, 1);
		await page.waitForLoadState('networkidle');
		const button = page.getByRole('button', { name: 'Save and go on' });
		expect(await button.count()).toBe(1);
		await page.getByText('Not answered yet.').waitFor();

		// Type an answer, then press Next at once: no Save.
		const q = await itemOnScreen(page);
		if (q.type !== 'cloze') throw new Error('expected a cloze item');
		await page.getByLabel('Your answer for the blank').fill(q.answers[0]);
		await page.getByRole('link', { name: 'Next question' }).click();
		await waitForStep(page, 2);
		await page.getByText('1 of 3 answered').waitFor();
		expect(await page.getByRole('link', { name: '1 (answered)' }).textContent()).toContain('✓');
		expect(await page.getByRole('link', { name: '2 (not answered)' }).textContent()).not.toContain('✓');
		// The same button on every item, answered or not.
		expect(await button.count()).toBe(1);

		// A reload agrees with what the page showed.
		await page.reload();
		await page.getByText('1 of 3 answered').waitFor();

		// The review step reads as sentences.
		await page.goto(`${studentUrl}?q=review`);
		const summary = await page.getByText(/You have answered/).textContent();
		expect(summary?.replace(/\s+/g, ' ')).toContain('1 of 3 items. Unanswered items count as wrong.');
	});

	it('shows progress without JavaScript after "Save and go on"', async () => {
		const teacher = await (await context()).newPage();
		const { studentUrl } = await createAssignment(teacher, 'Progress no JS');
		const page = await (await context({ javaScriptEnabled: false })).newPage();
		await page.goto(studentUrl);
		await page.getByLabel('Your name').fill('Jo');
		await page.getByRole('button', { name: 'Start' }).click();
		await waitForStep(page, 1);
		await answer(page, true);
		await waitForStep(page, 2);
		expect(await page.getByText('1 of 4 answered').count()).toBe(1);
		expect(await page.getByRole('link', { name: '1 (answered)' }).textContent()).toContain('✓');
	});
});

describe('the teacher pages', () => {
	it('keeps the form as the teacher set it after creating, says what no topic means, and shows the keys', async () => {
		const page = await (await context()).newPage();
		await createAssignment(page, 'Kept values');
		expect(await page.getByLabel('Title students see').inputValue()).toBe('Kept values');
		expect(await page.getByLabel('Items per student').inputValue()).toBe(String(chosen.length));
		const topics = page.locator('input[name="topics"]');
		expect(await topics.evaluateAll((boxes) => boxes.every((b) => (b as HTMLInputElement).checked))).toBe(true);
		expect(await page.getByRole('group', { name: /Topics/ }).locator('legend').textContent()).toContain('none ticked: all topics');
		expect(await page.getByRole('button', { name: 'Copy student link' }).count()).toBe(1);
		const mcq = chosen.find((q) => q.type === 'mcq')!;
		if (mcq.type !== 'mcq') throw new Error('no mcq');
		const item = page.locator('ol.items li').filter({ hasText: mcq.stem });
		expect(await item.textContent()).toContain(`Key: ${mcq.options[mcq.key]}`);

		// No topic ticked: every topic, as the hint says.
		await topics.evaluateAll((boxes) => boxes.forEach((b) => ((b as HTMLInputElement).checked = false)));
		await page.getByLabel('Title students see').fill('No topics');
		await page.getByRole('button', { name: 'Create the assignment' }).click();
		await page.getByRole('heading', { name: /No topics.*is ready/ }).waitFor();
	});

	it('lists answered items first, tucks never-given ones away, and puts "Most missed" above', async () => {
		const teacher = await (await context()).newPage();
		const extra = bank.items.filter((q) => q.type === 'mcq' && !chosen.includes(q)).slice(0, 8);
		const { studentUrl, teacherUrl } = await createAssignment(teacher, 'Big pool', 'test', [...chosen, ...extra], 2);
		const student = await (await context({ javaScriptEnabled: false })).newPage();
		await student.goto(studentUrl);
		await student.getByLabel('Your name').fill('Kim');
		await student.getByRole('button', { name: 'Start' }).click();
		for (const step of [1, 2]) {
			await waitForStep(student, step);
			await answer(student, false);
		}
		await waitForStep(student, 'review');
		await student.getByRole('button', { name: 'Submit attempt 1' }).click();
		await student.getByRole('heading', { name: 'Attempt 1 submitted' }).waitFor();

		await teacher.goto(teacherUrl);
		const answered = teacher.getByRole('region', { name: 'Items table' }).locator('tbody tr');
		expect(await answered.count()).toBe(2);
		const tucked = teacher.locator('details').filter({ has: teacher.getByText(/^10 items in the pool/) });
		expect(await tucked.count()).toBe(1);
		expect(await tucked.getAttribute('open')).toBeNull();
		expect(await teacher.getByRole('region', { name: 'Items not yet answered' }).isVisible()).toBe(false);
		const headings = await teacher.getByRole('heading', { level: 2 }).allTextContents();
		expect(headings.indexOf('Most missed')).toBeLessThan(headings.indexOf('Items'));
		expect(headings.indexOf('Most missed')).toBeGreaterThanOrEqual(0);
	});

	it('says on a phone that tables scroll sideways, and keeps the first column in view', async () => {
		const phone = await (await context({ viewport: { width: 360, height: 640 } })).newPage();
		const { studentUrl, teacherUrl } = await createAssignment(phone, 'Phone tables');
		const student = await (await context()).newPage();
		await student.goto(studentUrl);
		await student.getByLabel('Your name').fill('Lee');
		await student.getByRole('button', { name: 'Start' }).click();
		await waitForStep(student, 1);
		await phone.goto(teacherUrl);
		const region = phone.getByRole('region', { name: 'Students table' });
		expect(await region.getByText('Scroll sideways for more columns.').isVisible()).toBe(true);
		const before = await region.getByRole('rowheader').first().boundingBox();
		await region.evaluate((el) => (el.scrollLeft = 200));
		const after = await region.getByRole('rowheader').first().boundingBox();
		expect(after!.x).toBeCloseTo(before!.x, 0);
		// A desktop has room: no hint.
		const desk = await (await context()).newPage();
		await desk.goto(teacherUrl);
		expect(await desk.getByText('Scroll sideways for more columns.').first().isVisible()).toBe(false);
	});
});

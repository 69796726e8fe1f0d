import * as z from 'zod/mini';
import type { Snapshot } from 'xstate';
import type { Question, Response as ResponseT } from '$lib/content/question';
import { STORE_VERSION, type Restored } from './persist';
import { QuizSettings } from './settingsSchema';

// Validates a stored quiz before it is resumed. Kept apart from persist.ts so a first visit
// (nothing stored) never downloads the schemas.

const Int = z.number().check(z.int(), z.minimum(0));
const Index = z.number().check(z.int(), z.minimum(0), z.maximum(5));
// Mirrors `Response` in $lib/content/question in zod/mini (that module's full zod stays out of
// the browser bundle); tests/unit/quiz/persist.test.ts checks the two agree.
export const ResponseMini = z.discriminatedUnion('type', [
	z.object({ type: z.literal('mcq'), choice: z.number().check(z.int(), z.minimum(0), z.maximum(3)) }),
	z.object({ type: z.literal('multi'), choices: z.array(Index).check(z.maxLength(6)) }),
	z.object({ type: z.literal('truefalse'), value: z.boolean() }),
	z.object({ type: z.literal('cloze'), text: z.string().check(z.maxLength(200)) }),
	z.object({ type: z.literal('matching'), matches: z.array(z.nullable(Index)).check(z.maxLength(6)) })
]);
const Grade = z.object({ score: z.number().check(z.minimum(0), z.maximum(1)), correct: z.boolean() });

const StoredContext = z.object({
	moduleId: z.string(),
	settings: QuizSettings,
	ids: z.array(z.string()),
	orders: z.record(z.string(), z.array(Int)),
	index: Int,
	responses: z.record(z.string(), z.nullable(ResponseMini)),
	tries: z.record(z.string(), Int),
	grades: z.record(z.string(), Grade),
	flagged: z.array(z.string()),
	timeMs: z.record(z.string(), z.number().check(z.minimum(0))),
	answeredAt: z.record(z.string(), z.number()),
	lastAt: z.number(),
	startedAt: z.nullable(z.number()),
	finishedAt: z.nullable(z.number()),
	round: Int
});

const StateValue = z.union([
	z.literal('intro'),
	z.literal('results'),
	z.object({ practice: z.enum(['answering', 'feedback']) }),
	z.object({ test: z.enum(['answering', 'confirming']) })
]);

const Stored = z.object({
	version: z.literal(STORE_VERSION),
	owner: z.string(),
	savedAt: z.number(),
	snapshot: z.looseObject({ status: z.literal('active'), value: StateValue, context: StoredContext })
});
export type Stored = z.infer<typeof Stored>;

const permutation = (order: number[], n: number) => order.length === n && [...order].sort((a, b) => a - b).every((v, i) => v === i);
const optionCount = (q: Question) => (q.type === 'mcq' || q.type === 'multi' ? q.options.length : q.type === 'matching' ? q.choices.length : 0);
const fits = (q: Question, r: ResponseT | null) => {
	if (r === null) return true;
	if (r.type !== q.type) return false;
	if (r.type === 'matching' && q.type === 'matching') return r.matches.length === q.prompts.length && r.matches.every((m) => m === null || m < q.choices.length);
	if (r.type === 'multi' && q.type === 'multi') return r.choices.every((c) => c < q.options.length);
	return true;
};

/**
 * Reads stored text back into a snapshot for `createActor(quizMachine, { snapshot, input })`.
 * 'corrupt': not JSON or not the shape we write. 'outdated': an older format, another module,
 * or items and options the bank no longer has in that form.
 */
export function deserialize(text: string | null, moduleId: string, pool: readonly Question[]): Restored {
	if (text === null) return { ok: false, reason: 'none' };
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return { ok: false, reason: 'corrupt' };
	}
	const version = (json as { version?: unknown } | null)?.version;
	if (typeof version === 'number' && version !== STORE_VERSION) return { ok: false, reason: 'outdated' };
	const parsed = Stored.safeParse(json);
	if (!parsed.success) return { ok: false, reason: 'corrupt' };
	const { snapshot, owner, savedAt } = parsed.data;
	const ctx = snapshot.context;
	if (ctx.moduleId !== moduleId) return { ok: false, reason: 'outdated' };
	const byId = new Map(pool.map((q) => [q.id, q]));
	const asking = snapshot.value !== 'intro';
	if (asking && (ctx.ids.length === 0 || ctx.index >= ctx.ids.length)) return { ok: false, reason: 'corrupt' };
	for (const id of ctx.ids) {
		const q = byId.get(id);
		if (!q) return { ok: false, reason: 'outdated' };
		if (!permutation(ctx.orders[id] ?? [], optionCount(q))) return { ok: false, reason: 'outdated' };
		if (!fits(q, (ctx.responses[id] ?? null) as ResponseT | null)) return { ok: false, reason: 'outdated' };
	}
	return {
		ok: true,
		owner,
		savedAt,
		snapshot: { ...snapshot, context: { ...ctx, pool: [...pool] } } as unknown as Snapshot<unknown>
	};
}


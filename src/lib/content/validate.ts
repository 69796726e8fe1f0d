import type { z } from 'zod';

/** "questions/x/module.json: topics.2.id: a topic id is ..." — one line per problem. */
export function describeIssues(file: string, error: z.ZodError): string {
	return error.issues
		.map((i) => `${file}: ${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
		.join('\n');
}

/** Parses `value` with `schema` or throws an Error naming the file and each bad field. */
export function parseOrExplain<T extends z.ZodType>(schema: T, value: unknown, file: string): z.infer<T> {
	const result = schema.safeParse(value);
	if (!result.success) throw new Error(`Invalid module data\n${describeIssues(file, result.error)}`);
	return result.data;
}

import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export type Db = Database.Database;

/**
 * Versioned migrations: entry i takes the schema from version i to i + 1 (`PRAGMA user_version`).
 * Append only; never edit a migration that has shipped.
 */
export const migrations: string[] = [
	`CREATE TABLE assignments (
		id INTEGER PRIMARY KEY,
		code TEXT NOT NULL UNIQUE,
		secret_hash TEXT NOT NULL,
		module_id TEXT NOT NULL,
		title TEXT NOT NULL,
		-- AssignmentSettings as JSON (mode, attempts, due date, …)
		settings TEXT NOT NULL,
		-- The item pool as full Question JSON: a snapshot, so a regenerated bank never changes a live assignment.
		items TEXT NOT NULL,
		created_at INTEGER NOT NULL,
		closed_at INTEGER
	);
	CREATE TABLE attempts (
		id INTEGER PRIMARY KEY,
		assignment_id INTEGER NOT NULL REFERENCES assignments(id),
		-- The browser's random student id (cookie): attempts are counted per student.
		student_key TEXT NOT NULL,
		name TEXT NOT NULL,
		number INTEGER NOT NULL,
		-- Item ids in the order shown, fixed when the attempt starts.
		items TEXT NOT NULL,
		started_at INTEGER NOT NULL,
		submitted_at INTEGER,
		score REAL
	);
	CREATE INDEX attempts_by_student ON attempts(assignment_id, student_key);
	-- Append only: every answer as given. An item's current answer is its latest row.
	CREATE TABLE answers (
		id INTEGER PRIMARY KEY,
		attempt_id INTEGER NOT NULL REFERENCES attempts(id),
		item_id TEXT NOT NULL,
		response TEXT NOT NULL,
		score REAL NOT NULL,
		correct INTEGER NOT NULL,
		answered_at INTEGER NOT NULL
	);
	CREATE INDEX answers_by_attempt ON answers(attempt_id, item_id);`
];

/** Opens (or creates) a database and brings its schema up to date. `':memory:'` for tests. */
export function openDb(path: string): Db {
	if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
	const db = new Database(path);
	// WAL lets the results page read while students write; NORMAL sync is durable across app crashes.
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = NORMAL');
	db.pragma('foreign_keys = ON');
	db.pragma('busy_timeout = 5000');
	migrate(db);
	return db;
}

export function migrate(db: Db): number {
	const from = db.pragma('user_version', { simple: true }) as number;
	for (let v = from; v < migrations.length; v++) {
		db.transaction(() => {
			db.exec(migrations[v]);
			db.pragma(`user_version = ${v + 1}`);
		})();
	}
	return migrations.length;
}

/** Where the server keeps its database: `PASSAGE_DB`, else `passage.db` in `PASSAGE_DATA_DIR` (default ./data). */
export function dbPath(env: NodeJS.ProcessEnv = process.env): string {
	return env.PASSAGE_DB || join(env.PASSAGE_DATA_DIR || 'data', 'passage.db');
}

let shared: Db | undefined;

/** The server's one connection, opened on first use (hooks `init` opens it at start). */
export function getDb(): Db {
	shared ??= openDb(dbPath());
	return shared;
}

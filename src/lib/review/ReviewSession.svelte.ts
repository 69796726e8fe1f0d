import { createActor, type ActorRefFrom, type SnapshotFrom } from 'xstate';
import type { Deck } from './deck';
import { reviewMachine, type ReviewEvent, type ReviewInput } from './reviewMachine';
import type { SessionProgress } from './session';

type Snapshot = SnapshotFrom<typeof reviewMachine>;

/**
 * A running review machine as runes state: `current` is the latest snapshot. The deck and the
 * session's progress leave through the callbacks (localStorage, sessionStorage on the page).
 */
export class ReviewSession {
	#actor: ActorRefFrom<typeof reviewMachine>;
	#snapshot = $state.raw<Snapshot>() as Snapshot;

	constructor(input: ReviewInput, sinks: { saveDeck: (deck: Deck, key: string) => void; saveProgress: (p: SessionProgress | null) => void }) {
		const machine = reviewMachine.provide({
			actions: {
				saveDeck: (_, params) => sinks.saveDeck(params.deck, params.key),
				saveProgress: (_, params) => sinks.saveProgress(params.progress)
			}
		});
		this.#actor = createActor(machine, { input });
		this.#actor.subscribe((s) => (this.#snapshot = s));
		this.#snapshot = this.#actor.getSnapshot();
		this.#actor.start();
		this.#snapshot = this.#actor.getSnapshot();
	}

	get current(): Snapshot {
		return this.#snapshot;
	}

	send(event: ReviewEvent): void {
		this.#actor.send(event);
	}

	stop(): void {
		this.#actor.stop();
	}
}

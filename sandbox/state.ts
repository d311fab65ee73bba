import { defaultQuirks, mergeQuirks } from './quirks';
import { Signer } from './signing';
import { AttachmentStore } from './store/attachments';
import { FaultBook } from './store/faults';
import { QuizSubmissionStore } from './store/quiz-submissions';
import { RateMeter } from './store/rate-meter';
import { RequestLog } from './store/request-log';
import type { SandboxQuirks, StorageBackend } from './types';

export const storageBackends: readonly StorageBackend[] = ['instfs', 's3', 's3_sigv2', 'local'];

export interface ConfigChange {
	backend?: StorageBackend;
	quirks?: Partial<SandboxQuirks>;
}

/** Everything one sandbox knows; handlers read and change it, reset() restores the start. */
export class SandboxState {
	apiUrl = '';
	storageUrl = '';
	backend: StorageBackend;
	quirks: SandboxQuirks;
	readonly log = new RequestLog();
	readonly attachments = new AttachmentStore();
	readonly quizSubmissions = new QuizSubmissionStore();
	readonly faults = new FaultBook();
	readonly rate = new RateMeter();
	readonly signer = new Signer();
	readonly closing = new AbortController();
	private readonly initialBackend: StorageBackend;
	private readonly initialQuirks: SandboxQuirks;

	constructor(backend: StorageBackend = 'instfs', quirks?: Partial<SandboxQuirks>) {
		this.initialBackend = checkBackend(backend);
		this.initialQuirks = mergeQuirks(defaultQuirks, quirks);
		this.backend = this.initialBackend;
		this.quirks = this.initialQuirks;
	}

	configure(change: ConfigChange) {
		const quirks = mergeQuirks(this.quirks, change.quirks);
		if (change.backend !== undefined) this.backend = checkBackend(change.backend);
		this.quirks = quirks;
	}

	reset() {
		this.backend = this.initialBackend;
		this.quirks = this.initialQuirks;
		this.log.clear();
		this.attachments.clear();
		this.quizSubmissions.reset();
		this.faults.reset();
		this.rate.reset();
	}
}

function checkBackend(backend: StorageBackend) {
	if (!storageBackends.includes(backend)) {
		throw new Error(`Unknown storage backend "${backend}"; use ${storageBackends.join(', ')}`);
	}
	return backend;
}

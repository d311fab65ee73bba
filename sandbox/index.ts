import { sandboxSeed, type SandboxSeed } from './seed';
import { openListeners } from './server/listeners';
import { SandboxState } from './state';
import type {
	FaultSpec,
	RecordedRequest,
	SandboxAttachment,
	SandboxOptions,
	SandboxQuirks,
	SandboxQuizSubmission,
	StorageBackend,
} from './types';

export type * from './types';
export { defaultQuirks } from './quirks';
export { sandboxSeed, type SandboxSeed } from './seed';

export interface CanvasSandbox {
	/** The Canvas base URL, e.g. http://127.0.0.1:40123 */
	readonly apiUrl: string;
	/** The storage origin where inst-fs and S3 live. */
	readonly storageUrl: string;
	readonly seed: SandboxSeed;
	readonly requests: RecordedRequest[];
	readonly attachments: SandboxAttachment[];
	readonly quizSubmissions: SandboxQuizSubmission[];
	readonly backend: StorageBackend;
	readonly quirks: Readonly<SandboxQuirks>;
	configure(change: { backend?: StorageBackend; quirks?: Partial<SandboxQuirks> }): void;
	injectFault(fault: FaultSpec): void;
	clearFaults(): void;
	reset(): void;
	close(): Promise<void>;
}

/** Starts a fake Canvas on loopback: the API origin and a separate storage origin. */
export async function startCanvasSandbox(options: SandboxOptions = {}): Promise<CanvasSandbox> {
	const state = new SandboxState(options.backend, options.quirks);
	const host = options.host ?? '127.0.0.1';
	const listeners = await openListeners(
		state,
		host,
		options.apiPort ?? 0,
		options.storagePort ?? 0,
	);
	state.apiUrl = listeners.apiUrl;
	state.storageUrl = listeners.storageUrl;
	let closed: Promise<void> | undefined;

	return {
		apiUrl: listeners.apiUrl,
		storageUrl: listeners.storageUrl,
		seed: sandboxSeed,
		get requests() {
			return state.log.entries;
		},
		get attachments() {
			return state.attachments.snapshot();
		},
		get quizSubmissions() {
			return state.quizSubmissions.all;
		},
		get backend() {
			return state.backend;
		},
		get quirks() {
			return state.quirks;
		},
		configure: (change) => state.configure(change),
		injectFault: (fault) => state.faults.inject(fault),
		clearFaults: () => state.faults.clear(),
		reset: () => state.reset(),
		close: () => {
			closed ??= (async () => {
				state.closing.abort();
				await listeners.close();
			})();
			return closed;
		},
	};
}

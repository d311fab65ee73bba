import { sleep } from 'n8n-workflow';

import type { MultipartBody } from '../protocol/multipart';

type StreamedBody = Pick<MultipartBody, typeof Symbol.toStringTag | 'size' | 'type' | 'stream'>;

/**
 * Aborts a request that makes no progress for `idleMs`. n8n's HTTP client only offers a
 * deadline for the whole request, which would cut off a large upload over a slow link however
 * steadily it sends; this one waits as long as bytes keep leaving.
 */
export class IdleWatchdog {
	private readonly abortController = new AbortController();

	private readonly stopController = new AbortController();

	private lastProgressAt = Date.now();

	private silentTooLong = false;

	private readonly abortOnCancel = () => this.abortController.abort();

	/** Also aborts when `cancelSignal` fires, so that stopping the execution ends the request. */
	constructor(
		private readonly idleMs: number,
		private readonly cancelSignal?: AbortSignal,
	) {
		if (cancelSignal?.aborted) this.abortController.abort();
		cancelSignal?.addEventListener('abort', this.abortOnCancel, { once: true });
		void this.watch();
	}

	get signal(): AbortSignal {
		return this.abortController.signal;
	}

	/** Whether the request was aborted for staying silent too long. */
	get timedOut(): boolean {
		return this.silentTooLong;
	}

	/** The same body, counting each chunk the HTTP client takes from it as progress. */
	watchBody(body: MultipartBody): StreamedBody {
		const progress = () => (this.lastProgressAt = Date.now());
		return {
			[Symbol.toStringTag]: 'Blob',
			size: body.size,
			type: body.type,
			async *stream() {
				for await (const chunk of body.stream()) {
					progress();
					yield chunk;
				}
			},
		};
	}

	stop(): void {
		this.cancelSignal?.removeEventListener('abort', this.abortOnCancel);
		this.stopController.abort();
	}

	private async watch(): Promise<void> {
		const stopped = this.stopController.signal;
		while (!stopped.aborted) {
			const silentMs = Date.now() - this.lastProgressAt;
			if (silentMs >= this.idleMs) {
				this.silentTooLong = true;
				this.abortController.abort();
				return;
			}
			try {
				await sleep(this.idleMs - silentMs, stopped);
			} catch {
				return;
			}
		}
	}
}

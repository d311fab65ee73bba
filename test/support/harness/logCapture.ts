import { AsyncLocalStorage } from 'async_hooks';
import { Writable } from 'stream';
import winston from 'winston';

export interface CapturedLog {
	level: string;
	message: string;
	meta?: unknown;
}

const currentRun = new AsyncLocalStorage<CapturedLog[]>();

/** Runs `work` so that everything logged through n8n's Logger meanwhile lands in `logs`. */
export async function captureLogsOf<T>(logs: CapturedLog[], work: () => Promise<T>): Promise<T> {
	return await currentRun.run(logs, work);
}

// A format runs synchronously inside `logger.log()`, still in the caller's async context, so
// each line reaches the run that logged it even when two runs overlap.
const recordInCurrentRun = winston.format((info) => {
	const meta: Record<string, unknown> = {};
	for (const key of Object.keys(info)) {
		if (key !== 'level' && key !== 'message') meta[key] = info[key];
	}
	currentRun.getStore()?.push({
		level: info.level,
		message: String(info.message),
		meta: Object.keys(meta).length > 0 ? meta : undefined,
	});
	return info;
});

/** Makes the winston logger inside n8n's Logger record every level, and print nothing. */
export function captureInto(internalLogger: winston.Logger): void {
	const discard = new Writable({ objectMode: true, write: (_line, _encoding, done) => done() });
	internalLogger.configure({
		level: 'debug',
		format: recordInCurrentRun(),
		transports: [new winston.transports.Stream({ stream: discard })],
	});
}

import { IdleWatchdog } from '../../../../nodes/CanvasLms/transport/idleWatchdog';
import { MultipartBody } from '../../../../nodes/CanvasLms/protocol/multipart';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function slowBody(chunks: number, gapMs: number) {
	const file = {
		name: 'slow.bin',
		size: chunks,
		open: async () =>
			(async function* () {
				for (let index = 0; index < chunks; index++) {
					await wait(gapMs);
					yield Buffer.from('x');
				}
			})(),
	};
	return new MultipartBody([], 'file', file);
}

async function drain(stream: AsyncIterable<Uint8Array>) {
	let bytes = 0;
	for await (const chunk of stream) bytes += chunk.length;
	return bytes;
}

describe('IdleWatchdog', () => {
	it('aborts once nothing has happened for the idle time', async () => {
		const watchdog = new IdleWatchdog(50);

		await wait(120);

		expect(watchdog.timedOut).toBe(true);
		expect(watchdog.signal.aborted).toBe(true);
	});

	it('keeps waiting while the body keeps giving chunks, however long that takes', async () => {
		const watchdog = new IdleWatchdog(150);
		const body = slowBody(12, 25);

		const bytes = await drain(watchdog.watchBody(body).stream());

		expect(bytes).toBe(body.size);
		expect(watchdog.timedOut).toBe(false);
		watchdog.stop();
	});

	it('never aborts after it is stopped', async () => {
		const watchdog = new IdleWatchdog(30);
		watchdog.stop();

		await wait(80);

		expect(watchdog.timedOut).toBe(false);
	});

	it('presents the watched body as a Blob of the same size and type', () => {
		const body = slowBody(3, 0);
		const watchdog = new IdleWatchdog(1000);
		const watched = watchdog.watchBody(body);
		watchdog.stop();

		expect(Object.prototype.toString.call(watched)).toBe('[object Blob]');
		expect({ size: watched.size, type: watched.type }).toEqual({
			size: body.size,
			type: body.type,
		});
	});
});

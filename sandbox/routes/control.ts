import { sandboxSeed } from '../seed';
import { readApiBody } from '../server/body';
import type { Exchange } from '../server/exchange';
import type { ConfigChange } from '../state';
import type { FaultSpec } from '../types';

function settings(exchange: Exchange) {
	const { backend, quirks, apiUrl, storageUrl } = exchange.sandbox;
	return { apiUrl, storageUrl, backend, quirks, seed: sandboxSeed };
}

async function jsonBody(exchange: Exchange) {
	const body = await readApiBody(exchange.req);
	exchange.record.json = body.json;
	return body.json;
}

/** Runs a change and answers 400 with its message when the sandbox refuses it. */
async function change(exchange: Exchange, apply: (json: unknown) => void, status = 200) {
	try {
		apply(await jsonBody(exchange));
	} catch (error) {
		return exchange.plainJson(400, { error: (error as Error).message });
	}
	if (status === 204) return exchange.send(204);
	exchange.plainJson(status, settings(exchange));
}

export const controlRoutes = {
	async describe(exchange: Exchange) {
		exchange.plainJson(200, settings(exchange));
	},
	async requests(exchange: Exchange) {
		exchange.plainJson(200, exchange.sandbox.log.entries);
	},
	async attachments(exchange: Exchange) {
		exchange.plainJson(200, exchange.sandbox.attachments.snapshot());
	},
	async quizSubmissions(exchange: Exchange) {
		exchange.plainJson(200, exchange.sandbox.quizSubmissions.all);
	},
	async reset(exchange: Exchange) {
		await change(exchange, () => exchange.sandbox.reset());
	},
	async configure(exchange: Exchange) {
		await change(exchange, (json) => exchange.sandbox.configure((json ?? {}) as ConfigChange));
	},
	async injectFault(exchange: Exchange) {
		await change(exchange, (json) => exchange.sandbox.faults.inject(json as FaultSpec), 204);
	},
	async clearFaults(exchange: Exchange) {
		await change(exchange, () => exchange.sandbox.faults.clear(), 204);
	},
};

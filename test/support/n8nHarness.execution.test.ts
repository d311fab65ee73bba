import { NodeOperationError } from 'n8n-workflow';

import { probe, textItem } from './harnessProbe';
import { useBinaryDataStore } from './n8nHarness';

describe('runNode', () => {
	useBinaryDataStore();

	describe('parameters', () => {
		it('fills in the description’s defaults and resolves expressions for each item', async () => {
			const result = await probe(
				{
					operation: 'describe',
					course: '={{ $json.course }}',
					options: { label: '={{ $("Input").item.json.course }}!' },
				},
				[{ json: { course: '101' } }, { json: { course: '202' } }],
			);

			expect(result.error).toBeUndefined();
			expect(result.output![0].map((item) => item.json)).toEqual([
				{
					course: '101',
					binaryPropertyName: 'data',
					options: { label: '101!' },
					limit: 10,
					typeVersion: 2,
					continueOnFail: false,
				},
				expect.objectContaining({ course: '202', options: { label: '202!' } }),
			]);
		});

		it('runs the type version asked for and reports continue on fail as set', async () => {
			const result = await probe({ operation: 'describe', options: { limit: 5 } }, [{}], {
				typeVersion: 1,
				continueOnFail: true,
			});

			expect(result.output![0][0].json).toMatchObject({
				typeVersion: 1,
				limit: 5,
				continueOnFail: true,
			});
		});
	});

	describe('failures', () => {
		const items = [{ json: { fail: false } }, { json: { fail: true } }, { json: { fail: false } }];
		const parameters = { operation: 'describe', shouldFail: '={{ $json.fail }}' };

		it('with continue on fail, turns the failed item into an error item', async () => {
			const result = await probe(parameters, items, { continueOnFail: true });

			expect(result.error).toBeUndefined();
			expect(result.output![0][1]).toEqual({
				json: { error: 'The probe was told to fail' },
				pairedItem: { item: 1 },
			});
			expect(result.output![0]).toHaveLength(3);
		});

		it('without continue on fail, hands back what execute() threw', async () => {
			const result = await probe(parameters, items);

			expect(result.output).toBeUndefined();
			expect(result.error).toBeInstanceOf(NodeOperationError);
			expect((result.error as NodeOperationError).context.itemIndex).toBe(1);
		});
	});

	it('captures what the node logs through this.logger and LoggerProxy', async () => {
		const result = await probe({ operation: 'hashFile' }, [textItem('logged')]);

		expect(result.logs).toEqual(
			expect.arrayContaining([
				{
					level: 'debug',
					message: 'Probe hashed the file',
					meta: expect.objectContaining({ itemIndex: 0, size: 6 }),
				},
				expect.objectContaining({ level: 'info', message: 'Probe reports through LoggerProxy' }),
			]),
		);
	});
});

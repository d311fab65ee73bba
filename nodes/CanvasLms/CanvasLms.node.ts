import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as quizSubmissionFile from './actions/quizSubmissionFile/QuizSubmissionFile.resource';
import { router } from './actions/router';

export class CanvasLms implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Canvas LMS',
		name: 'canvasLms',
		icon: { light: 'file:canvas.svg', dark: 'file:canvas.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Upload files into Canvas LMS quiz submissions',
		defaults: { name: 'Canvas LMS' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'canvasApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Quiz Submission File', value: 'quizSubmissionFile' }],
				default: 'quizSubmissionFile',
			},
			...quizSubmissionFile.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}

import type { INodeProperties } from 'n8n-workflow';

import * as upload from './upload.operation';

export const operations = { upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['quizSubmissionFile'] } },
		options: [
			{
				name: 'Upload',
				value: 'upload',
				action: 'Upload a quiz submission file',
				description: 'Upload a file into the quiz submission of the token’s user',
			},
		],
		default: 'upload',
	},
	...upload.description,
];

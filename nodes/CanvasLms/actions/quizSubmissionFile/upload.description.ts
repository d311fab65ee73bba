import type { INodeProperties } from 'n8n-workflow';

const showForUpload = { show: { resource: ['quizSubmissionFile'], operation: ['upload'] } };

export const uploadDescription: INodeProperties[] = [
	{
		displayName: 'Course ID',
		name: 'courseId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 123 or sis_course_id:BIO-101',
		description:
			'The course that holds the quiz: the number in its address (…/courses/123) or an SIS ID such as sis_course_id:BIO-101',
		displayOptions: showForUpload,
	},
	{
		displayName: 'Quiz ID',
		name: 'quizId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 45',
		description:
			'The Classic Quiz: the number in its address (…/quizzes/45). The token’s user must have started it.',
		displayOptions: showForUpload,
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field containing the file to be uploaded',
		displayOptions: showForUpload,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: showForUpload,
		options: [
			{
				displayName: 'Content Type',
				name: 'contentType',
				type: 'string',
				default: '',
				placeholder: 'e.g. application/pdf',
				description: 'MIME type to store the file with, instead of the one of the binary data',
			},
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				placeholder: 'e.g. essay.pdf',
				description: 'Name to store the file under, instead of the one of the binary data',
			},
			{
				displayName: 'First Retry Delay (Seconds)',
				name: 'retryDelaySeconds',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 1,
				description:
					'Wait before the first retry; each further retry waits about twice as long, at most a minute',
			},
			{
				displayName: 'Max Attempts',
				name: 'maxAttempts',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 10 },
				default: 5,
				description:
					'How often each step is tried when Canvas throttles, fails with a server error or the connection drops',
			},
			{
				displayName: 'On Duplicate',
				name: 'onDuplicate',
				type: 'options',
				options: [
					{
						name: 'Overwrite',
						value: 'overwrite',
						description: 'Replace a file of the same name',
					},
					{
						name: 'Rename',
						value: 'rename',
						description: 'Keep both, giving the new file a new name',
					},
				],
				default: 'overwrite',
				description: 'What Canvas does when a file of the same name exists',
			},
			{
				displayName: 'Timeout (Seconds)',
				name: 'timeoutSeconds',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 120,
				description:
					'How long Canvas or the storage host may stay silent before the attempt counts as failed',
			},
		],
	},
];

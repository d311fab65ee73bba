import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class CanvasApi implements ICredentialType {
	name = 'canvasApi';

	displayName = 'Canvas API';

	icon: Icon = {
		light: 'file:../nodes/CanvasLms/canvas.svg',
		dark: 'file:../nodes/CanvasLms/canvas.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-canvas-quiz-files/n8n-nodes-canvas-quiz-files#the-canvas-api-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://school.instructure.com',
			description:
				'The address you open Canvas at; a trailing slash or /api/v1 is fine. Use https: over plain http the token travels unencrypted.',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A token of the student whose quiz submission receives the files (Canvas: Account > Settings > New Access Token)',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.accessToken}}' },
		},
	};

	// The same trimming as the node applies: users paste the address with a trailing slash or
	// with the /api/v1 suffix of API examples.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.trim().replace(new RegExp("(/api/v1)?/*$", "i"), "")}}',
			url: '/api/v1/users/self',
		},
	};
}

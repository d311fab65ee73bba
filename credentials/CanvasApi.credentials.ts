import type {
	IAuthenticateGeneric,
	IAuthenticateRuleResponseCode,
	IAuthenticateRuleResponseSuccessBody,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

const CANVAS_ADDRESS_FIX =
	'enter the address you open Canvas at, such as https://school.instructure.com';

// n8n would follow a redirect with the token; a Base URL that redirects is named instead.
const REDIRECT_RULES: IAuthenticateRuleResponseCode[] = [301, 302, 303, 307, 308].map((value) => ({
	type: 'responseCode',
	properties: {
		value,
		message: `This Base URL redirects elsewhere, and the token is not sent there: ${CANVAS_ADDRESS_FIX}`,
	},
}));

const RESPONSE_CODE_RULES: IAuthenticateRuleResponseCode[] = [
	...REDIRECT_RULES,
	{
		type: 'responseCode',
		properties: {
			value: 401,
			message: 'Canvas rejected the access token: it may be mistyped, expired or revoked',
		},
	},
	{
		type: 'responseCode',
		properties: {
			value: 404,
			message: `No Canvas API answers at this Base URL: ${CANVAS_ADDRESS_FIX}`,
		},
	},
];

// A login page or another site answers 200 too, but not with the user's id.
const NOT_CANVAS_RULE: IAuthenticateRuleResponseSuccessBody = {
	type: 'responseSuccessBody',
	properties: {
		key: 'id',
		value: undefined,
		message: `This Base URL answered, but not as Canvas: ${CANVAS_ADDRESS_FIX}`,
	},
};

// n8n's credential tester reads both kinds of rule from one list, though its type names one.
const TEST_RULES = [
	...RESPONSE_CODE_RULES,
	NOT_CANVAS_RULE,
] as unknown as ICredentialTestRequest['rules'];

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
			disableFollowRedirect: true,
		},
		rules: TEST_RULES,
	};
}

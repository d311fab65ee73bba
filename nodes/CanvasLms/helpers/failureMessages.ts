import type { CanvasStepFailure } from '../protocol/failure';

export interface UserMessage {
	message: string;
	description: string;
}

const BASE_URL_FIX =
	"Set the credential's Base URL to the address you open Canvas at, for example " +
	'https://school.instructure.com.';
const TOKEN_FIX =
	'Check the Canvas API credential: the token may be mistyped, expired or revoked. ' +
	'A student creates one in Canvas under Account > Settings > New Access Token.';

/** The message and the fix a user sees for a failed step of the upload. */
export function describeFailure(failure: CanvasStepFailure): UserMessage {
	const { step, reason, details } = failure;
	const said = details.serverMessage ? `: ${details.serverMessage}` : '';
	const where = details.host ? ` at ${details.host}` : '';
	const stepName = STEP_NAMES[step];

	switch (reason) {
		case 'token-rejected':
			return { message: `Canvas rejected the access token${said}`, description: TOKEN_FIX };
		case 'not-permitted':
			return {
				message: 'Canvas refused the upload: this user may not submit this quiz',
				description:
					'The token must belong to the student who takes the quiz. Teachers and observers ' +
					'cannot upload quiz submission files, nor can a student while the quiz is locked.',
			};
		case 'not-found':
			return step === 'preflight'
				? {
						message: 'Canvas found no quiz submission to upload into',
						description:
							'Check Course ID and Quiz ID, and that it is a Classic Quiz (New Quizzes have no ' +
							"file endpoint). The file goes into the submission of the token's own user, so " +
							'that student must have started the quiz first.',
					}
				: {
						message: `Canvas could not find the uploaded file at the ${stepName}`,
						description: 'Run the item again; Canvas may have discarded the pending upload.',
					};
		case 'bad-request':
			return step === 'preflight'
				? {
						message: `Canvas refused the upload request${said}`,
						description: "Check the node's options: On Duplicate must be Overwrite or Rename.",
					}
				: {
						message: `Canvas refused the ${stepName}${said}`,
						description:
							'The confirmation link was already used or has expired. Run the item again.',
					};
		case 'throttled':
			return {
				message: `Canvas kept throttling the ${stepName}`,
				description:
					'Canvas limits how fast one token may call it. Raise Max Attempts, or spread the ' +
					'items out (for example Loop Over Items with a Wait node).',
			};
		case 'server-error':
			return {
				message: `${capitalize(hostLabel(step))} failed with HTTP ${details.status} at the ${stepName}`,
				description:
					'The service may be down or overloaded; the node retried as often as Max Attempts ' +
					'allows. Try again later.',
			};
		case 'network':
			return {
				message:
					`The connection to ${hostLabel(step)}${where} failed at the ${stepName} ` +
					`(${details.networkCode})`,
				description:
					'Check that n8n can reach this host (proxy, firewall, VPN). The node retried as ' +
					'often as Max Attempts allows.',
			};
		case 'timeout':
			return {
				message: `${capitalize(hostLabel(step))}${where} did not answer in time at the ${stepName}`,
				description: 'Raise the Timeout option, or try again when the service is less busy.',
			};
		case 'host-not-found':
			return { message: `The host${where} was not found`, description: BASE_URL_FIX };
		case 'html-answer':
			return {
				message: `Canvas answered the ${stepName} with a web page instead of JSON`,
				description: `The Base URL probably points at a login page or another site. ${BASE_URL_FIX}`,
			};
		case 'not-json':
			return {
				message: `Canvas's answer to the ${stepName} is not JSON`,
				description: `The Base URL may not point at Canvas. ${BASE_URL_FIX}`,
			};
		case 'storage-expired':
			return {
				message: `The storage host refused the upload's token as expired${said}`,
				description:
					'Canvas grants 10 minutes (inst-fs) or 30 minutes (S3) per upload; the node asked ' +
					'for fresh permission as often as Max Attempts allows. On a slow link, raise Max ' +
					'Attempts or upload smaller files.',
			};
		case 'storage-rejected':
			return {
				message: `The storage host rejected the file${storageSaid(failure)}`,
				description: storageFix(details.storageCode),
			};
		case 'off-origin':
			return {
				message: `Canvas sent the confirmation to another host${where}, which refused it`,
				description:
					"The token is only sent to the credential's Base URL. If Canvas is reached under " +
					`that other address, set the Base URL to it.`,
			};
		case 'redirected':
			return {
				message: `Canvas redirected the ${stepName} to ${details.host}`,
				description:
					`Set the credential's Base URL to ${details.host}, the address Canvas answers at. ` +
					'The node does not follow the redirect, so that the token goes nowhere else.',
			};
		case 'cancelled':
			return {
				message: `The execution was cancelled during the ${stepName}`,
				description: 'The upload was stopped before it finished. Run the item again to upload it.',
			};
		case 'unexpected-answer':
			return {
				message:
					`Canvas's answer to the ${stepName} was not what the upload protocol expects` + said,
				description:
					'Check that the Base URL points at Canvas and that the quiz is a Classic Quiz. If it ' +
					'persists, report it with the HTTP status shown.',
			};
	}
}

const STEP_NAMES: Record<CanvasStepFailure['step'], string> = {
	preflight: 'upload request',
	storage: 'file upload',
	confirm: 'upload confirmation',
	'file lookup': 'file lookup',
};

function hostLabel(step: CanvasStepFailure['step']): string {
	return step === 'storage' ? 'the storage host' : 'Canvas';
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function storageSaid({ details }: CanvasStepFailure): string {
	const parts = [details.storageCode, details.serverMessage].filter(Boolean);
	return parts.length ? `: ${parts.join(': ')}` : details.status ? ` (HTTP ${details.status})` : '';
}

function storageFix(code: string | undefined): string {
	if (code === 'EntityTooSmall') return 'The file is empty; Canvas storage needs at least 1 byte.';
	if (code === 'EntityTooLarge') return 'The file is larger than this Canvas accepts (S3: 10 GB).';
	return (
		'Canvas named this storage host for the upload and it refused. If it persists, ask the ' +
		"Canvas administrator to check the instance's file storage."
	);
}

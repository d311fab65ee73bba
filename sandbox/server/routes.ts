import { controlRoutes } from '../routes/control';
import { confirmUpload, showFile } from '../routes/files';
import { declareUpload } from '../routes/preflight';
import { answerQuestions } from '../routes/quiz-questions';
import {
	completeQuizSubmission,
	listQuizSubmissions,
	startQuizSubmission,
} from '../routes/quiz-submissions';
import { showSelf } from '../routes/users';
import { receiveInstfsUpload } from '../storage/instfs';
import { receiveLocalUpload } from '../storage/local';
import { receiveS3Upload } from '../storage/s3';
import type { RequestStep } from '../types';
import type { Exchange } from './exchange';

export interface Route {
	methods: string[];
	pattern: RegExp;
	step: RequestStep;
	handle: (exchange: Exchange) => Promise<void>;
}

const id = '[^/]+';
const course = `/api/v1/courses/(?<courseId>${id})/quizzes/(?<quizId>${id})`;

function route(methods: string, path: string, step: RequestStep, handle: Route['handle']): Route {
	return { methods: methods.split(','), pattern: new RegExp(`^${path}$`), step, handle };
}

export const apiRoutes: Route[] = [
	route('GET', '/api/v1/users/self', 'users-self', showSelf),
	route('POST', `${course}/submissions/self/files`, 'preflight', declareUpload),
	route('GET,POST', `/api/v1/files/(?<id>${id})/create_success`, 'create-success', confirmUpload),
	route('GET', `/api/v1/files/(?<id>${id})`, 'file-show', showFile),
	route('POST', `${course}/submissions`, 'quiz-submissions', startQuizSubmission),
	route('GET', `${course}/submissions`, 'quiz-submissions', listQuizSubmissions),
	route(
		'POST',
		`${course}/submissions/(?<id>${id})/complete`,
		'quiz-submissions',
		completeQuizSubmission,
	),
	route(
		'POST',
		`/api/v1/quiz_submissions/(?<id>${id})/questions`,
		'quiz-questions',
		answerQuestions,
	),
	route('POST', '/files_api', 'local-upload', receiveLocalUpload),
	route('GET', '/__sandbox', 'sandbox-control', controlRoutes.describe),
	route('GET', '/__sandbox/requests', 'sandbox-control', controlRoutes.requests),
	route('GET', '/__sandbox/attachments', 'sandbox-control', controlRoutes.attachments),
	route('GET', '/__sandbox/quiz-submissions', 'sandbox-control', controlRoutes.quizSubmissions),
	route('POST', '/__sandbox/reset', 'sandbox-control', controlRoutes.reset),
	route('POST', '/__sandbox/configure', 'sandbox-control', controlRoutes.configure),
	route('POST', '/__sandbox/faults', 'sandbox-control', controlRoutes.injectFault),
	route('DELETE', '/__sandbox/faults', 'sandbox-control', controlRoutes.clearFaults),
];

export const storageRoutes: Route[] = [
	route('POST', '/files', 'instfs-upload', receiveInstfsUpload),
	route('POST', '/(?<bucket>[a-z0-9.-]+)/?', 's3-upload', receiveS3Upload),
];

export function findRoute(routes: Route[], method: string, path: string) {
	for (const candidate of routes) {
		const match = candidate.pattern.exec(path);
		if (match && candidate.methods.includes(method))
			return { route: candidate, params: decodeParams(match.groups ?? {}) };
	}
	return undefined;
}

// Rails hands controllers decoded path segments, so sis_course_id%3AABC finds the course too.
function decodeParams(params: Record<string, string>) {
	const decoded: Record<string, string> = {};
	for (const [name, value] of Object.entries(params)) {
		try {
			decoded[name] = decodeURIComponent(value);
		} catch {
			decoded[name] = value;
		}
	}
	return decoded;
}

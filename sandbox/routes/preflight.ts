import { answerMessage, answerNotFound, answerUnauthorized } from '../render/canvas-errors';
import { inferContentType } from '../render/mime';
import { isSeedCourse, seedQuizzes } from '../seed';
import { readApiBody } from '../server/body';
import type { Exchange } from '../server/exchange';
import { authenticate } from './auth';
import { preflightAnswer } from './preflight-answer';

const duplicateOptions = ['overwrite', 'rename'];

/**
 * POST /api/v1/courses/:courseId/quizzes/:quizId/submissions/self/files, checked in Canvas's
 * order: user, course, quiz, the user's quiz submission (404 before any permission check),
 * the :submit permission, then the generic preflight parameters.
 */
export async function declareUpload(exchange: Exchange) {
	const params = await readParams(exchange);
	const user = authenticate(exchange);
	if (!user) return;
	const { courseId, quizId } = exchange.routeParams;
	const quiz = seedQuizzes.find((candidate) => candidate.id === quizId);
	const submission = quiz && exchange.sandbox.quizSubmissions.forUser(quiz.id, user.id);
	if (!isSeedCourse(courseId) || !quiz || !submission) return answerNotFound(exchange);
	if (!user.mayParticipate) return answerUnauthorized(exchange);

	if ((params.parent_folder_path || params.folder) && params.parent_folder_id) {
		return answerMessage(exchange, 400, "Can't set folder path and folder id");
	}
	if (params.parent_folder_id) {
		return answerMessage(exchange, 404, 'The specified resource does not exist.');
	}
	const onDuplicate = params.on_duplicate === undefined ? 'overwrite' : String(params.on_duplicate);
	if (!duplicateOptions.includes(onDuplicate)) {
		return answerMessage(exchange, 400, 'invalid on_duplicate option');
	}
	const name = fileName(params);
	if (!name) {
		return exchange.canvasJson(400, { errors: [{ message: 'name is missing' }] });
	}

	const contentType = inferContentType(params.content_type, name);
	const declared = { name, contentType, onDuplicate, user, submission };
	exchange.canvasJson(200, { attachments: [preflightAnswer(exchange.sandbox, declared)] });
}

async function readParams(exchange: Exchange) {
	const body = await readApiBody(exchange.req);
	if (body.json !== undefined) exchange.record.json = body.json;
	if (body.multipart) exchange.record.multipart = body.multipart;
	const params: Record<string, unknown> = {};
	for (const [key, value] of exchange.url.searchParams)
		if (key !== 'access_token') params[key] = value;
	return { ...params, ...body.params };
}

function fileName(params: Record<string, unknown>) {
	for (const key of ['name', 'filename']) {
		const value = params[key];
		if (typeof value === 'string' && value !== '') return value;
	}
	if (typeof params.url === 'string') {
		return decodeURIComponent(new URL(params.url, 'http://x').pathname.split('/').pop() ?? '');
	}
	return undefined;
}

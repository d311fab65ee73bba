import { answerNotFound, answerRequestError } from '../render/canvas-errors';
import { quizSubmissionJson } from '../render/quiz-submission-json';
import type { Exchange } from '../server/exchange';
import type { SandboxQuizSubmission } from '../types';
import { quizContext, sameAttempt } from './quiz-context';

function answerSubmissions(exchange: Exchange, submissions: SandboxQuizSubmission[]) {
	const apiUrl = exchange.sandbox.apiUrl;
	const json = submissions.map((submission) => quizSubmissionJson(submission, apiUrl));
	exchange.canvasJson(200, { quiz_submissions: json });
}

/** POST .../quizzes/:quizId/submissions: starts the user's attempt. */
export async function startQuizSubmission(exchange: Exchange) {
	const context = await quizContext(exchange);
	if (!context) return;
	const store = exchange.sandbox.quizSubmissions;
	if (!context.user.mayParticipate) {
		return answerRequestError(exchange, 403, 'you are not allowed to participate in this quiz');
	}
	if (store.forUser(context.quiz.id, context.user.id)) {
		return answerRequestError(exchange, 409, 'a quiz submission already exists');
	}
	answerSubmissions(exchange, [store.start(context.quiz.id, context.user.id)]);
}

/** GET .../quizzes/:quizId/submissions: students see their own, teachers all. */
export async function listQuizSubmissions(exchange: Exchange) {
	const context = await quizContext(exchange);
	if (!context) return;
	const forQuiz = exchange.sandbox.quizSubmissions.all.filter(
		(submission) => submission.quizId === context.quiz.id && submission.workflowState !== 'preview',
	);
	const visible = context.user.mayParticipate
		? forQuiz.filter((submission) => submission.userId === context.user.id)
		: forQuiz;
	answerSubmissions(exchange, visible);
}

/** POST .../quizzes/:quizId/submissions/:id/complete: turns the attempt in for grading. */
export async function completeQuizSubmission(exchange: Exchange) {
	const context = await quizContext(exchange);
	if (!context) return;
	const submission = exchange.sandbox.quizSubmissions.find(exchange.routeParams.id);
	if (!submission || submission.quizId !== context.quiz.id) return answerNotFound(exchange);
	if (submission.userId !== context.user.id || submission.workflowState === 'preview') {
		return answerRequestError(
			exchange,
			403,
			'you are not allowed to complete this quiz submission',
		);
	}
	if (submission.workflowState !== 'untaken') {
		return answerRequestError(exchange, 400, 'quiz submission is already complete');
	}
	if (!sameAttempt(context.params.attempt, submission.attempt)) {
		return answerRequestError(exchange, 400, 'invalid attempt');
	}
	if (context.params.validation_token !== submission.validationToken) {
		return answerRequestError(exchange, 403, 'invalid token');
	}
	// A file upload question needs a human grader, so the attempt waits for review.
	submission.workflowState = 'pending_review';
	submission.finishedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
	answerSubmissions(exchange, [submission]);
}

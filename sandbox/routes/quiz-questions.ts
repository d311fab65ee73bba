import { answerNotFound, answerRequestError } from '../render/canvas-errors';
import { seedQuizzes } from '../seed';
import type { Exchange } from '../server/exchange';
import type { SandboxQuizSubmission } from '../types';
import { authenticate } from './auth';
import { readParamsOf, sameAttempt } from './quiz-context';

interface QuestionAnswer {
	id: string;
	answer: unknown;
}

/**
 * POST /api/v1/quiz_submissions/:id/questions: answers questions of an untaken attempt. A
 * file upload answer is an attachment id, kept as `question_<id>: [id]` like Canvas's
 * serializer; Canvas does not check that the attachment exists, and neither does this.
 */
export async function answerQuestions(exchange: Exchange) {
	const params = await readParamsOf(exchange);
	const user = authenticate(exchange);
	if (!user) return;
	const submission = exchange.sandbox.quizSubmissions.find(exchange.routeParams.id);
	if (!submission) return answerNotFound(exchange);
	if (submission.userId !== user.id || submission.workflowState === 'preview') {
		const message = 'you are not allowed to update questions for this quiz submission';
		return answerRequestError(exchange, 403, message);
	}
	if (submission.workflowState !== 'untaken') {
		return answerRequestError(exchange, 400, 'quiz submission is already complete');
	}
	if (!sameAttempt(params.attempt, submission.attempt)) {
		const attempt = Number(params.attempt);
		const message =
			Number.isInteger(attempt) && attempt > 0
				? `attempt ${attempt} can not be modified`
				: 'invalid attempt';
		return answerRequestError(exchange, 400, message);
	}
	if (params.validation_token !== submission.validationToken) {
		return answerRequestError(exchange, 403, 'invalid token');
	}
	const answers = questionAnswers(params.quiz_questions);
	const questionIds = seedQuizzes.find((quiz) => quiz.id === submission.quizId)?.questionIds ?? [];
	if (!answers || answers.some((answer) => !questionIds.includes(answer.id))) {
		return answerNotFound(exchange);
	}
	for (const answer of answers) submission.answers[`question_${answer.id}`] = [answer.answer];
	const questions = answers.map((answer) => ({
		id: answer.id,
		flagged: false,
		answer: storedAnswer(submission, answer.id),
	}));
	exchange.canvasJson(200, { quiz_submission_questions: questions });
}

function questionAnswers(given: unknown): QuestionAnswer[] | undefined {
	if (!Array.isArray(given)) return undefined;
	const answers = given.map((entry) => ({ id: String(entry?.id ?? ''), answer: entry?.answer }));
	return answers.every((answer) => answer.id !== '') ? answers : undefined;
}

/** Reading back yields the first non-blank attachment id as a string, or null. */
function storedAnswer(submission: SandboxQuizSubmission, questionId: string) {
	const stored = submission.answers[`question_${questionId}`] ?? [];
	const first = stored.find((value) => value !== null && value !== undefined && value !== '');
	return first === undefined ? null : String(first);
}

import { answerNotFound } from '../render/canvas-errors';
import { isSeedCourse, seedQuizzes, type SandboxQuiz, type SandboxUser } from '../seed';
import { readApiBody } from '../server/body';
import type { Exchange } from '../server/exchange';
import { authenticate } from './auth';

export interface QuizContext {
	user: SandboxUser;
	quiz: SandboxQuiz;
	params: Record<string, unknown>;
}

/** Reads the body, then checks user, course and quiz; answers itself and returns undefined. */
export async function quizContext(exchange: Exchange): Promise<QuizContext | undefined> {
	const params = await readParamsOf(exchange);
	const user = authenticate(exchange);
	if (!user) return undefined;
	const quiz = seedQuizzes.find((candidate) => candidate.id === exchange.routeParams.quizId);
	if (!isSeedCourse(exchange.routeParams.courseId) || !quiz) {
		answerNotFound(exchange);
		return undefined;
	}
	return { user, quiz, params };
}

export async function readParamsOf(exchange: Exchange) {
	const body = await readApiBody(exchange.req);
	if (body.json !== undefined) exchange.record.json = body.json;
	if (body.multipart) exchange.record.multipart = body.multipart;
	const query = Object.fromEntries(exchange.url.searchParams);
	return { ...query, ...body.params } as Record<string, unknown>;
}

/** Canvas compares attempt and validation_token as strings from any body format. */
export function sameAttempt(given: unknown, attempt: number) {
	return given !== undefined && given !== null && String(given) === String(attempt);
}

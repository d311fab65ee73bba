import { startCanvasSandbox, type CanvasSandbox } from '../../sandbox';
import { asStudent, declare, parseJson, preflightUrl, send } from './http-helpers';

let sandbox: CanvasSandbox;

beforeAll(async () => {
	sandbox = await startCanvasSandbox();
});
afterEach(() => sandbox.reset());
afterAll(() => sandbox.close());

function quizUrl(quizId: string, rest = '') {
	const { courseId } = sandbox.seed;
	return `${sandbox.apiUrl}/api/v1/courses/${courseId}/quizzes/${quizId}/submissions${rest}`;
}

function postJson(url: string, body: unknown, token = sandbox.seed.studentToken) {
	return send(url, {
		method: 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
}

function answerFileQuestion(body: Record<string, unknown> = {}) {
	const { quizSubmissionId, attempt, validationToken, questionId } = sandbox.seed;
	return postJson(`${sandbox.apiUrl}/api/v1/quiz_submissions/${quizSubmissionId}/questions`, {
		attempt,
		validation_token: validationToken,
		quiz_questions: [{ id: questionId, answer: '5001' }],
		...body,
	});
}

describe('starting a quiz submission', () => {
	it('answers 409 when the student already has one', async () => {
		const answer = await postJson(quizUrl(sandbox.seed.quizId), {});

		expect(answer.status).toBe(409);
		expect(parseJson(answer)).toEqual({
			status: 'conflict',
			message: 'a quiz submission already exists',
		});
	});

	it('starts an untaken attempt, after which the quiz takes uploads', async () => {
		const quizId = sandbox.seed.unstartedQuizId;
		const started = await postJson(quizUrl(quizId), {});
		const preflight = await send(preflightUrl(sandbox, quizId), {
			method: 'POST',
			headers: asStudent(sandbox, { 'content-type': 'application/json' }),
			body: '{"name":"late.pdf"}',
		});

		expect(started.status).toBe(200);
		expect(parseJson(started).quiz_submissions[0]).toMatchObject({
			quiz_id: 205,
			user_id: 1001,
			attempt: 1,
			workflow_state: 'untaken',
			validation_token: expect.stringMatching(/^[0-9a-f]{64}$/),
		});
		expect(preflight.status).toBe(200);
	});

	it('refuses the teacher, who may not participate', async () => {
		const answer = await postJson(
			quizUrl(sandbox.seed.unstartedQuizId),
			{},
			sandbox.seed.teacherToken,
		);

		expect(answer.status).toBe(403);
	});
});

describe('listing quiz submissions', () => {
	it("shows the student's own untaken submission with its attempt and validation token", async () => {
		const answer = await send(quizUrl(sandbox.seed.quizId), { headers: asStudent(sandbox) });

		expect(parseJson(answer).quiz_submissions).toEqual([
			expect.objectContaining({
				id: 404,
				attempt: 1,
				validation_token: sandbox.seed.validationToken,
				workflow_state: 'untaken',
			}),
		]);
	});
});

describe('answering the file upload question', () => {
	it('stores the attachment id and reads it back as a string', async () => {
		const answer = await answerFileQuestion();

		expect(answer.status).toBe(200);
		expect(parseJson(answer)).toEqual({
			quiz_submission_questions: [{ id: 303, flagged: false, answer: '5001' }],
		});
		expect(sandbox.quizSubmissions[0].answers).toEqual({ question_303: ['5001'] });
	});

	it('checks the attempt and the validation token', async () => {
		const wrongAttempt = await answerFileQuestion({ attempt: 2 });
		const wrongToken = await answerFileQuestion({ validation_token: 'guess' });

		expect(wrongAttempt.status).toBe(400);
		expect(parseJson(wrongAttempt).message).toBe('attempt 2 can not be modified');
		expect(wrongToken.status).toBe(403);
		expect(parseJson(wrongToken)).toEqual({ status: 'forbidden', message: 'invalid token' });
	});

	it('answers 404 for an unknown quiz submission or question', async () => {
		const unknownSubmission = await postJson(
			`${sandbox.apiUrl}/api/v1/quiz_submissions/9/questions`,
			{},
		);
		const unknownQuestion = await answerFileQuestion({
			quiz_questions: [{ id: '999', answer: '1' }],
		});

		expect([unknownSubmission.status, unknownQuestion.status]).toEqual([404, 404]);
	});
});

describe('completing the quiz submission', () => {
	it('leaves it pending review, after which answers are refused as complete', async () => {
		await answerFileQuestion();
		const { quizSubmissionId, attempt, validationToken, quizId } = sandbox.seed;
		const completed = await postJson(quizUrl(quizId, `/${quizSubmissionId}/complete`), {
			attempt,
			validation_token: validationToken,
		});
		const lateAnswer = await answerFileQuestion();

		expect(completed.status).toBe(200);
		expect(parseJson(completed).quiz_submissions[0].workflow_state).toBe('pending_review');
		expect(lateAnswer.status).toBe(400);
		expect(parseJson(lateAnswer).message).toBe('quiz submission is already complete');
	});

	it('still accepts a file preflight after completion, as Canvas does', async () => {
		const { quizSubmissionId, attempt, validationToken, quizId } = sandbox.seed;
		await postJson(quizUrl(quizId, `/${quizSubmissionId}/complete`), {
			attempt,
			validation_token: validationToken,
		});

		expect((await declare(sandbox)).answer.status).toBe(200);
	});
});

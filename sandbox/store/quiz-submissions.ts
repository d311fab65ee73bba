import { randomBytes } from 'node:crypto';

import { seedQuizSubmissions } from '../seed';
import type { SandboxQuizSubmission } from '../types';

/** Quiz submissions by user and quiz, starting from the seed. */
export class QuizSubmissionStore {
	all: SandboxQuizSubmission[] = seedQuizSubmissions();
	private nextId = 406;

	forUser(quizId: string, userId: string) {
		return this.all.find((qs) => qs.quizId === quizId && qs.userId === userId);
	}

	find(id: string) {
		return this.all.find((qs) => qs.id === id);
	}

	start(quizId: string, userId: string): SandboxQuizSubmission {
		const submission: SandboxQuizSubmission = {
			id: String(this.nextId++),
			quizId,
			userId,
			attempt: 1,
			validationToken: randomBytes(32).toString('hex'),
			workflowState: 'untaken',
			startedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
			finishedAt: null,
			answers: {},
		};
		this.all.push(submission);
		return submission;
	}

	reset() {
		this.all = seedQuizSubmissions();
		this.nextId = 406;
	}
}

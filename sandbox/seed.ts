import type { SandboxQuizSubmission } from './types';

export interface SandboxUser {
	id: string;
	name: string;
	sortableName: string;
	token: string;
	mayParticipate: boolean;
}

export interface SandboxQuiz {
	id: string;
	title: string;
	questionIds: string[];
}

export interface SandboxSeed {
	studentToken: string;
	studentUserId: string;
	studentName: string;
	teacherToken: string;
	teacherUserId: string;
	courseId: string;
	courseSisId: string;
	quizId: string;
	quizTitle: string;
	questionId: string;
	quizSubmissionId: string;
	attempt: number;
	validationToken: string;
	/** A quiz the student has not started, so its preflight answers 404. */
	unstartedQuizId: string;
}

export const sandboxSeed: SandboxSeed = Object.freeze({
	studentToken: 'sandbox-student-token',
	studentUserId: '1001',
	studentName: 'Sandbox Student',
	teacherToken: 'sandbox-teacher-token',
	teacherUserId: '1002',
	courseId: '101',
	courseSisId: 'sis_course_id:SANDBOX-101',
	quizId: '202',
	quizTitle: 'File upload quiz',
	questionId: '303',
	quizSubmissionId: '404',
	attempt: 1,
	validationToken: 'a8f5f167f44f4964e6c998dee827110c53a1b0b6d3b1e4f29b4c1a3d0e9f7a21',
	unstartedQuizId: '205',
});

export const seedUsers: readonly SandboxUser[] = [
	{
		id: sandboxSeed.studentUserId,
		name: sandboxSeed.studentName,
		sortableName: 'Student, Sandbox',
		token: sandboxSeed.studentToken,
		mayParticipate: true,
	},
	{
		id: sandboxSeed.teacherUserId,
		name: 'Sandbox Teacher',
		sortableName: 'Teacher, Sandbox',
		token: sandboxSeed.teacherToken,
		mayParticipate: false,
	},
];

export const seedQuizzes: readonly SandboxQuiz[] = [
	{ id: sandboxSeed.quizId, title: sandboxSeed.quizTitle, questionIds: [sandboxSeed.questionId] },
	{ id: sandboxSeed.unstartedQuizId, title: 'Quiz not started yet', questionIds: ['306'] },
];

const startedAt = '2026-01-05T09:00:00Z';

// The teacher holds a preview submission: without one Canvas answers 404 before it ever
// checks the :submit permission, and the permission answer could not be seen.
export function seedQuizSubmissions(): SandboxQuizSubmission[] {
	return [
		{
			id: sandboxSeed.quizSubmissionId,
			quizId: sandboxSeed.quizId,
			userId: sandboxSeed.studentUserId,
			attempt: sandboxSeed.attempt,
			validationToken: sandboxSeed.validationToken,
			workflowState: 'untaken',
			startedAt,
			finishedAt: null,
			answers: {},
		},
		{
			id: '405',
			quizId: sandboxSeed.quizId,
			userId: sandboxSeed.teacherUserId,
			attempt: 1,
			validationToken: '5d41402abc4b2a76b9719d911017c592ae5f3c1d2b7e8a9f0c6d4e3b2a1f0e9d',
			workflowState: 'preview',
			startedAt,
			finishedAt: null,
			answers: {},
		},
	];
}

export function isSeedCourse(courseId: string): boolean {
	return courseId === sandboxSeed.courseId || courseId === sandboxSeed.courseSisId;
}

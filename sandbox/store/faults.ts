import type { FaultAction, FaultSpec, FaultStep, RequestStep } from '../types';

const faultSteps: readonly FaultStep[] = [
	'preflight',
	'upload',
	'confirm',
	'file-show',
	'users-self',
];

const stepOfRequest: Partial<Record<RequestStep, FaultStep>> = {
	preflight: 'preflight',
	'instfs-upload': 'upload',
	's3-upload': 'upload',
	'local-upload': 'upload',
	'create-success': 'confirm',
	'file-show': 'file-show',
	'users-self': 'users-self',
};

interface ArmedFault {
	spec: FaultSpec;
	firstCall: number;
	lastCall: number;
}

/** Injected faults; calls are counted per step from the moment each fault was injected. */
export class FaultBook {
	private armed: ArmedFault[] = [];
	private calls = new Map<FaultStep, number>();

	inject(spec: FaultSpec) {
		validateFault(spec);
		const seen = this.calls.get(spec.step) ?? 0;
		const firstCall = seen + (spec.call ?? 1);
		this.armed.push({ spec, firstCall, lastCall: firstCall + (spec.times ?? 1) - 1 });
	}

	/** Counts the call and answers the action of the first fault that covers it. */
	take(step: RequestStep): { step: FaultStep; action: FaultAction } | undefined {
		const faultStep = stepOfRequest[step];
		if (!faultStep) return undefined;
		const call = (this.calls.get(faultStep) ?? 0) + 1;
		this.calls.set(faultStep, call);
		const hit = this.armed.find(
			(fault) => fault.spec.step === faultStep && call >= fault.firstCall && call <= fault.lastCall,
		);
		return hit && { step: faultStep, action: hit.spec.action };
	}

	clear() {
		this.armed = [];
	}

	reset() {
		this.armed = [];
		this.calls.clear();
	}
}

function validateFault(spec: FaultSpec) {
	if (!faultSteps.includes(spec?.step)) {
		throw new Error(`Fault step must be one of ${faultSteps.join(', ')}`);
	}
	for (const field of ['call', 'times'] as const) {
		const value = spec[field];
		if (value !== undefined && !(Number.isInteger(value) && value >= 1)) {
			throw new Error(`Fault ${field} must be a whole number from 1`);
		}
	}
	const action = spec.action;
	if (action?.kind === 'slow-read' && spec.step !== 'upload') {
		throw new Error('A slow-read fault applies to the upload step only');
	}
	const valid =
		(action?.kind === 'status' && Number.isInteger(action.status) && action.status >= 100) ||
		(action?.kind === 'delay' && Number.isFinite(action.ms) && action.ms >= 0) ||
		(action?.kind === 'slow-read' && action.bytesPerSecond > 0) ||
		action?.kind === 'reset' ||
		action?.kind === 'lose-answer' ||
		action?.kind === 'throttle' ||
		action?.kind === 'expired';
	if (!valid)
		throw new Error(
			'Fault action must be status, reset, lose-answer, delay, slow-read, throttle or expired',
		);
}

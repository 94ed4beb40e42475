/**
 * Access IDs (sockets) of the demo world, which the ON-API simulator serves too:
 * SNDEMO-A0001 … SNDEMO-A0030 and FIBNORR-1001 … FIBNORR-1030.
 */

export const ACCESSES_PER_OPERATOR = 30;
/** Number 13 is the trouble access on both operators (conflict on SNDEMO, splice failure on FIBNORR). */
export const TROUBLE_ACCESS_NUMBER = 13;

export function sndemoAccess(number: number): string {
	return `SNDEMO-A${String(number).padStart(4, '0')}`;
}

export function fibnorrAccess(number: number): string {
	return `FIBNORR-${1000 + number}`;
}

/**
 * The n-th automatically assigned access: alternates between the operators and walks through
 * the accesses, skipping the trouble accesses so bulk-created orders go through cleanly.
 */
export function autoAccess(n: number): string {
	const operatorTurn = n % 2;
	const usable = ACCESSES_PER_OPERATOR - 1;
	let number = (Math.floor(n / 2) % usable) + 1;
	if (number >= TROUBLE_ACCESS_NUMBER) number += 1;
	return operatorTurn === 0 ? sndemoAccess(number) : fibnorrAccess(number);
}

/** City of a demo access, for made-up customer addresses. */
export function cityOfAccess(socket: string): 'Demostad' | 'Norrby' {
	return socket.startsWith('FIBNORR-') ? 'Norrby' : 'Demostad';
}

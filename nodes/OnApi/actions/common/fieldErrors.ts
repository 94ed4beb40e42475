/** Bad input stops the item before any request, with an error that names the field. */
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';
import { normaliseOnApiId } from '../../helpers/formats';
import type { FieldProblem } from '../../helpers/onApiTypes';

export function throwIfProblems(this: IExecuteFunctions, problems: FieldProblem[], itemIndex: number): void {
	if (problems.length === 0) return;
	const [first, ...others] = problems;
	throw new NodeOperationError(this.getNode(), `Invalid field "${first.field}": ${first.message}`, {
		itemIndex,
		description: others.length > 0 ? `Also: ${others.map((problem) => problem.message).join('; ')}` : undefined,
	});
}

/** A required ON-API ID parameter, e.g. accessId or orderId. */
export function requireId(this: IExecuteFunctions, field: string, value: unknown, itemIndex: number): string {
	const id = normaliseOnApiId(value);
	if (id === undefined) {
		const shown = value === undefined || value === null || value === '' ? 'empty' : `"${String(value)}"`;
		throwIfProblems.call(
			this,
			[{ field, message: `${field} must be an ON-API ID: 1 to 36 characters, only letters, digits, '-' and '.' (got ${shown})` }],
			itemIndex,
		);
	}
	return id as string;
}

/** An optional ON-API ID parameter: undefined when left empty. */
export function optionalId(this: IExecuteFunctions, field: string, value: unknown, itemIndex: number): string | undefined {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
	return requireId.call(this, field, value, itemIndex);
}

/** The shape every operation module has: its fields, and how it runs for one input item. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { OnApiConnection } from '../transport/connection';

export type OperationExecute = (
	this: IExecuteFunctions,
	itemIndex: number,
	connection: OnApiConnection,
) => Promise<IDataObject[]>;

export interface OperationModule {
	description: INodeProperties[];
	execute: OperationExecute;
	/** Stadsnätsportalen serves this operation (its ON-API is read-only endpoints and accesses). */
	availableOnPortal?: boolean;
}

/** The resource's modules, each marked as one Stadsnätsportalen serves too. */
export function servedOnPortal(modules: Record<string, OperationModule>): Record<string, OperationModule> {
	return Object.fromEntries(Object.entries(modules).map(([name, module]) => [name, { ...module, availableOnPortal: true }]));
}

/** The values Orders 1.0 knows for an order's status and a message's type (spec §3). */
export const ORDER_STATUSES = ['new', 'received', 'active', 'waiting', 'cancelled', 'delivered'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const MESSAGE_TYPES = ['error', 'alert', 'system', 'log'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

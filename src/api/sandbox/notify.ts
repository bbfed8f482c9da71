/**
 * Sends a link's webhook notification as the service would: a signed JSON
 * POST to the link's notificationUrl.
 *
 *   signature = sha256_hex( linkId + status.status + status.date + secretKey )
 */
import { signNotification } from '../notification.js';
import type { Notification } from '../types.js';
import type { StoredLink } from './store.js';

export type NotifyEvent = 'PAID' | 'EXPIRED';

export const NOTIFY_EVENTS: readonly NotifyEvent[] = ['PAID', 'EXPIRED'];

/** The published material names the events, not their reasons or wording: these are the sandbox's own. */
const EVENT_TEXT: Record<NotifyEvent, { reason: string; message: string }> = {
  PAID: { reason: '00', message: 'El link de pago recibió un pago aprobado' },
  EXPIRED: { reason: 'EX', message: 'El link de pago ha expirado' },
};

/** How long a receiver may take to answer before the sandbox gives up. */
const RECEIVER_TIMEOUT_MS = 10_000;

export function buildNotification(link: StoredLink, event: NotifyEvent, date: string, secretKey: string): Notification {
  const { reason, message } = EVENT_TEXT[event];
  return {
    status: { status: event, reason, message, date },
    linkId: link.id,
    reference: link.reference,
    signature: signNotification({ linkId: link.id, status: event, date }, secretKey),
  };
}

export interface Delivery {
  receiverStatus: number;
  receiverBody: string;
}

/** POSTs the notification; throws (with no secret in the message) when the receiver cannot be reached. */
export async function deliver(url: string, notification: Notification, closing: AbortSignal): Promise<Delivery> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(notification),
    signal: AbortSignal.any([closing, AbortSignal.timeout(RECEIVER_TIMEOUT_MS)]),
  });
  // Receivers answer a few bytes; cap what is echoed back so a huge page cannot flood the control answer.
  const text = await response.text();
  return { receiverStatus: response.status, receiverBody: text.slice(0, 2000) };
}

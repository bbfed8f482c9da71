/**
 * A stored link as the query endpoint shows it (the published example's
 * camelCase), or with the four fields the schema's `required` list spells in
 * snake_case, for clients that must tolerate both.
 */
import type { StoredLink } from './store.js';
import { availablePayments, linkStatus } from './store.js';
import { formatInZone } from './site-time.js';

const SNAKE_NAMES: Record<string, string> = {
  expirationDate: 'expiration_date',
  totalPayments: 'total_payments',
  availablePayments: 'available_payments',
  paymentExpiration: 'payment_expiration',
};

export interface ViewOptions {
  now: Date;
  timeZone: string;
  site: { id: number; name: string };
  queryCase: 'camel' | 'snake';
}

export function queryView(link: StoredLink, options: ViewOptions): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: link.id,
    status: linkStatus(link, options.now),
    url: link.url,
    expirationDate: formatInZone(link.expiresAt, options.timeZone),
    name: link.name,
    reference: link.reference,
    description: link.description,
    // Unlimited links (no paymentsAllowed) have no count to show: null, not a made-up number.
    totalPayments: link.paymentsAllowed,
    availablePayments: availablePayments(link),
    paymentExpiration: link.paymentExpiration,
    // The stored total is String() of the JSON number received (or a numeric string): Number() reads it back exactly.
    amount: { currency: link.currency, total: Number(link.total), taxes: link.taxes },
    site: options.site,
    notificationUrl: link.notificationUrl,
    locale: link.locale,
    allowedPaymentMethods: link.paymentMethods,
    metadata: link.metadata,
    payments: link.payments,
    isGeneric: link.isGeneric,
    skipResult: link.skipResult,
    recipients: link.recipients,
  };
  if (options.queryCase === 'camel') return view;
  return Object.fromEntries(Object.entries(view).map(([key, value]) => [SNAKE_NAMES[key] ?? key, value]));
}

/** The raw record for `GET /__sandbox/links/{id}`: every stored fact plus the computed status. */
export function rawView(link: StoredLink, now: Date): Record<string, unknown> {
  return { ...link, status: linkStatus(link, now), availablePayments: availablePayments(link) };
}

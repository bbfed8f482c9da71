/**
 * The sandbox's links: ids, state and payments, in memory.
 *
 * Status is computed on every read from the stored facts and the clock, so a
 * link expires by itself when its date passes, as on the real service.
 *
 * Status rules (the published material states only the three values):
 * - disabled through the API                            → INACTIVE
 * - approved payments reached `paymentsAllowed`         → INACTIVE, availablePayments 0
 *   (the link is closed at its last payment, before its date; the most
 *   plausible reading of "Number of payments available").
 * - expired by the control endpoint or by its date      → EXPIRED
 * - otherwise                                           → ACTIVE
 * INACTIVE wins over EXPIRED: a link closed before its date stays closed.
 */
import { createHash } from 'node:crypto';
import type { LinkStatus, Recipient } from '../types.js';

export interface StoredTax {
  kind: string;
  amount: number;
  base?: number;
}

/** What a valid create request becomes (check-create builds it). */
export interface NewLink {
  name: string;
  reference: string;
  description: string;
  /** As sent, `Y-m-d H:i:s`. */
  expirationText: string;
  expiresAt: Date;
  paymentExpiration: number;
  currency: string;
  /** The total as a decimal string: String() of the JSON number, or the numeric string as sent. */
  total: string;
  taxes: StoredTax[];
  paymentsAllowed: number | null;
  notificationUrl: string | null;
  locale: string;
  paymentMethods: string[];
  recipients: Recipient[];
  metadata: Record<string, unknown>;
  isGeneric: boolean;
  skipResult: boolean;
}

export interface StoredPayer {
  name?: string;
  surname?: string;
  email?: string;
  phone?: string;
  document?: string;
  documentType?: string;
}

export interface StoredPayment {
  id: number;
  requestId: number;
  status: 'APPROVED';
  message: string;
  processUrl: string;
  amount: { currency: string; total: string };
  receipt: string;
  franchise: string;
  paymentMethod: string;
  /** ISO 8601 with the site's offset. */
  paymentDate: string;
  internalReference: number;
  authorization: string;
  issuerName: string;
  lastDigits: string;
  installments: number;
  payer: StoredPayer;
}

export interface StoredLink extends NewLink {
  id: number;
  url: string;
  createdAt: Date;
  disabled: boolean;
  /** Set by `POST /__sandbox/links/{id}/expire`. */
  expiredByControl: boolean;
  payments: StoredPayment[];
}

export type Lookup = { kind: 'own'; link: StoredLink } | { kind: 'foreign' } | { kind: 'missing' };

export class LinkStore {
  private readonly links = new Map<number, StoredLink>();
  private readonly foreign: Set<number>;
  private nextId: number;
  private paymentSeq = 0;

  constructor(
    private readonly baseUrl: string,
    firstId: number,
    foreignIds: readonly number[],
  ) {
    this.nextId = firstId;
    this.foreign = new Set(foreignIds);
  }

  create(input: NewLink, now: Date): StoredLink {
    // Ids are incremental site-wide; ids taken by another site are skipped, never reused.
    while (this.foreign.has(this.nextId)) this.nextId += 1;
    const id = this.nextId;
    this.nextId += 1;
    const link: StoredLink = {
      ...input,
      id,
      url: `${this.baseUrl}/link/show?genid=${id}&code=${linkCode(id)}`,
      createdAt: now,
      disabled: false,
      expiredByControl: false,
      payments: [],
    };
    this.links.set(id, link);
    return link;
  }

  find(id: number): Lookup {
    const link = this.links.get(id);
    if (link !== undefined) return { kind: 'own', link };
    return this.foreign.has(id) ? { kind: 'foreign' } : { kind: 'missing' };
  }

  /** Records an approved payment; the caller checks that the link is ACTIVE. */
  pay(link: StoredLink, fields: { total: string; paymentDate: string; payer: StoredPayer }): StoredPayment {
    this.paymentSeq += 1;
    const seq = this.paymentSeq;
    const requestId = 80_000 + seq;
    const payment: StoredPayment = {
      id: seq,
      requestId,
      status: 'APPROVED',
      message: 'La petición ha sido aprobada exitosamente',
      processUrl: `${this.baseUrl}/checkout/session/${requestId}/${linkCode(requestId)}`,
      amount: { currency: link.currency, total: fields.total },
      receipt: String(240_000 + seq),
      franchise: 'DF_VS',
      paymentMethod: 'visa',
      paymentDate: fields.paymentDate,
      internalReference: seq,
      authorization: String(seq).padStart(6, '0'),
      issuerName: 'BANCO DE PRUEBAS SANDBOX',
      lastDigits: '1111',
      installments: 1,
      payer: fields.payer,
    };
    link.payments.push(payment);
    return payment;
  }
}

/** A short, stable code for the URL (the real one carries a `code` parameter too). */
function linkCode(id: number): string {
  return createHash('sha256').update(`paylinks-sandbox:${id}`).digest('hex').slice(0, 8);
}

function approvedCount(link: StoredLink): number {
  return link.payments.filter((p) => p.status === 'APPROVED').length;
}

/** `null` when payments are unlimited (`paymentsAllowed` absent). */
export function availablePayments(link: StoredLink): number | null {
  if (link.paymentsAllowed === null) return null;
  return Math.max(0, link.paymentsAllowed - approvedCount(link));
}

export function linkStatus(link: StoredLink, now: Date): LinkStatus {
  if (link.disabled || availablePayments(link) === 0) return 'INACTIVE';
  if (link.expiredByControl || link.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  return 'ACTIVE';
}

/**
 * Shapes of the Payment Links API as the rest of the project sees them.
 *
 * Amounts are canonical decimal strings ("1250000.5", "25000"): never a float.
 * The client writes them into the JSON body as number literals without going
 * through `Number`, and reads amounts back into strings.
 */

export interface Credentials {
  login: string;
  secretKey: string;
}

/** The `auth` object every request body carries. */
export interface AuthBlock {
  login: string;
  tranKey: string;
  nonce: string;
  seed: string;
}

export interface Recipient {
  email?: string;
  phoneNumber?: string;
  sendSMS?: boolean;
  sendWhatsapp?: boolean;
}

export interface TaxLine {
  kind: string;
  amount: string;
  base?: string;
}

/** A create request without `auth` (the client adds it to every attempt). */
export interface CreateLinkRequest {
  name: string;
  reference: string;
  description: string;
  /** Site-local date-time `YYYY-MM-DD HH:mm:ss`. */
  expirationDate: string;
  /** Minutes each checkout session may last. */
  paymentExpiration: number;
  payment: {
    amount: {
      currency: string;
      /** Canonical decimal string, sent as a JSON number literal. */
      total: string;
      taxes?: TaxLine[];
    };
  };
  paymentsAllowed?: number;
  notificationUrl?: string;
  locale?: string;
  paymentMethod?: string[];
  recipients?: Recipient[];
}

export interface CreatedLink {
  id: number;
  url: string;
  /** Set on a "partial success": the link exists but a notification channel failed. */
  warning?: string;
}

export type LinkStatus = 'ACTIVE' | 'INACTIVE' | 'EXPIRED';

export interface LinkPayment {
  id?: number;
  requestId?: number;
  status: string;
  message?: string;
  processUrl?: string;
  amount?: { currency?: string; total?: string };
  receipt?: string;
  franchise?: string;
  paymentMethod?: string;
  paymentDate?: string;
  internalReference?: number;
  authorization?: string;
  issuerName?: string;
  lastDigits?: string;
  installments?: number;
  payer?: {
    name?: string;
    surname?: string;
    email?: string;
    phone?: string;
    document?: string;
    documentType?: string;
  };
}

/** A queried link, normalised: camelCase whatever the service sent. */
export interface LinkInfo {
  id: number;
  status: LinkStatus | string;
  url?: string;
  /** As the service sent it (ISO 8601 with offset in the published example). */
  expirationDate?: string;
  name?: string;
  reference?: string;
  description?: string;
  totalPayments?: number;
  availablePayments?: number;
  paymentExpiration?: number;
  amount?: { currency?: string; total?: string };
  site?: { id?: number; name?: string };
  notificationUrl?: string;
  locale?: string;
  payments: LinkPayment[];
}

export interface DisabledLink {
  id: number;
}

/** The body of a webhook notification. */
export interface Notification {
  status: { status: string; reason?: string | number; message?: string; date: string };
  linkId: number | string;
  reference?: string;
  signature: string;
}

export const BASE_URLS = {
  test: 'https://sites-test.placetopay.com',
  production: 'https://sites.placetopay.com',
} as const;

export type Environment = keyof typeof BASE_URLS;

/**
 * The headers of the columns paylinks adds to a sheet. Code finds a column
 * by its stable key (`link_state`, …); a sheet written in English has the
 * keys as headers, one written in Spanish these headers. Every Spanish
 * header is chosen so that no billing sheet is likely to have it already
 * ("Vencimiento del enlace", not "Vence", which is a due-date column), since
 * a sheet that already has one of these columns gets it overwritten in place.
 *
 * The two `*_label` columns exist only in Spanish sheets: beside a state
 * column, the state's label for a person (the state cell stays a code).
 */
import { msg } from '../message.js';

export const columns = {
  link_state: msg({ es: 'Estado del enlace', en: 'link_state' }),
  link_state_label: msg({ es: 'Estado del enlace (texto)', en: 'link_state_label' }),
  link_id: msg({ es: 'Id del enlace', en: 'link_id' }),
  link_url: msg({ es: 'Enlace de pago', en: 'link_url' }),
  expires_at: msg({ es: 'Vencimiento del enlace', en: 'expires_at' }),
  error: msg({ es: 'Error', en: 'error' }),
  request: msg({ es: 'Solicitud (simulación)', en: 'request' }),
  link_status: msg({ es: 'Estado en Placetopay', en: 'link_status' }),
  payment_state: msg({ es: 'Estado del pago', en: 'payment_state' }),
  payment_state_label: msg({ es: 'Estado del pago (texto)', en: 'payment_state_label' }),
  paid_amount: msg({ es: 'Valor pagado en línea', en: 'paid_amount' }),
  paid_at: msg({ es: 'Fecha del pago en línea', en: 'paid_at' }),
  receipt: msg({ es: 'Recibo del pago', en: 'receipt' }),
  authorization: msg({ es: 'Autorización del pago', en: 'authorization' }),
  payment_method: msg({ es: 'Medio de pago en línea', en: 'payment_method' }),
  payer_name: msg({ es: 'Nombre de quien pagó', en: 'payer_name' }),
  checked_at: msg({ es: 'Revisado el', en: 'checked_at' }),
  reconcile_error: msg({ es: 'Error de conciliación', en: 'reconcile_error' }),
  // reissue's, only in sheets it has re-issued: the link a row had before, and how many times it was replaced.
  previous_link_id: msg({ es: 'Id del enlace anterior', en: 'previous_link_id' }),
  previous_link_url: msg({ es: 'Enlace de pago anterior', en: 'previous_link_url' }),
  reissue_count: msg({ es: 'Veces reemitido', en: 'reissue_count' }),
} as const;

export type ColumnKey = keyof typeof columns;

/**
 * Talking to Placetopay (src/api): the service's refusals by status, network
 * failures, and answers that cannot be read. `said` is the service's own
 * message, quoted as it came (often in Spanish already).
 */
import { msg } from '../message.js';

export type Operation = 'create' | 'get' | 'disable';

const OPERATION_ES: Record<Operation, { request: string; of: string }> = {
  create: { request: 'la solicitud de creación', of: 'la creación' },
  get: { request: 'la solicitud de consulta', of: 'la consulta' },
  disable: { request: 'la solicitud de desactivación', of: 'la desactivación' },
};

type What = { operation: Operation; linkId?: number };
type Said = { said?: string };

/** "the create request" / "the get of link 12". */
function whatEn({ operation, linkId }: What): string {
  return linkId === undefined ? `the ${operation} request` : `the ${operation} of link ${linkId}`;
}

function whatEs({ operation, linkId }: What): string {
  return linkId === undefined ? OPERATION_ES[operation].request : `${OPERATION_ES[operation].of} del enlace ${linkId}`;
}

const saidEn = (said: string | undefined): string => (said === undefined ? '' : ` The service said: "${said}"`);
const saidEs = (said: string | undefined): string => (said === undefined ? '' : ` El servicio respondió: "${said}"`);
const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export const api = {
  // Authentication (api/errors.ts, api/status-errors.ts)
  authCause: msg<{ code: 101 | 102 | 103 | 104 }>({
    es: ({ code }) =>
      ({
        101: 'el login no existe en este ambiente (¿--env o --base-url equivocado?)',
        102: 'el tranKey no coincide (¿clave secreta equivocada para este login?)',
        103: 'la semilla está a más de 5 minutos del reloj del servicio (revise el reloj de este equipo)',
        104: 'el sitio está inactivo (pídale a Placetopay que lo active)',
      })[code],
    en: ({ code }) =>
      ({
        101: 'the login does not exist in this environment (wrong --env or --base-url?)',
        102: 'the tranKey does not match (wrong secret key for this login?)',
        103: "the seed is more than 5 minutes away from the service's clock (check this machine's clock)",
        104: 'the site is inactive (ask Placetopay to activate it)',
      })[code],
  }),
  authFailed: msg<{ code?: number; cause?: string }>({
    es: ({ code, cause }) => `Falló la autenticación (${code === undefined ? 'autenticación mal formada' : `código ${code}: ${cause}`}). No se envió nada más.`,
    en: ({ code, cause }) => `Authentication failed (${code === undefined ? 'malformed authentication' : `code ${code}: ${cause}`}). Nothing more was sent.`,
  }),
  refusedCode: msg<{ code: number; cause: string }>({
    es: ({ code, cause }) => `Placetopay rechazó las credenciales (código ${code}): ${cause}.`,
    en: ({ code, cause }) => `Placetopay refused the credentials (code ${code}): ${cause}.`,
  }),
  malformedAuth: msg({
    es: 'Placetopay no pudo leer la autenticación de la solicitud ("Malformed authentication"): el cuerpo o su bloque auth no llegó como JSON (¿hay un proxy de por medio?).',
    en: 'Placetopay could not read the request\'s authentication ("Malformed authentication"): the body or its auth block did not arrive as JSON (a proxy in the way?).',
  }),
  otherSite: msg<{ linkId: number; operation: Operation } & Said>({
    es: ({ linkId, operation, said }) =>
      `El enlace ${linkId} pertenece a otro sitio: estas credenciales no pueden ${operation === 'get' ? 'consultarlo' : 'desactivarlo'}.${saidEs(said)}`,
    en: ({ linkId, operation, said }) =>
      `Link ${linkId} belongs to another site: these credentials cannot ${operation === 'get' ? 'query' : 'disable'} it.${saidEn(said)}`,
  }),
  refused401: msg<Said>({
    es: ({ said }) => `Placetopay rechazó las credenciales (HTTP 401).${saidEs(said)}`,
    en: ({ said }) => `Placetopay refused the credentials (HTTP 401).${saidEn(said)}`,
  }),

  // Other statuses (api/status-errors.ts)
  rejected: msg<What & { fields: string }>({
    es: (p) => `Placetopay rechazó ${whatEs(p)}: ${p.fields}`,
    en: (p) => `Placetopay rejected ${whatEn(p)}: ${p.fields}`,
  }),
  fieldsUnsaid: msg({ es: 'el servicio no dijo qué campos (HTTP 422).', en: 'the service did not say which fields (HTTP 422).' }),
  endpointNotFound: msg<{ endpoint: string } & Said>({
    es: ({ endpoint, said }) => `Placetopay respondió 404 Not Found en ${endpoint}: revise --env o --base-url.${saidEs(said)}`,
    en: ({ endpoint, said }) => `Placetopay answered 404 Not Found at ${endpoint}: check --env or --base-url.${saidEn(said)}`,
  }),
  linkNotFound: msg<{ linkId: number } & Said>({
    es: ({ linkId, said }) => `El enlace ${linkId} no existe en este ambiente.${saidEs(said)}`,
    en: ({ linkId, said }) => `Link ${linkId} does not exist in this environment.${saidEn(said)}`,
  }),
  alreadyDisabled: msg<{ linkId?: number } & Said>({
    es: ({ linkId, said }) => `El enlace ${linkId} ya está desactivado.${saidEs(said)}`,
    en: ({ linkId, said }) => `Link ${linkId} is already disabled.${saidEn(said)}`,
  }),
  alreadyExpired: msg<{ linkId?: number } & Said>({
    es: ({ linkId, said }) => `El enlace ${linkId} ya venció, así que ya está cerrado.${saidEs(said)}`,
    en: ({ linkId, said }) => `Link ${linkId} has expired, so it is already closed.${saidEn(said)}`,
  }),
  badRequest: msg<What & Said>({
    es: (p) => `Placetopay rechazó ${whatEs(p)} por mal formada (HTTP 400).${saidEs(p.said)}`,
    en: (p) => `Placetopay refused ${whatEn(p)} as malformed (HTTP 400).${saidEn(p.said)}`,
  }),
  rateLimited: msg<What & { wait?: string }>({
    es: (p) => `Placetopay está limitando el ritmo de solicitudes (HTTP 429) para ${whatEs(p)}.${p.wait === undefined ? '' : ` Pidió esperar ${p.wait}.`}`,
    en: (p) => `Placetopay is limiting the request rate (HTTP 429) for ${whatEn(p)}.${p.wait === undefined ? '' : ` It asked to wait ${p.wait}.`}`,
  }),
  serverError: msg<What & Said & { status: number }>({
    es: (p) =>
      `Placetopay falló con HTTP ${p.status} en ${whatEs(p)}.${p.operation === 'create' ? ' Puede que el enlace se haya creado o no.' : ''}${saidEs(p.said)}`,
    en: (p) =>
      `Placetopay failed with HTTP ${p.status} on ${whatEn(p)}.${p.operation === 'create' ? ' The link may or may not have been created.' : ''}${saidEn(p.said)}`,
  }),
  unexpectedStatus: msg<What & Said & { status: number }>({
    es: (p) => `Placetopay respondió un HTTP ${p.status} inesperado a ${whatEs(p)}.${saidEs(p.said)}`,
    en: (p) => `Placetopay answered an unexpected HTTP ${p.status} to ${whatEn(p)}.${saidEn(p.said)}`,
  }),
  notJson: msg<What & { status: number }>({
    es: (p) =>
      `Placetopay respondió HTTP ${p.status} a ${whatEs(p)} con un cuerpo que no es JSON.${p.operation === 'create' ? ' Probablemente el enlace se creó y hay que buscarlo a mano.' : ''}`,
    en: (p) =>
      `Placetopay answered HTTP ${p.status} to ${whatEn(p)} with a body that is not JSON.${p.operation === 'create' ? ' The link was probably created and must be looked up by hand.' : ''}`,
  }),

  // Network (api/network-errors.ts)
  aborted: msg<What>({
    es: (p) => `Se canceló ${whatEs(p)}.${p.operation === 'create' ? ' Si ya se había enviado, puede que el enlace exista.' : ''}`,
    en: (p) => `${capital(whatEn(p))} was aborted.${p.operation === 'create' ? ' If it had already been sent, the link may exist.' : ''}`,
  }),
  tooLarge: msg<What & { target: string }>({
    es: (p) => `La respuesta a ${whatEs(p)} desde ${p.target} es demasiado grande para ser una respuesta de Placetopay.`,
    en: (p) => `The answer to ${whatEn(p)} from ${p.target} is too large to be a Placetopay answer.`,
  }),
  notSent: msg<What & { target: string; reason: string }>({
    es: (p) => `No se pudo llegar a ${p.target}: ${p.reason}; ${whatEs(p)} no se envió.`,
    en: (p) => `Could not reach ${p.target}: ${p.reason}; ${whatEn(p)} was not sent.`,
  }),
  outcomeUnknown: msg<What & { target: string; reason: string }>({
    es: (p) => `${capital(whatEs(p))} se envió a ${p.target} pero ${p.reason}; ${p.operation === 'create' ? 'puede que el enlace se haya creado o no.' : p.operation === 'disable' ? 'puede que el enlace se haya desactivado o no.' : 'una consulta no cambia nada.'}`,
    en: (p) => `${capital(whatEn(p))} was sent to ${p.target} but ${p.reason}; ${p.operation === 'create' ? 'the link may or may not have been created.' : p.operation === 'disable' ? 'the link may or may not have been disabled.' : 'nothing was changed by a query.'}`,
  }),
  transportReason: msg<{ code: string }>({
    es: ({ code }) =>
      ({
        UND_ERR_CONNECT_TIMEOUT: 'la conexión no se pudo abrir a tiempo',
        UND_ERR_CLOSED: 'el cliente ya estaba cerrado',
        ECONNREFUSED: 'la conexión fue rechazada',
        ENOTFOUND: 'el nombre del servidor no se puede resolver',
        EAI_AGAIN: 'el nombre del servidor no se pudo resolver (DNS no disponible)',
        UND_ERR_HEADERS_TIMEOUT: 'no llegó respuesta dentro del tiempo de espera de los encabezados',
        UND_ERR_BODY_TIMEOUT: 'la respuesta dejó de llegar (tiempo de espera del cuerpo)',
        UND_ERR_SOCKET: 'la conexión se cerró antes de que llegara la respuesta',
        ECONNRESET: 'la conexión se reinició antes de que llegara la respuesta',
        EPIPE: 'la conexión se rompió mientras se escribía la solicitud',
        ETIMEDOUT: 'se agotó el tiempo de la conexión',
      } as Record<string, string>)[code] ?? `falló el transporte (${code})`,
    en: ({ code }) =>
      ({
        UND_ERR_CONNECT_TIMEOUT: 'the connection could not be opened in time',
        UND_ERR_CLOSED: 'the client was already closed',
        ECONNREFUSED: 'the connection was refused',
        ENOTFOUND: 'the host name does not resolve',
        EAI_AGAIN: 'the host name could not be resolved (DNS unavailable)',
        UND_ERR_HEADERS_TIMEOUT: 'no answer arrived within the headers timeout',
        UND_ERR_BODY_TIMEOUT: 'the answer stopped arriving (body timeout)',
        UND_ERR_SOCKET: 'the connection was closed before the answer arrived',
        ECONNRESET: 'the connection was reset before the answer arrived',
        EPIPE: 'the connection broke while the request was being written',
        ETIMEDOUT: 'the connection timed out',
      } as Record<string, string>)[code] ?? `the transport failed (${code})`,
  }),
  clientClosed: msg<{ operation: Operation }>({
    es: ({ operation }) => `El cliente de Placetopay está cerrado; ${OPERATION_ES[operation].request} no se envió.`,
    en: ({ operation }) => `The Placetopay client is closed; the ${operation} request was not sent.`,
  }),
  badLinkId: msg<{ id: string; operation: Operation }>({
    es: ({ id, operation }) => `El id de enlace ${id} no es un número entero positivo; ${OPERATION_ES[operation].request} no se envió.`,
    en: ({ id, operation }) => `Link id ${id} is not a positive whole number; the ${operation} request was not sent.`,
  }),

  // Answers that cannot be read (api/responses.ts, api/body.ts)
  createdWithoutId: msg({
    es: 'Placetopay aceptó la solicitud de creación pero su respuesta no trae id ni url del enlace; probablemente el enlace se creó y hay que buscarlo a mano.',
    en: 'Placetopay accepted the create request but its answer has no link id and url; the link was probably created and must be looked up by hand.',
  }),
  createdWithStatus: msg<{ state: string }>({
    es: ({ state }) => `el servicio informó el estado ${state} para un enlace creado`,
    en: ({ state }) => `the service reported status ${state} for a created link`,
  }),
  answerNotObject: msg({ es: 'no es un objeto JSON', en: 'is not a JSON object' }),
  answerNoStatus: msg({ es: 'no trae el estado del enlace', en: 'has no link status' }),
  answerOtherLink: msg<{ id: string }>({ es: ({ id }) => `habla del enlace ${id}`, en: ({ id }) => `is about link ${id}` }),
  queryAnswer: msg<{ linkId: number; why: string }>({
    es: ({ linkId, why }) => `La respuesta de Placetopay a la consulta del enlace ${linkId} ${why}.`,
    en: ({ linkId, why }) => `Placetopay's answer to the query of link ${linkId} ${why}.`,
  }),
  paymentWithoutStatus: msg<{ linkId: number }>({
    es: ({ linkId }) => `La respuesta de Placetopay a la consulta del enlace ${linkId} trae un pago sin estado.`,
    en: ({ linkId }) => `Placetopay's answer to the query of link ${linkId} has a payment without a status.`,
  }),
  disableAnswer: msg<{ linkId: number; why: string }>({
    es: ({ linkId, why }) => `La respuesta de Placetopay a la desactivación del enlace ${linkId} ${why}.`,
    en: ({ linkId, why }) => `Placetopay's answer to disabling link ${linkId} ${why}.`,
  }),
  amountNotCanonical: msg<{ value: string; field: string }>({
    es: ({ value, field }) =>
      `El valor ${value} en ${field} no es un decimal canónico (dígitos con parte decimal opcional y sin ceros a la izquierda, p. ej. 1250000.5); no se envió nada.`,
    en: ({ value, field }) =>
      `The amount ${value} at ${field} is not a canonical decimal (digits with an optional fractional part and no leading zeros, e.g. 1250000.5); nothing was sent.`,
  }),
  notCanonical: msg<{ value: string }>({
    es: ({ value }) => `no es un decimal canónico: ${value}`,
    en: ({ value }) => `not a canonical decimal: ${value}`,
  }),

  // Link ids from outside (api/link-id.ts)
  linkIdAccepted: msg({
    es: 'un número entero de 1 a 15 dígitos decimales (solo 0-9, sin espacios, signos, decimales, exponentes ni hexadecimal)',
    en: 'a whole number of 1 to 15 decimal digits (0-9 only, no spaces, signs, decimals, exponents or hex)',
  }),
  linkIdNot: msg<{ shown: string; accepted: string }>({
    es: ({ shown, accepted }) => `${shown} no es ${accepted}`,
    en: ({ shown, accepted }) => `${shown} is not ${accepted}`,
  }),
  linkIdType: msg<{ type: string; accepted: string }>({
    es: ({ type, accepted }) => `un id de enlace debe ser ${accepted}, no ${type}`,
    en: ({ type, accepted }) => `a link id must be ${accepted}, not ${type}`,
  }),
} as const;

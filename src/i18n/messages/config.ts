/**
 * Where the service is and with which credentials (src/api/credentials.ts,
 * the CLI's connection and notification secret), and what `paylinks sandbox`
 * prints. Never a secret in any of them.
 */
import { msg } from '../message.js';

const SHAPE = '{"login": "...", "secretKey": "..."}';
const EXPECTED_URL = {
  es: 'una URL http(s) como https://sites-test.placetopay.com o http://127.0.0.1:4010',
  en: 'an http(s) URL such as https://sites-test.placetopay.com or http://127.0.0.1:4010',
};

export const config = {
  envMissing: msg<{ envs: string[] }>({
    es: ({ envs }) => `No se eligió un ambiente de Placetopay: indique --env ${envs.join(' o --env ')}, o --base-url <url>.`,
    en: ({ envs }) => `No Placetopay environment chosen: pass --env ${envs.join(' or --env ')}, or --base-url <url>.`,
  }),
  envInvalid: msg<{ env: string; envs: string[] }>({
    es: ({ env, envs }) => `Ambiente desconocido "${env}": use ${envs.map((e) => `--env ${e}`).join(' o ')}.`,
    en: ({ env, envs }) => `Unknown environment "${env}": use ${envs.map((e) => `--env ${e}`).join(' or ')}.`,
  }),
  baseUrlNotUrl: msg<{ raw: string }>({
    es: ({ raw }) => `--base-url "${raw}" no es una URL; se espera ${EXPECTED_URL.es}.`,
    en: ({ raw }) => `--base-url "${raw}" is not a URL; expected ${EXPECTED_URL.en}.`,
  }),
  baseUrlUserInfo: msg({
    es: `--base-url no debe llevar usuario ni contraseña; se espera ${EXPECTED_URL.es}.`,
    en: `--base-url must not contain a user name or password; expected ${EXPECTED_URL.en}.`,
  }),
  baseUrlProtocol: msg<{ raw: string; protocol: string }>({
    es: ({ raw, protocol }) => `--base-url "${raw}" usa ${protocol}; se espera ${EXPECTED_URL.es}.`,
    en: ({ raw, protocol }) => `--base-url "${raw}" uses ${protocol}; expected ${EXPECTED_URL.en}.`,
  }),
  baseUrlQuery: msg<{ raw: string }>({
    es: ({ raw }) => `--base-url "${raw}" tiene parámetros de consulta o fragmento; se espera ${EXPECTED_URL.es}.`,
    en: ({ raw }) => `--base-url "${raw}" has a query or fragment; expected ${EXPECTED_URL.en}.`,
  }),
  baseUrlClient: msg<{ url: string }>({
    es: ({ url }) => `La URL base "${url}" no es una URL http(s) como https://sites-test.placetopay.com.`,
    en: ({ url }) => `The base URL "${url}" is not an http(s) URL such as https://sites-test.placetopay.com.`,
  }),

  credentialsMissing: msg<{ missing: string[]; login: string; secret: string }>({
    es: ({ missing, login, secret }) =>
      `Faltan las credenciales de Placetopay: ${missing.join(' y ')} ${missing.length > 1 ? 'no están definidas' : 'no está definida'}. ` +
      `Defina ${login} y ${secret}, o indique --credentials <archivo> con un archivo JSON ${SHAPE} (chmod 600).`,
    en: ({ missing, login, secret }) =>
      `No Placetopay credentials: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set. ` +
      `Set ${login} and ${secret}, or pass --credentials <file> naming a JSON file ${SHAPE} (chmod 600).`,
  }),
  credentialsLoose: msg<{ file: string; mode: string }>({
    es: ({ file, mode }) => `Otros usuarios de este equipo pueden leer el archivo de credenciales ${file} (modo ${mode}); ejecute: chmod 600 "${file}"`,
    en: ({ file, mode }) => `Credentials file ${file} can be read by other users of this machine (mode ${mode}); run: chmod 600 "${file}"`,
  }),
  credentialsUnreadable: msg<{ file: string; code?: string; login: string; secret: string }>({
    es: ({ file, code, login, secret }) =>
      `No se puede leer el archivo de credenciales ${file}: ${
        code === 'ENOENT' ? 'no existe'
        : code === 'EACCES' || code === 'EPERM' ? 'permiso denegado'
        : code === 'EISDIR' ? 'es una carpeta, no un archivo'
        : `error ${code ?? 'desconocido'}`
      }. Indique en --credentials la ruta de un archivo JSON legible ${SHAPE}, o defina ${login} y ${secret}.`,
    en: ({ file, code, login, secret }) =>
      `Cannot read credentials file ${file}: ${
        code === 'ENOENT' ? 'it does not exist'
        : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
        : code === 'EISDIR' ? 'it is a folder, not a file'
        : `error ${code ?? 'unknown'}`
      }. Pass --credentials with the path of a readable JSON file ${SHAPE}, or set ${login} and ${secret} instead.`,
  }),
  credentialsNotJson: msg<{ file: string }>({
    es: ({ file }) => `El archivo de credenciales ${file} no es JSON válido; se espera ${SHAPE}.`,
    en: ({ file }) => `Credentials file ${file} is not valid JSON; expected ${SHAPE}.`,
  }),
  credentialsNotObject: msg<{ file: string }>({
    es: ({ file }) => `El archivo de credenciales ${file} debe contener un objeto JSON ${SHAPE}.`,
    en: ({ file }) => `Credentials file ${file} must hold a JSON object ${SHAPE}.`,
  }),
  credentialsLack: msg<{ file: string; missing: string[] }>({
    es: ({ file, missing }) => `Al archivo de credenciales ${file} le falta ${missing.join(' y ')} (un texto no vacío); se espera ${SHAPE}.`,
    en: ({ file, missing }) => `Credentials file ${file} lacks ${missing.join(' and ')} (a non-empty string); expected ${SHAPE}.`,
  }),

  // `paylinks sandbox` (src/cli/commands/sandbox.ts)
  sandboxListening: msg<{ url: string }>({
    es: ({ url }) => `sandbox de paylinks escuchando en ${url}`,
    en: ({ url }) => `paylinks sandbox listening on ${url}`,
  }),
  sandboxCredentialsFromEnv: msg({
    es: '  credenciales: PLACETOPAY_LOGIN y PLACETOPAY_SECRET_KEY de este entorno',
    en: '  credentials: PLACETOPAY_LOGIN and PLACETOPAY_SECRET_KEY from this environment',
  }),
  sandboxTestKey: msg({
    es: '(la clave de prueba publicada del sandbox, no un secreto real)',
    en: "(the sandbox's published test key, not a real secret)",
  }),
  sandboxControls: msg<{ url: string }>({
    es: ({ url }) => `  controles: ${url}/__sandbox/counters, POST ${url}/__sandbox/links/<id>/pay | expire | notify`,
    en: ({ url }) => `  controls: ${url}/__sandbox/counters, POST ${url}/__sandbox/links/<id>/pay | expire | notify`,
  }),
  sandboxStop: msg({
    es: '  Ctrl-C para detenerlo (los enlaces viven solo en memoria).',
    en: '  Ctrl-C to stop (links live in memory only).',
  }),
} as const;

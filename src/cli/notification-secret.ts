/**
 * The secret key that signs notifications, for `webhook` and
 * `verify-notification`. Only the secret is needed (not the login), so it
 * comes from --credentials, or PLACETOPAY_SECRET_KEY alone, or the sandbox's
 * documented key with --sandbox. Never from a flag: flags end up in `ps`.
 */
import { ConfigError, loadCredentials, SECRET_VAR } from '../api/credentials.js';
import { DEFAULT_SANDBOX_CREDENTIALS } from '../api/sandbox/server.js';
import { rememberSecret } from '../secrets.js';
import { say } from '../i18n/message.js';
import { config as configText } from '../i18n/messages/config.js';

export interface SecretFlags {
  credentials?: string;
  sandbox?: boolean;
}

export interface LoadedSecret {
  secret: string;
  warnings: string[];
}

export async function loadNotificationSecret(flags: SecretFlags, env: NodeJS.ProcessEnv = process.env): Promise<LoadedSecret> {
  if (flags.sandbox) return { secret: DEFAULT_SANDBOX_CREDENTIALS.secretKey, warnings: [] };
  if (flags.credentials !== undefined) {
    const loaded = await loadCredentials({ file: flags.credentials, env });
    return { secret: loaded.credentials.secretKey, warnings: loaded.warnings };
  }
  const secret = env[SECRET_VAR]?.trim() ?? '';
  if (secret !== '') {
    rememberSecret(secret);
    return { secret, warnings: [] };
  }
  throw new ConfigError('CREDENTIALS_MISSING', say(configText.notificationSecretMissing, { secret: SECRET_VAR }));
}

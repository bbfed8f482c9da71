/**
 * Where requests go and with which credentials: the embedded sandbox
 * (--sandbox), a published environment (--env), or any base URL (--base-url).
 */
import { PlacetopayClient } from '../api/client.js';
import { ConfigError, loadCredentials, resolveBaseUrl } from '../api/credentials.js';
import { startSandbox } from '../api/sandbox/server.js';
import type { SandboxHandle } from '../api/sandbox/options.js';
import type { Environment } from '../api/types.js';
import { say } from '../i18n/message.js';
import { config as configText } from '../i18n/messages/config.js';

export interface ConnectionFlags {
  sandbox?: boolean;
  env?: string;
  baseUrl?: string;
  credentials?: string;
  /** Seconds to wait for an answer's headers, and between chunks of its body. */
  timeout?: number;
}

export interface Connection {
  api: PlacetopayClient;
  baseUrl: string;
  /** Things to fix that do not stop the run (a credentials file others can read). */
  warnings: string[];
  close(): Promise<void>;
}

export async function connect(flags: ConnectionFlags, connections: number): Promise<Connection> {
  const timeoutMs = (flags.timeout ?? 30) * 1000;
  const timeouts = { connectMs: 10_000, headersMs: timeoutMs, bodyMs: timeoutMs };
  let sandbox: SandboxHandle | undefined;
  let baseUrl: string;
  let credentials;
  let warnings: string[] = [];
  if (flags.sandbox) {
    if (flags.env || flags.baseUrl) {
      throw new ConfigError('BASE_URL_INVALID', say(configText.sandboxWithEnv));
    }
    sandbox = await startSandbox({});
    baseUrl = sandbox.url;
    credentials = sandbox.credentials;
  } else {
    if (flags.env !== undefined && flags.env !== 'test' && flags.env !== 'production') {
      throw new ConfigError('BASE_URL_INVALID', say(configText.envMustBe, { env: flags.env }));
    }
    baseUrl = resolveBaseUrl({ env: flags.env as Environment | undefined, baseUrl: flags.baseUrl });
    const loaded = await loadCredentials({ file: flags.credentials, env: process.env });
    credentials = loaded.credentials;
    warnings = loaded.warnings;
  }
  const api = new PlacetopayClient({ baseUrl, credentials, timeouts, connections });
  return {
    api,
    baseUrl,
    warnings,
    async close() {
      await api.close();
      await sandbox?.close();
    },
  };
}

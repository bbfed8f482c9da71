/**
 * What the pipeline needs from the API: the three operations, nothing about
 * HTTP. The real client and any test double satisfy it.
 */
import type { CreateLinkRequest, CreatedLink, DisabledLink, LinkInfo } from '../../api/types.js';

export interface CallOptions {
  signal?: AbortSignal;
}

export interface LinkQuery {
  get(id: number, options?: CallOptions): Promise<LinkInfo>;
}

export interface LinkApi extends LinkQuery {
  create(request: CreateLinkRequest, options?: CallOptions): Promise<CreatedLink>;
  disable(id: number, options?: CallOptions): Promise<DisabledLink>;
}

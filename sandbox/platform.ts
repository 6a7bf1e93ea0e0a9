import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { World } from './world/types.js';

/** One real host of a platform, served by the sandbox under a path prefix. */
export interface SandboxHost {
  /** The real host name, e.g. `graph.facebook.com`. */
  host: string;
  /** Where the sandbox serves it, e.g. `/meta/graph`. */
  prefix: string;
  purpose: 'api' | 'oauth' | 'conversions' | 'identity' | 'crm';
}

/**
 * A platform imitation: its hosts, its routes, and the way it says "no such path"
 * in its own error envelope (each platform answers differently, and adapters must cope).
 */
export interface SandboxPlatform {
  /** The four ad platforms, then the services around them: sign-in providers and CRMs. */
  id: 'meta' | 'google' | 'tiktok' | 'snapchat' | 'microsoft' | 'apple' | 'hubspot' | 'zoho';
  name: string;
  hosts: SandboxHost[];
  /** Registers the host's routes; `world` is the one shared state (accounts, tokens, faults, what was received). */
  register(app: FastifyInstance, host: SandboxHost, world: World): Promise<void>;
  notFound(req: FastifyRequest, reply: FastifyReply, host: SandboxHost): FastifyReply;
  /**
   * The sandbox's own routes for this imitation, under `/_sandbox/<prefix>` (not part of the
   * imitated API): what it received, faults to inject. Tests and people use them alike.
   */
  control?: { prefix: string; register(app: FastifyInstance): Promise<void> };
}

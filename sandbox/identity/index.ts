import type { SandboxPlatform } from '../platform.js';
import { apple } from './apple.js';
import { microsoft } from './microsoft.js';

/**
 * OpenID Connect providers for "Continue with Microsoft / Apple". Google's sign-in lives on
 * the Google platform's own hosts (accounts.google.com, oauth2.googleapis.com), as it does for real.
 */
export const identityProviders: readonly SandboxPlatform[] = [microsoft, apple];

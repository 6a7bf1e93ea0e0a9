/** Sections of the app that exist only as "coming soon" placeholders for now. */
export type PlaceholderSection = 'dashboard' | 'campaigns' | 'analytics' | 'automation';

export type AppSection = PlaceholderSection | 'settings' | 'system';

export interface AppNavItem {
  section: AppSection;
  to: string;
}

export const APP_NAV: readonly AppNavItem[] = [
  { section: 'dashboard', to: '/app' },
  { section: 'campaigns', to: '/app/campaigns' },
  { section: 'analytics', to: '/app/analytics' },
  { section: 'automation', to: '/app/automation' },
  { section: 'settings', to: '/app/settings' },
  { section: 'system', to: '/app/system' },
];

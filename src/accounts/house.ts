/** The house workspace (created by migration 0002): Stratum's own marketing funnel lives in it. */
export const HOUSE_WORKSPACE_ID = 'ws_stratum';
export const houseScope = { workspaceId: HOUSE_WORKSPACE_ID } as const;

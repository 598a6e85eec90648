export const INVITATION_STATES = ['open', 'accepted', 'revoked', 'expired'] as const;

export const RELATIONS = ['owner', 'family', 'renter', 'other'] as const;
export type Relation = (typeof RELATIONS)[number];
export const VERIFICATION_STATUSES = ['pending', 'verified', 'rejected', 'revoked'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** No 0/O, 1/I: the code is read off paper and typed on a phone. 32 symbols × 10 = 50 bits. */
export const CLAIM_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CLAIM_CODE_LENGTH = 10;

/** "abcd-efgh jk" → "ABCDEFGHJK": people type codes with the printed dashes, spaces and lower case. */
export const normalizeClaimCode = (value: string) => value.toUpperCase().replace(/[\s-]/g, '');

/** "ABCDEFGHJK" → "ABCD-EFGH-JK" for printing. */
export const formatClaimCode = (code: string) => code.match(/.{1,4}/g)!.join('-');

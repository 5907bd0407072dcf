/** What a bearer token of this fleet is: the auth service signs tokens with these, the gateway's edge accepts only these. */
export const TOKEN_ISSUER = 'hmsops-auth';
export const TOKEN_AUDIENCE = 'hmsops';
export const TOKEN_ALGORITHM = 'EdDSA';

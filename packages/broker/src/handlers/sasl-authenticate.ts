// SaslAuthenticate v0-2: one token of the connection's SASL exchange. SASL_AUTHENTICATION_FAILED
// (with the mechanism's message) closes the connection after the answer; v1+ answers the
// session lifetime when connections.max.reauth.ms applies (KIP-368). Out of order (no handshake,
// or on a listener without SASL): ILLEGAL_SASL_STATE.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';

export const saslAuthenticateHandler = defineHandler({
  apiKey: ApiKey.SaslAuthenticate,
  minVersion: 0,
  maxVersion: 2,
  handle(req, ctx) {
    const sasl = ctx.connection.sasl;
    if (sasl === undefined) {
      return { errorCode: ErrorCode.ILLEGAL_SASL_STATE, errorMessage: 'SaslAuthenticate on a listener without SASL', authBytes: Buffer.alloc(0), sessionLifetimeMs: 0n };
    }
    return sasl.authenticate(req.authBytes, ctx.apiVersion);
  },
});

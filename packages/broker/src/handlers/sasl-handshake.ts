// SaslHandshake v0-1. Picks the mechanism of the connection's SASL exchange; v0 means the
// client's tokens follow raw (size-prefixed, no request header), v1 that they come in
// SaslAuthenticate requests. An unknown mechanism answers UNSUPPORTED_SASL_MECHANISM with the
// enabled list, then the connection closes; on a listener without SASL, ILLEGAL_SASL_STATE.
// The state machine lives in security/authenticator.ts.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';

export const saslHandshakeHandler = defineHandler({
  apiKey: ApiKey.SaslHandshake,
  minVersion: 0,
  maxVersion: 1,
  handle(req, ctx) {
    const sasl = ctx.connection.sasl;
    if (sasl === undefined) return { errorCode: ErrorCode.ILLEGAL_SASL_STATE, mechanisms: [] };
    return sasl.handshake(req.mechanism, ctx.apiVersion);
  },
});

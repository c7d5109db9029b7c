// Request/response framing: size prefix, header version rules, and typed encode/decode of bodies.
import { Reader } from './codec/reader.js';
import { Writer } from './codec/writer.js';
import { ProtocolError } from './codec/errors.js';
import { APIS, ApiKey, apiByKey, type ApiTypes } from './generated/apis.js';
import { readRequestHeader, writeRequestHeader, type RequestHeader } from './generated/messages/request-header.js';
import { readResponseHeader, writeResponseHeader } from './generated/messages/response-header.js';

export const isFlexible = (apiKey: number, apiVersion: number): boolean => {
  const api = apiByKey(apiKey);
  return api !== undefined && api.flexibleMin >= 0 && apiVersion >= api.flexibleMin;
};

/** Api key 7, ControlledShutdown: removed from Kafka's specs in 4.0, its v0 used header v0. */
const CONTROLLED_SHUTDOWN = 7;

/** Request header v2 for flexible versions, v1 otherwise (v0 only for ControlledShutdown v0). */
export function requestHeaderVersion(apiKey: number, apiVersion: number): number {
  if (isFlexible(apiKey, apiVersion)) return 2;
  if (apiKey === CONTROLLED_SHUTDOWN && apiVersion === 0) return 0;
  return 1;
}

/** Response header v1 for flexible versions, v0 otherwise; ApiVersions responses always use v0. */
export function responseHeaderVersion(apiKey: number, apiVersion: number): number {
  if (apiKey === ApiKey.ApiVersions) return 0;
  return isFlexible(apiKey, apiVersion) ? 1 : 0;
}

export interface DecodedRequest<K extends keyof ApiTypes = keyof ApiTypes> {
  header: RequestHeader;
  body: ApiTypes[K]['request'];
}

/**
 * Reads a request header from a frame body (the bytes after the size prefix). The api key and
 * version are read first (they decide the header version), so unknown APIs can still be answered.
 */
export function readRequestHeaderOf(frame: Buffer): { header: RequestHeader; reader: Reader } {
  if (frame.length < 8) throw new ProtocolError('INVALID_REQUEST', `request frame too short: ${frame.length} bytes`);
  const apiKey = frame.readInt16BE(0);
  const apiVersion = frame.readInt16BE(2);
  const r = new Reader(frame);
  const header = readRequestHeader(r, apiByKey(apiKey) === undefined ? 1 : requestHeaderVersion(apiKey, apiVersion));
  return { header, reader: r };
}

/** Encodes a request frame, size prefix included. */
export function encodeRequest<K extends keyof ApiTypes>(
  apiKey: K,
  apiVersion: number,
  correlationId: number,
  clientId: string | null,
  body: ApiTypes[K]['requestInput'],
): Buffer[] {
  const w = new Writer(1024);
  w.int32(0);
  writeRequestHeader(w, requestHeaderVersion(apiKey, apiVersion), {
    requestApiKey: apiKey,
    requestApiVersion: apiVersion,
    correlationId,
    clientId,
  });
  (APIS[apiKey].writeRequest as (w: Writer, v: number, m: ApiTypes[K]['requestInput']) => void)(w, apiVersion, body);
  w.patchInt32(0, w.length - 4);
  return w.toBuffers();
}

/** Encodes a response frame, size prefix included. */
export function encodeResponse<K extends keyof ApiTypes>(
  apiKey: K,
  apiVersion: number,
  correlationId: number,
  body: ApiTypes[K]['responseInput'],
): Buffer[] {
  const w = new Writer(1024);
  w.int32(0);
  writeResponseHeader(w, responseHeaderVersion(apiKey, apiVersion), { correlationId });
  (APIS[apiKey].writeResponse as (w: Writer, v: number, m: ApiTypes[K]['responseInput']) => void)(w, apiVersion, body);
  w.patchInt32(0, w.length - 4);
  return w.toBuffers();
}

/** Decodes a response frame body (after the size prefix); throws if bytes remain. */
export function decodeResponse<K extends keyof ApiTypes>(
  apiKey: K,
  apiVersion: number,
  frame: Buffer,
): { correlationId: number; body: ApiTypes[K]['response'] } {
  const r = new Reader(frame);
  const h = readResponseHeader(r, responseHeaderVersion(apiKey, apiVersion));
  const body = APIS[apiKey].readResponse(r, apiVersion) as ApiTypes[K]['response'];
  if (r.remaining !== 0) throw new ProtocolError('INVALID_REQUEST', `${r.remaining} trailing bytes after response`);
  return { correlationId: h.correlationId, body };
}

/** Decodes a request frame body (after the size prefix); throws if bytes remain. */
export function decodeRequest(frame: Buffer): { header: RequestHeader; body: unknown } {
  const { header, reader } = readRequestHeaderOf(frame);
  const api = apiByKey(header.requestApiKey);
  if (api === undefined) throw new ProtocolError('INVALID_REQUEST', `unknown api key ${header.requestApiKey}`);
  if (header.requestApiVersion < api.minVersion || header.requestApiVersion > api.maxVersion) {
    throw new ProtocolError('UNSUPPORTED_VERSION', `${api.name} v${header.requestApiVersion} is outside ${api.minVersion}-${api.maxVersion}`);
  }
  const body = api.readRequest(reader, header.requestApiVersion);
  // Bytes after the body are ignored, as Kafka's parser does: librdkafka 2.x sends Metadata v12
  // requests with 3 extra bytes, and rejecting them closes every librdkafka consumer's connection.
  return { header, body };
}

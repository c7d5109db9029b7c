// @tideline/observability: pieces shared by the broker, the client, streams, the DLQ and the CLI.
export {};

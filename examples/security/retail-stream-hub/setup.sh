#!/bin/sh
# The platform team onboards the four teams, through the ADMIN listener as platform-admin.
set -eu
ADMIN=${ADMIN:-127.0.0.1:9092}

# 1. A service account per team (SCRAM-SHA-512; the password never leaves this machine).
tide -b "$ADMIN" --command-config admin.properties user create orders-svc --mechanism SCRAM-SHA-512 --password orders-secret
tide -b "$ADMIN" --command-config admin.properties user create fulfilment-svc --mechanism SCRAM-SHA-512 --password fulfilment-secret
tide -b "$ADMIN" --command-config admin.properties user create marketing-svc --mechanism SCRAM-SHA-512 --password marketing-secret
tide -b "$ADMIN" --command-config admin.properties user create returns-svc --mechanism SCRAM-SHA-512 --password returns-secret

# 2. The teams' topics.
tide -b "$ADMIN" --command-config admin.properties topic create orders.placed orders.cancelled
tide -b "$ADMIN" --command-config admin.properties topic create fulfilment.shipments
tide -b "$ADMIN" --command-config admin.properties topic create marketing.campaigns
tide -b "$ADMIN" --command-config admin.properties topic create returns.requests

# 3. Each team produces and consumes its own prefix: topics orders.* and groups orders.*, and so on.
tide -b "$ADMIN" --command-config admin.properties acl create --allow-principal User:orders-svc \
  --producer --consumer --topic orders. --group orders. --resource-pattern-type prefixed
tide -b "$ADMIN" --command-config admin.properties acl create --allow-principal User:fulfilment-svc \
  --producer --consumer --topic fulfilment. --group fulfilment. --resource-pattern-type prefixed
tide -b "$ADMIN" --command-config admin.properties acl create --allow-principal User:marketing-svc \
  --producer --consumer --topic marketing. --group marketing. --resource-pattern-type prefixed
tide -b "$ADMIN" --command-config admin.properties acl create --allow-principal User:returns-svc \
  --producer --consumer --topic returns. --group returns. --resource-pattern-type prefixed

# 4. Cross-team reads, read-only (READ implies DESCRIBE; the groups are the reader's own prefix):
#    fulfilment picks up placed orders, marketing reads every orders.* topic,
#    returns reads the shipments.
tide -b "$ADMIN" --command-config admin.properties acl create --allow-principal User:fulfilment-svc \
  --operation Read --topic orders.placed
tide -b "$ADMIN" --command-config admin.properties acl create --allow-principal User:marketing-svc \
  --operation Read --topic orders. --resource-pattern-type prefixed
tide -b "$ADMIN" --command-config admin.properties acl create --allow-principal User:returns-svc \
  --operation Read --topic fulfilment.shipments

# 5. Quotas per team (bytes/s), and a tight default for every other user (new accounts, the admin).
tide -b "$ADMIN" --command-config admin.properties quota set --user orders-svc \
  --producer-byte-rate 5242880 --consumer-byte-rate 10485760
tide -b "$ADMIN" --command-config admin.properties quota set --user fulfilment-svc \
  --producer-byte-rate 2097152 --consumer-byte-rate 10485760
tide -b "$ADMIN" --command-config admin.properties quota set --user marketing-svc \
  --producer-byte-rate 1048576 --consumer-byte-rate 4194304
tide -b "$ADMIN" --command-config admin.properties quota set --user returns-svc \
  --producer-byte-rate 262144 --consumer-byte-rate 1048576
tide -b "$ADMIN" --command-config admin.properties quota set --user-default \
  --producer-byte-rate 102400 --consumer-byte-rate 102400

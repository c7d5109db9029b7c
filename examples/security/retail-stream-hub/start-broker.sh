#!/bin/sh
# Starts the broker; the first start creates platform-admin's SCRAM credential (later starts keep it).
exec tide broker start --config server.properties \
  --add-scram 'SCRAM-SHA-512=[name=platform-admin,password=admin-secret]'

#!/bin/sh
# A CA of the hub's own and the broker's TLS certificate, as PEM files in certs/.
# The broker's certificate must name the host clients connect to: list your broker's DNS name
# (e.g. DNS:kafka.retail.example) in subjectAltName; this one is for a broker on this machine.
set -eu
mkdir -p certs
cd certs
openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj '/CN=Retail Stream Hub CA' \
  -keyout ca.key -out ca.crt
openssl req -new -newkey rsa:2048 -nodes -subj '/CN=localhost' -keyout broker.key -out broker.csr
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > broker.ext
openssl x509 -req -in broker.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 365 -sha256 \
  -extfile broker.ext -out broker.crt
# A KIP-651 PEM keystore: the private key and the certificate chain in one file.
cat broker.key broker.crt > broker.keystore.pem

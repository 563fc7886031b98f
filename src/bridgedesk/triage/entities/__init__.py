"""Entities an agent needs: transaction hashes, addresses (checksum-validated), user ids, order ids, error codes, emails."""

"""Customers: who writes to the desk, and the portal sign-in links they have used."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class Customer(models.Model):
    email = models.EmailField(max_length=320, unique=True)
    name = models.CharField(max_length=200, blank=True)
    language = models.CharField(max_length=8, default="en")
    anti_phishing_code = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.email


class PortalTokenUse(models.Model):
    """A customer sign-in link that was used; a nonce found here is refused (single use)."""

    nonce = models.CharField(max_length=64, unique=True)
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE)
    used_at = models.DateTimeField(default=timezone.now)

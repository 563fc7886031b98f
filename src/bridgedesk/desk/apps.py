from django.apps import AppConfig


class DeskConfig(AppConfig):
    name = "bridgedesk.desk"
    label = "desk"
    verbose_name = "Support desk"

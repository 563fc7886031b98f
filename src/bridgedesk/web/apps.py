from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "bridgedesk.web"
    label = "web"
    verbose_name = "Console"

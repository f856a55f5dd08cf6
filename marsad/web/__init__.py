"""The review app: ``create_app(store)`` builds it; ``marsad serve`` runs it."""

from marsad.web.app import Settings, create_app

__all__ = ["Settings", "create_app"]

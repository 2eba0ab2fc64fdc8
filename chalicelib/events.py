"""Handlers of the non-HTTP events app.py subscribes to: S3 uploads of item images, and the purge job.

Plain functions taking Chalice's event objects; the logic lives in the item service.
"""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from chalice.app import CloudWatchEvent, S3Event

    from chalicelib.services.items import ItemService

log = logging.getLogger(__name__)


def item_service() -> ItemService:
    """The service, imported on the first event: app.py imports this module on every cold start."""
    from chalicelib.services import item_service as shared

    return shared()


DEFAULT_PURGE_AFTER_DAYS = 30
#: The bucket whose uploads are watched (the stage's BUCKET_NAME; the deploy template declares it).
IMAGES_BUCKET = os.environ.get("BUCKET_NAME") or "reference-api-images"
IMAGES_PREFIX = "items/"
#: The media types openapi.yaml's `Image.content_type` allows.
IMAGE_TYPES = frozenset({"image/png", "image/jpeg"})


def purge_after() -> timedelta:
    """How long soft-deleted items are kept (PURGE_AFTER_DAYS, 30 by default; 0 purges at once)."""
    return timedelta(days=float(os.environ.get("PURGE_AFTER_DAYS") or DEFAULT_PURGE_AFTER_DAYS))


def on_image_uploaded(event: S3Event) -> dict[str, Any]:
    """An object was created in the images bucket: record its size and content type on its item."""
    service = item_service()
    found = service.images.get_image(event.key)
    if found is None:
        log.info("image %s vanished before its event was handled", event.key)
        return {"key": event.key, "recorded": False}
    content_type, data = found
    if content_type not in IMAGE_TYPES or not data:
        # the API serves only non-empty PNG/JPEG images (openapi.yaml's Image): recording anything else
        # would make every answer that includes the item break its API description (500)
        log.warning("not recording %s: %d bytes of %s", event.key, len(data), content_type)
        return {"key": event.key, "recorded": False}
    record = service.record_uploaded_image(event.key, len(data), content_type)
    return {"key": event.key, "recorded": record is not None}


def purge_deleted_items(event: CloudWatchEvent) -> dict[str, Any]:
    """Hard-delete the items (and their images) soft-deleted more than PURGE_AFTER_DAYS ago."""
    cutoff = datetime.now(UTC) - purge_after()
    purged = item_service().purge_deleted(cutoff)
    log.info("purged %d item(s) deleted before %s", purged, cutoff.isoformat())
    return {"purged": purged, "before": cutoff.isoformat()}

"""Lambda entry point: wiring only. Routes come from openapi.yaml (`make gen`); logic lives in chalicelib."""

from chalice import Chalice, Rate

from chalicelib import events
from chalicelib._generated.routes import BINARY_TYPES, blueprint, docs_blueprint
from chalicelib.runtime.errors import problem_errors

app = Chalice(app_name="reference-api")
app.api.binary_types.extend(t for t in BINARY_TYPES if t not in app.api.binary_types)
app.register_middleware(problem_errors, "http")
app.register_blueprint(blueprint)
app.register_blueprint(docs_blueprint)

app.on_s3_event(
    bucket=events.IMAGES_BUCKET,
    events=["s3:ObjectCreated:*"],
    prefix=events.IMAGES_PREFIX,
    name="on_image_uploaded",
)(events.on_image_uploaded)
app.schedule(Rate(1, unit=Rate.DAYS), name="purge_deleted_items")(events.purge_deleted_items)
